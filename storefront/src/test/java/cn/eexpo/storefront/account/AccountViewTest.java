package cn.eexpo.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.common.Money;
import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.account.Addresses;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.quota.Quotas;
import cn.eexpo.storefront.home.HomeView;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.transaction.support.TransactionTemplate;

@MarketplaceTest
class AccountViewTest extends SpringBrowserlessTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Identities identities;

    @Autowired
    Quotas quotas;

    @Autowired
    Addresses addresses;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    TransactionTemplate transactions;

    Account account;

    @BeforeEach
    void signIn() {
        account = Shoppers.newAccount(accounts);
        Shoppers.signIn(authentication, account);
    }

    @AfterEach
    void signOut() {
        Shoppers.signOut();
    }

    @Test
    void withoutAnIdentityTheFormIsCheckedAsItIsTypedAndTheQuotaWaits() {
        navigate(AccountView.class);
        Shoppers.speaks(StorefrontTranslations.CHINESE);

        assertThat(find(Div.class).withId("quota-meter").single().getElement().getTextRecursively())
                .contains("完成实名认证后");
        assertThat(find(ProgressBar.class).all()).isEmpty();
        assertThat(find(Div.class).withId("identity-masked").all()).isEmpty();

        String valid = Shoppers.idNumber();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        test(idNumberField()).setValue(valid.substring(0, 17) + wrongCheck);
        test(field("identity-name")).setValue("张");
        test(field("identity-phone")).setValue("12345678901");

        assertThat(idNumberField().getErrorMessage()).isEqualTo("身份证号码校验位不符，请检查是否输错");
        assertThat(field("identity-name").getErrorMessage()).isEqualTo("真实姓名为 2 到 50 个字符");
        assertThat(field("identity-phone").getErrorMessage()).isEqualTo("请输入中国大陆手机号码：以 13 至 19 开头的 11 位数字");

        test(idNumberField()).setValue(valid.substring(0, 6) + "19991340" + valid.substring(14));
        assertThat(idNumberField().getErrorMessage()).isEqualTo("身份证号码第 7 到 14 位的出生日期无效");

        Shoppers.speaks(StorefrontTranslations.ENGLISH);
        assertThat(field("identity-name").getErrorMessage()).isEqualTo("A real name has 2 to 50 characters");

        test(button("identity-save")).click();
        assertThat(identities.of(account.id())).isEmpty();
        assertThat(field("identity-name").getValue()).isEqualTo("张");
    }

    @Test
    void aSavedIdentityIsShownMaskedOnlyAndTheQuotaShowsUsedAndRemaining() {
        navigate(AccountView.class);
        Shoppers.speaks(StorefrontTranslations.CHINESE);
        String idNumber = Shoppers.idNumber();

        test(field("identity-name")).setValue("张伟");
        test(idNumberField()).setValue(idNumber.toLowerCase());
        test(field("identity-phone")).setValue("138 0013 8000");
        test(button("identity-save")).click();

        var saved = identities.of(account.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo("张伟");
        String masked =
                find(Div.class).withId("identity-masked").single().getElement().getTextRecursively();
        assertThat(masked)
                .contains("张*")
                .contains(idNumber.substring(0, 4) + "**********" + idNumber.substring(14))
                .contains("138****8000");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(idNumber);
        assertThat(find(TextField.class).withId("identity-id-number").all()).isEmpty();

        // The quota of this year, from the buyer's orders.
        transactions.executeWithoutResult(tx ->
                quotas.consume(saved.idNumberHash(), "T" + UUID.randomUUID(), Money.ofYuan("1234.50"), Instant.now()));
        navigate(HomeView.class);
        navigate(AccountView.class);
        String meter =
                find(Div.class).withId("quota-meter").single().getElement().getTextRecursively();
        assertThat(meter).contains("已用 ¥1234.50").contains("剩余 ¥24765.50");
        assertThat(find(ProgressBar.class).single().getValue()).isEqualTo(123450.0);

        // Changing it: the form again, empty.
        test(button("identity-change")).click();
        assertThat(idNumberField().getValue()).isEmpty();
    }

    @Test
    void afterSavingTheIdentityTheBuyerGoesOnToContinue() {
        UI.getCurrent().navigate(AccountView.class, QueryParameters.simple(Map.of("continue", "checkout")));

        test(field("identity-name")).setValue("买买提·艾力");
        test(idNumberField()).setValue(Shoppers.idNumber());
        test(field("identity-phone")).setValue("13912345678");
        test(button("identity-save")).click();

        assertThat(identities.of(account.id())).isPresent();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("checkout");
    }

    @Test
    void theAddressBookAddsEditsDeletesAndChoosesTheDefault() {
        navigate(AccountView.class);
        Shoppers.speaks(StorefrontTranslations.CHINESE);
        assertThat(addressList().getElement().getTextRecursively()).contains("还没有收货地址");

        test(button("address-add")).click();
        test(field("address-name")).setValue("张伟");
        test(field("address-phone")).setValue("1380013800");
        test(field("address-province")).setValue("河南省");
        test(field("address-city")).setValue("郑州市");
        test(field("address-district")).setValue("金水区");
        test(field("address-street")).setValue("花园路 1 号");
        assertThat(field("address-phone").getErrorMessage()).isEqualTo("请输入中国大陆手机号码：以 13 至 19 开头的 11 位数字");
        test(button("address-save")).click();
        assertThat(addresses.mine()).isEmpty();

        test(field("address-phone")).setValue("13800138000");
        test(button("address-save")).click();
        assertThat(addresses.mine()).hasSize(1);
        assertThat(cards()).hasSize(1);
        assertThat(cards().getFirst().getElement().getTextRecursively())
                .contains("张伟")
                .contains("花园路 1 号")
                .contains("默认");

        test(button("address-add")).click();
        test(field("address-name")).setValue("李娜");
        test(field("address-phone")).setValue("13912345678");
        test(field("address-province")).setValue("河南省");
        test(field("address-city")).setValue("洛阳市");
        test(field("address-district")).setValue("西工区");
        test(field("address-street")).setValue("中州路 3 号");
        test(button("address-save")).click();
        assertThat(cards()).hasSize(2);

        var second = addresses.mine().get(1);
        test(find(Button.class, card(second.id()))
                        .withClassName("address-default")
                        .single())
                .click();
        assertThat(addresses.preferred()).map(a -> a.id()).contains(second.id());
        assertThat(cards().getFirst().getElement().getAttribute("data-address-id"))
                .isEqualTo(Long.toString(second.id()));

        test(find(Button.class, card(second.id())).withClassName("address-edit").single())
                .click();
        assertThat(field("address-street").getValue()).isEqualTo("中州路 3 号");
        test(field("address-street")).setValue("中州路 5 号");
        test(button("address-save")).click();
        assertThat(addresses.preferred()).map(a -> a.address()).contains("中州路 5 号");

        test(find(Button.class, card(second.id()))
                        .withClassName("address-delete")
                        .single())
                .click();
        assertThat(addresses.mine()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("张伟");
            assertThat(a.preferred()).isTrue();
        });
        assertThat(cards()).hasSize(1);
    }

    private TextField field(String id) {
        return find(TextField.class).withId(id).single();
    }

    private TextField idNumberField() {
        return field("identity-id-number");
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private Div addressList() {
        return find(Div.class).withId("address-list").single();
    }

    private java.util.List<Div> cards() {
        return find(Div.class, addressList())
                .withClassName("eexpo-address-card")
                .all();
    }

    private Div card(long id) {
        return cards().stream()
                .filter(card ->
                        card.getElement().getAttribute("data-address-id").equals(Long.toString(id)))
                .findFirst()
                .orElseThrow();
    }
}
