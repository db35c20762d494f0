package cn.eexpo.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

@MarketplaceTest
class SignUpViewTest extends SpringBrowserlessTest {

    @Autowired
    Accounts accounts;

    @AfterEach
    void signOut() {
        Shoppers.signOut();
    }

    @Test
    void eachFieldIsCheckedAsItIsTypedInTheShoppersLanguage() {
        navigate(SignUpView.class);
        Shoppers.speaks(StorefrontTranslations.CHINESE);

        test(email()).setValue("not-an-address");
        test(password()).setValue("short");
        test(name()).setValue("   ");

        assertThat(email().isInvalid()).isTrue();
        assertThat(email().getErrorMessage()).isEqualTo("邮箱格式不正确（例如 name@example.com）");
        assertThat(password().isInvalid()).isTrue();
        assertThat(password().getErrorMessage()).isEqualTo("密码至少需要 10 个字符");
        assertThat(name().getErrorMessage()).isEqualTo("请输入昵称");

        test(password()).setValue("alllowercase");
        assertThat(password().getErrorMessage()).isEqualTo("密码需包含小写字母、大写字母、数字、符号中的至少两类");

        Shoppers.speaks(StorefrontTranslations.ENGLISH);
        assertThat(email().getErrorMessage()).isEqualTo("This is not an e-mail address (name@example.com)");

        test(password()).setValue("Zhengzhou-2026");
        assertThat(password().isInvalid()).isFalse();
        test(submit()).click();
        assertThat(accounts.byEmail("not-an-address")).isEmpty();
        assertThat(email().getValue()).isEqualTo("not-an-address");
    }

    @Test
    void aTakenAddressIsShownOnTheFieldAndNothingTypedIsLost() {
        Account existing = Shoppers.newAccount(accounts);
        navigate(SignUpView.class);
        Shoppers.speaks(StorefrontTranslations.CHINESE);

        test(email()).setValue(existing.email().toUpperCase());
        test(name()).setValue("林梅");
        test(password()).setValue("Another-2026");
        test(submit()).click();

        assertThat(email().isInvalid()).isTrue();
        assertThat(email().getErrorMessage()).isEqualTo("该邮箱已注册，请直接登录或换一个邮箱");
        assertThat(name().getValue()).isEqualTo("林梅");
        assertThat(password().getValue()).isEqualTo("Another-2026");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();

        test(email()).setValue(Shoppers.newEmail());
        assertThat(email().isInvalid()).isFalse();
    }

    @Test
    void signingUpSignsTheNewShopperInAndGoesOnToContinue() {
        UI.getCurrent().navigate(SignUpView.class, QueryParameters.simple(Map.of("continue", "/cart")));
        String address = Shoppers.newEmail();

        test(email()).setValue(address);
        test(name()).setValue("林梅");
        test(password()).setValue("Zhengzhou-2026");
        test(submit()).click();

        Account opened = accounts.byEmail(address).orElseThrow();
        assertThat(opened.displayName()).isEqualTo("林梅");
        // Signed in for this request and, through the HTTP session, for every next one.
        assertThat(accounts.current()).contains(opened);
        var saved = (SecurityContext) VaadinSession.getCurrent()
                .getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved).isNotNull();
        assertThat(saved.getAuthentication().isAuthenticated()).isTrue();
        assertThat(saved.getAuthentication().getName()).isEqualTo(address);
        assertThat(saved.getAuthentication().getCredentials()).isNull();
        // A full page load, so that the header shows the account.
        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL())
                .isEqualTo("/cart");
    }

    @Test
    void withoutALocalPathToContinueToTheShopperGoesToTheAccount() {
        UI.getCurrent()
                .navigate(SignUpView.class, QueryParameters.simple(Map.of("continue", "//evil.example/account")));
        String address = Shoppers.newEmail();

        test(email()).setValue(address);
        test(name()).setValue("Mei Lin");
        test(password()).setValue("Zhengzhou-2026");
        test(submit()).click();

        assertThat(accounts.current()).map(Account::email).contains(address);
        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL())
                .isEqualTo("/account");
    }

    private TextField email() {
        return find(TextField.class).withId("signup-email").single();
    }

    private TextField name() {
        return find(TextField.class).withId("signup-name").single();
    }

    private PasswordField password() {
        return find(PasswordField.class).withId("signup-password").single();
    }

    private Button submit() {
        return find(Button.class).withId("signup-submit").single();
    }
}
