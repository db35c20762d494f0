package cn.eexpo.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void nestedBracketsBecomeMapsAndLists() {
        Params params = Params.decode(
                "expand[]=latest_charge&expand[]=payment_method",
                "amount=100&payment_method_types[1]=alipay&payment_method_types[0]=card"
                        + "&metadata[order_no]=EX%2D1&metadata[note]=%E5%A5%B6%E7%B2%89+x"
                        + "&payment_method_options[wechat_pay][client]=web&created[gte]=10");

        assertThat(params.integer("amount")).isEqualTo(100);
        assertThat(params.strings("payment_method_types")).containsExactly("card", "alipay");
        assertThat(params.expand()).containsExactly("latest_charge", "payment_method");
        assertThat(params.metadata()).containsExactly(Map.entry("order_no", "EX-1"), Map.entry("note", "奶粉 x"));
        assertThat(params.map("payment_method_options")).isEqualTo(Map.of("wechat_pay", Map.of("client", "web")));
        assertThat(params.map("created")).isEqualTo(Map.of("gte", "10"));
        assertThat(params.asMap().get("payment_method_types")).isEqualTo(List.of("card", "alipay"));
    }

    @Test
    void valuesOfTheWrongKindAreStripesErrors() {
        Params params = Params.decode(null, "amount=ten&confirm=yes&metadata=x&payment_method_types=card");

        assertThatThrownBy(() -> params.integer("amount")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Invalid integer: ten");
            assertThat(e.param).isEqualTo("amount");
        });
        assertThatThrownBy(() -> params.bool("confirm")).hasMessage("Invalid boolean: yes");
        assertThatThrownBy(params::metadata).hasMessage("Invalid object");
        assertThatThrownBy(() -> params.strings("payment_method_types")).hasMessage("Invalid array");
        assertThatThrownBy(() -> Params.decode(null, "metadata=x&metadata[a]=b"))
                .isInstanceOf(ApiError.class);
    }

    @Test
    void emptyMetadataUnsetsAndLongKeysAreRefused() {
        assertThat(Params.decode(null, "metadata=").metadata()).isEmpty();
        assertThatThrownBy(() -> Params.decode(null, "metadata[" + "k".repeat(41) + "]=v")
                        .metadata())
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.getMessage()).contains("40 characters"));
    }
}
