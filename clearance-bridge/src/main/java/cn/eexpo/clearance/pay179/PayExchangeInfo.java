package cn.eexpo.clearance.pay179;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The payment raw data of one customs request.
 *
 * @param sessionId the {@code sessionID} customs sent with its request
 * @param serviceTime the platform's time of answering, epoch milliseconds (sent as a quoted string, as
 *     implementations do; the reference's open question 11)
 */
public record PayExchangeInfo(String sessionId, Head head, List<Item> items, long serviceTime) {

    public PayExchangeInfo {
        items = List.copyOf(items);
    }

    /**
     * 支付原始数据表头.
     *
     * @param guid 36-character upper-case id
     * @param initalRequest the platform's original request to the payment company (≤ 8000; spelling as the spec)
     * @param initalResponse the payment company's original response (≤ 8000)
     * @param totalAmount the amount paid (N19,5)
     * @param currency the customs currency code of the payment, e.g. 142
     * @param verDept 1 银联, 2 网联, 3 其他
     * @param payType 1 APP, 2 PC, 3 扫码, 4 其他 (optional)
     * @param tradingTime the payment time, {@code yyyyMMddHHmmss}
     */
    public record Head(
            String guid,
            String initalRequest,
            String initalResponse,
            String ebpCode,
            String payCode,
            String payTransactionId,
            BigDecimal totalAmount,
            String currency,
            String verDept,
            @Nullable String payType,
            String tradingTime,
            @Nullable String note) {}

    /** One order of the payment: its goods and the seller's receiving account. */
    public record Item(
            String orderNo,
            List<Goods> goodsInfo,
            String recpAccount,
            @Nullable String recpCode,
            String recpName) {
        public Item {
            goodsInfo = List.copyOf(goodsInfo);
        }
    }

    /** A product and the link to its page (several links joined with {@code ;}). */
    public record Goods(String gname, String itemLink) {}
}
