package cn.eexpo.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.orders.account.Accounts;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/** Who may open the account pages, through the shop's navigation access control (ShopNavigationAccessControl). */
@MarketplaceTest
class AccountAccessTest extends SpringBrowserlessTest {

    @Autowired
    Accounts accounts;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    NavigationAccessControl accessControl;

    @AfterEach
    void signOut() {
        Shoppers.signOut();
    }

    @Test
    void theShopsAccessControlIsTheOneInUse() {
        assertThat(accessControl.getClass().getSimpleName()).isEqualTo("ShopNavigationAccessControl");
        assertThat(accessControl.isEnabled()).isTrue();
    }

    @Test
    void aShopperWhoIsNotSignedInIsSentToSignIn() {
        UI.getCurrent().navigate(AccountView.class);

        assertThat(getCurrentView()).isInstanceOf(SignInView.class);
        assertThat(find(AccountView.class).all()).isEmpty();
    }

    @Test
    void aSignedInShopperOpensTheAccountPage() {
        Shoppers.signIn(authentication, Shoppers.newAccount(accounts));

        UI.getCurrent().navigate(AccountView.class);

        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
    }
}
