package cn.eexpo.clearance.pay179;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.clearance.TestKeys;
import cn.eexpo.clearance.pay179.PayExchangeInfo.Goods;
import cn.eexpo.clearance.pay179.PayExchangeInfo.Head;
import cn.eexpo.clearance.pay179.PayExchangeInfo.Item;
import cn.eexpo.clearance.signing.SigningKey;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class PayExchangeUploadTest {

    /** The worked example of the official interface document (its PHP section), field for field. */
    static PayExchangeInfo officialExample() {
        return new PayExchangeInfo(
                "c5476b-28c880ea-144368bd",
                new Head(
                        "4EFBB04B-606B-48D5-B488-BA25582C6092",
                        "https://openapi.alipay.com/gateway.do?out_trade_no=2019030466666&partner=0000000000"
                                + "&payment_type=1&price=88.08&sign_type=MD5&sign=d9bb64ba95f6486b95d0c689e67d9e96"
                                + "&charset=utf-8",
                        "{s:4:code;s:6:alipay;s:8:discount;s:4:0.00;s:12:payment_type;s:1:1;s:8:trade_no;s:28:"
                                + "2019030422001476301029024026;}",
                        "4101660000",
                        "4403160BUF",
                        "2019030422001476301029024026",
                        new BigDecimal("88.08"),
                        "142",
                        "3",
                        "1",
                        "1551634298",
                        "abc"),
                List.of(new Item(
                        "2019030466666",
                        List.of(
                                new Goods("黛尔德美深度抗皱修复纯天然日霜50ml", "http://www.0000000.com/goods.php?id=1996"),
                                new Goods("黛尔德美精油滋养深度补水面霜50ml", "http://www.00000000.com/goods.php?id=1998")),
                        "000000.com",
                        "000000000M",
                        "000000有限公司")),
                1553047681L);
    }

    @Test
    void signingTextIsTheOfficialExampleExactly() {
        String expected = "\"sessionID\":\"c5476b-28c880ea-144368bd\"||\"payExchangeInfoHead\":\"{\"guid\":"
                + "\"4EFBB04B-606B-48D5-B488-BA25582C6092\",\"initalRequest\":\"https://openapi.alipay.com/gateway.do?"
                + "out_trade_no=2019030466666&partner=0000000000&payment_type=1&price=88.08&sign_type=MD5&sign="
                + "d9bb64ba95f6486b95d0c689e67d9e96&charset=utf-8\",\"initalResponse\":\"{s:4:code;s:6:alipay;s:8:"
                + "discount;s:4:0.00;s:12:payment_type;s:1:1;s:8:trade_no;s:28:2019030422001476301029024026;}\","
                + "\"ebpCode\":\"4101660000\",\"payCode\":\"4403160BUF\",\"payTransactionId\":"
                + "\"2019030422001476301029024026\",\"totalAmount\":88.08,\"currency\":\"142\",\"verDept\":\"3\","
                + "\"payType\":\"1\",\"tradingTime\":\"1551634298\",\"note\":\"abc\"}\"||\"payExchangeInfoLists\":"
                + "\"[{\"orderNo\":\"2019030466666\",\"goodsInfo\":[{\"gname\":\"黛尔德美深度抗皱修复纯天然日霜50ml\","
                + "\"itemLink\":\"http://www.0000000.com/goods.php?id=1996\"},{\"gname\":\"黛尔德美精油滋养深度补水面霜50ml\","
                + "\"itemLink\":\"http://www.00000000.com/goods.php?id=1998\"}],\"recpAccount\":\"000000.com\","
                + "\"recpCode\":\"000000000M\",\"recpName\":\"000000有限公司\"}]\"||\"serviceTime\":\"1553047681\"";
        assertThat(PayExchangeUpload.signingText(officialExample())).isEqualTo(expected);
    }

    @Test
    void payloadCarriesTheNodesCertNoAndAVerifiableSignature() throws Exception {
        for (SigningKey key : List.of(TestKeys.sm2(), TestKeys.rsa())) {
            PayExchangeUpload.Signed signed = PayExchangeUpload.sign(officialExample(), key);
            String json = signed.payExInfoStr();
            assertThat(JsonPath.<String>read(json, "$.sessionID")).isEqualTo("c5476b-28c880ea-144368bd");
            assertThat(JsonPath.<String>read(json, "$.payExchangeInfoHead.payTransactionId"))
                    .isEqualTo("2019030422001476301029024026");
            assertThat(JsonPath.<Double>read(json, "$.payExchangeInfoHead.totalAmount"))
                    .isEqualTo(88.08);
            assertThat(JsonPath.<String>read(json, "$.payExchangeInfoLists[0].goodsInfo[1].gname"))
                    .isEqualTo("黛尔德美精油滋养深度补水面霜50ml");
            assertThat(JsonPath.<String>read(json, "$.serviceTime")).isEqualTo("1553047681");
            assertThat(JsonPath.<String>read(json, "$.certNo")).isEqualTo(key.keyName());

            Signature verify = Signature.getInstance(key.algorithm().jcaSignature(), new BouncyCastleProvider());
            verify.initVerify(key.certificate().getPublicKey());
            verify.update(signed.signingText().getBytes(StandardCharsets.UTF_8));
            assertThat(verify.verify(Base64.getDecoder().decode(JsonPath.<String>read(json, "$.signValue"))))
                    .isTrue();
        }
    }

    @Test
    void absentOptionalFieldsAreLeftOutAndStringsEscaped() {
        var info = officialExample();
        var h = info.head();
        var bare = new PayExchangeInfo(
                info.sessionId(),
                new Head(
                        h.guid(),
                        "{\"a\":\"b\\c\"}\n",
                        h.initalResponse(),
                        h.ebpCode(),
                        h.payCode(),
                        h.payTransactionId(),
                        new BigDecimal("100.00"),
                        h.currency(),
                        h.verDept(),
                        null,
                        h.tradingTime(),
                        null),
                List.of(new Item("o1", List.of(new Goods("g", "l")), "acct", null, "收款方")),
                info.serviceTime());
        String head = PayExchangeUpload.headJson(bare.head());
        assertThat(head).doesNotContain("payType").doesNotContain("note").contains("\"totalAmount\":100.00");
        assertThat(head).contains("\"initalRequest\":\"{\\\"a\\\":\\\"b\\\\c\\\"}\\n\"");
        assertThat(PayExchangeUpload.listsJson(bare.items()))
                .isEqualTo("[{\"orderNo\":\"o1\",\"goodsInfo\":[{\"gname\":\"g\",\"itemLink\":\"l\"}],"
                        + "\"recpAccount\":\"acct\",\"recpName\":\"收款方\"}]");
    }
}
