package cn.eexpo.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MarketplaceTest
class SignInViewTest extends SpringBrowserlessTest {

    @Test
    void theFormIsInChineseAndPostsToSpringSecurity() {
        navigate(SignInView.class);
        Shoppers.speaks(StorefrontTranslations.CHINESE);

        LoginForm login = find(LoginForm.class).single();

        assertThat(login.getAction()).isEqualTo("signin");
        assertThat(login.isError()).isFalse();
        assertThat(login.isForgotPasswordButtonVisible()).isFalse();
        assertThat(login.getElement().getPropertyRaw("i18n").toString())
                .contains("邮箱")
                .contains("密码");
        RouterLink signUp = find(RouterLink.class).withId("signin-to-signup").single();
        assertThat(signUp.getHref()).isEqualTo("signup");
        assertThat(signUp.getText()).isEqualTo("立即注册");
    }

    @Test
    void aFailedSignInSaysSoInEnglishToo() {
        UI.getCurrent().navigate(SignInView.class, QueryParameters.simple(Map.of("error", "")));
        Shoppers.speaks(StorefrontTranslations.ENGLISH);

        LoginForm login = find(LoginForm.class).single();

        assertThat(login.isError()).isTrue();
        assertThat(login.getElement().getPropertyRaw("i18n").toString())
                .contains("Wrong e-mail or password")
                .contains("E-mail");
    }

    @Test
    void aLockedSignInSaysForHowLong() {
        UI.getCurrent().navigate(SignInView.class, QueryParameters.simple(Map.of("locked", "15")));
        Shoppers.speaks(StorefrontTranslations.CHINESE);

        LoginForm login = find(LoginForm.class).single();

        assertThat(login.isError()).isTrue();
        assertThat(login.getElement().getPropertyRaw("i18n").toString())
                .contains("账户暂时锁定")
                .contains("15 分钟后重试");
    }

    @Test
    void theLinkToSignUpKeepsWhereTheShopperWasGoing() {
        UI.getCurrent().navigate(SignInView.class, QueryParameters.simple(Map.of("continue", "/checkout")));

        assertThat(find(RouterLink.class).withId("signin-to-signup").single().getHref())
                .isEqualTo("signup?continue=%2Fcheckout");
        assertThat(find(LoginForm.class).single().getAction()).isEqualTo("signin?continue=%2Fcheckout");
    }

    @Test
    void anotherSiteIsNoPlaceToContinueTo() {
        UI.getCurrent().navigate(SignInView.class, QueryParameters.simple(Map.of("continue", "https://evil.example/")));

        assertThat(find(RouterLink.class).withId("signin-to-signup").single().getHref())
                .isEqualTo("signup");
        assertThat(find(LoginForm.class).single().getAction()).isEqualTo("signin");
    }
}
