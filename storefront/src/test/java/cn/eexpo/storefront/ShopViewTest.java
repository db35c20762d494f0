package cn.eexpo.storefront;

import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestOrders;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.storefront.home.HomeView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browserless test of the shop's views that buy: the marketplace's test orders and buyers at hand, the products a test
 * needs in stock, a shopper on the home page speaking a language, and whoever the test signed in signed out after it.
 */
public abstract class ShopViewTest extends SpringBrowserlessTest {

    @Autowired
    protected TestOrders orders;

    @Autowired
    protected TestBuyers buyers;

    @Autowired
    protected Checkout checkout;

    /** Puts the products in stock, opens the home page and makes the shopper speak {@code language}. */
    protected void openShop(Locale language, String... inStock) {
        orders.stock(inStock);
        navigate(HomeView.class);
        VaadinSession.getCurrent().setLocale(language);
        UI.getCurrent().setLocale(language);
    }

    @AfterEach
    void signOutAfterTheTest() {
        SignedInBuyer.signOut();
    }
}
