package cn.eexpo.storefront.orders;

import static cn.eexpo.orders.TestOrders.HNBLC_FORMULA;
import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.storefront.ShopViewTest;
import cn.eexpo.storefront.SignedInBuyer;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MarketplaceTest
class OrdersViewTest extends ShopViewTest {

    @BeforeEach
    void setUp() {
        openShop(StorefrontTranslations.CHINESE, HNBLC_MILK, HNBLC_FORMULA);
    }

    @Test
    void aBuyerWithoutOrdersIsToldSo() {
        SignedInBuyer.signIn(buyers.withIdentity().email());

        navigate(OrdersView.class);

        assertThat(find(Div.class).withId("orders-empty").single().getElement().getTextRecursively())
                .contains("还没有下过订单");
    }

    @Test
    void ordersAreListedNewestFirstWithStatusTotalAndALinkToEach() {
        var buyer = buyers.withIdentity();
        SignedInBuyer.signIn(buyer.email());
        var first = place(buyer, HNBLC_MILK);
        var second = place(buyer, HNBLC_FORMULA);

        navigate(OrdersView.class);

        var rows = find(Div.class).withClassName("order-row").all();
        assertThat(rows)
                .extracting(r -> r.getElement().getAttribute("data-order-no"))
                .containsExactly(second, first);
        var row = rows.getFirst();
        assertThat(find(Span.class, row).withClassName("order-badge").single().getText())
                .isEqualTo("待支付");
        assertThat(row.getElement().getTextRecursively())
                .contains("¥")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(find(RouterLink.class, row).single().getHref()).isEqualTo("orders/" + second);
    }

    private String place(TestBuyers.Buyer buyer, String sku) {
        var request = new CheckoutRequest(
                List.of(new CheckoutRequest.Line(sku, 1)),
                new CheckoutRequest.Consignee("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路 1 号"),
                "alipay");
        return checkout.place(buyer.accountId(), request, UUID.randomUUID().toString())
                .order()
                .orderNo();
    }
}
