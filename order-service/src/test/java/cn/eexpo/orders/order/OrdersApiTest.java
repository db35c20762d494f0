package cn.eexpo.orders.order;

import static cn.eexpo.orders.TestOrders.RHEIN_FORMULA;
import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.Orders;
import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestOrders;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrdersTest
class OrdersApiTest {

    @Autowired
    TestBuyers buyers;

    @Autowired
    TestOrders orders;

    @Autowired
    Orders api;

    @Test
    void aFilingCarriesTheBuyersIdNumberButNeverPrintsIt() {
        var buyer = buyers.withIdentity();
        var orderNo = paid(buyer);

        var filing = api.forFiling(orderNo).orElseThrow();

        assertThat(filing.buyerIdNumber()).isEqualTo(buyer.idNumber());
        assertThat(filing.toString()).doesNotContain(buyer.idNumber());
        assertThat(filing.exhibitorCustomsCode()).isNotBlank();
        assertThat(filing.actualPaid())
                .isEqualByComparingTo(filing.goodsValue()
                        .add(filing.freight())
                        .add(filing.taxTotal())
                        .subtract(filing.discount()));
        assertThat(filing.lines()).singleElement().satisfies(l -> {
            assertThat(l.gnum()).isEqualTo(1);
            assertThat(l.hsCode()).hasSize(10);
        });
    }

    @Test
    void customsReceiptsMoveTheOrderForwardAndALateOneChangesNothing() {
        var orderNo = paid(buyers.withIdentity());

        assertThat(api.customsStatus(orderNo, OrderStatus.DECLARED, "receipt 2"))
                .isEqualTo(new Orders.CustomsMove(OrderStatus.DECLARED, true));
        assertThat(api.customsStatus(orderNo, OrderStatus.RELEASED, "receipt 800"))
                .isEqualTo(new Orders.CustomsMove(OrderStatus.RELEASED, true));
        assertThat(api.customsStatus(orderNo, OrderStatus.ACCEPTED, "receipt 120, late"))
                .isEqualTo(new Orders.CustomsMove(OrderStatus.RELEASED, false));
        assertThat(api.customsStatus(orderNo, OrderStatus.RELEASED, "receipt 800 again"))
                .isEqualTo(new Orders.CustomsMove(OrderStatus.RELEASED, false));
        assertThat(api.status(orderNo)).contains(OrderStatus.RELEASED);
    }

    private String paid(TestBuyers.Buyer buyer) {
        orders.stock(RHEIN_FORMULA);
        var orderNo =
                (String) orders.place(buyer, Map.of(RHEIN_FORMULA, 1)).getBody().get("orderNo");
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.paymentIntentOf(orderNo) != null);
        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.status(orderNo).equals("PAID"));
        return orderNo;
    }
}
