package cn.eexpo.clearance.pay179;

import cn.eexpo.clearance.pay179.PayExchangeInfo.Goods;
import cn.eexpo.clearance.pay179.PayExchangeInfo.Head;
import cn.eexpo.clearance.pay179.PayExchangeInfo.Item;
import cn.eexpo.clearance.signing.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * The 179 upload's texts, exactly: the compact JSON of the head and of the lists (fields in the spec's order,
 * {@code totalAmount} a JSON number, absent optional fields left out), the signing text
 * {@code "sessionID":"…"||"payExchangeInfoHead":"{…}"||"payExchangeInfoLists":"[…]"||"serviceTime":"…"} (the
 * reference §7 step 4), and the {@code payExInfoStr} JSON with {@code certNo} and {@code signValue}.
 */
public final class PayExchangeUpload {

    private static final java.security.Provider BC = new BouncyCastleProvider();

    private PayExchangeUpload() {}

    /** The signed upload: the form field {@code payExInfoStr}'s value, and what was signed. */
    public record Signed(String payExInfoStr, String signingText, String certNo, String signValue) {}

    /** Signs with the platform's key ({@code certNo} is its key name, the certificate number). */
    public static Signed sign(PayExchangeInfo info, SigningKey key) {
        String text = signingText(info);
        try {
            Signature signature = Signature.getInstance(key.algorithm().jcaSignature(), BC);
            signature.initSign(key.privateKey());
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            String value = Base64.getEncoder().encodeToString(signature.sign());
            return new Signed(payload(info, key.keyName(), value), text, key.keyName(), value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the 179 upload cannot be signed: " + e.getMessage(), e);
        }
    }

    /** The text to sign: the top-level nodes joined with {@code ||}. */
    public static String signingText(PayExchangeInfo info) {
        return "\"sessionID\":\"" + info.sessionId() + "\"||"
                + "\"payExchangeInfoHead\":\"" + headJson(info.head()) + "\"||"
                + "\"payExchangeInfoLists\":\"" + listsJson(info.items()) + "\"||"
                + "\"serviceTime\":\"" + info.serviceTime() + "\"";
    }

    /** {@code payExInfoStr}: the whole upload as JSON. */
    public static String payload(PayExchangeInfo info, String certNo, String signValue) {
        var json = new Json();
        json.open('{');
        json.field("sessionID", info.sessionId());
        json.raw("payExchangeInfoHead", headJson(info.head()));
        json.raw("payExchangeInfoLists", listsJson(info.items()));
        json.field("serviceTime", Long.toString(info.serviceTime()));
        json.field("certNo", certNo);
        json.field("signValue", signValue);
        return json.close('}');
    }

    public static String headJson(Head h) {
        var json = new Json();
        json.open('{');
        json.field("guid", h.guid());
        json.field("initalRequest", h.initalRequest());
        json.field("initalResponse", h.initalResponse());
        json.field("ebpCode", h.ebpCode());
        json.field("payCode", h.payCode());
        json.field("payTransactionId", h.payTransactionId());
        json.raw("totalAmount", h.totalAmount().toPlainString());
        json.field("currency", h.currency());
        json.field("verDept", h.verDept());
        json.field("payType", h.payType());
        json.field("tradingTime", h.tradingTime());
        json.field("note", h.note());
        return json.close('}');
    }

    public static String listsJson(List<Item> items) {
        var json = new Json();
        json.open('[');
        for (Item item : items) {
            var i = new Json();
            i.open('{');
            i.field("orderNo", item.orderNo());
            var goods = new Json();
            goods.open('[');
            for (Goods g : item.goodsInfo()) {
                var gj = new Json();
                gj.open('{');
                gj.field("gname", g.gname());
                gj.field("itemLink", g.itemLink());
                goods.element(gj.close('}'));
            }
            i.raw("goodsInfo", goods.close(']'));
            i.field("recpAccount", item.recpAccount());
            i.field("recpCode", item.recpCode());
            i.field("recpName", item.recpName());
            json.element(i.close('}'));
        }
        return json.close(']');
    }

    /** Compact JSON, keys in the order written; strings escaped per RFC 8259 (non-ASCII kept as is). */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private boolean first = true;

        void open(char c) {
            out.append(c);
        }

        String close(char c) {
            return out.append(c).toString();
        }

        void field(String name, @Nullable String value) {
            if (value == null) return;
            separator();
            string(name);
            out.append(':');
            string(value);
        }

        void raw(String name, String json) {
            separator();
            string(name);
            out.append(':').append(json);
        }

        void element(String json) {
            separator();
            out.append(json);
        }

        private void separator() {
            if (!first) out.append(',');
            first = false;
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                    }
                }
            }
            out.append('"');
        }
    }
}
