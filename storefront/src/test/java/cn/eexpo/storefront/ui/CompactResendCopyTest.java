package cn.eexpo.storefront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompactResendCopyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void charactersBeyondLatin1AreEscapedAndTheJsonReadsTheSame() {
        String answer = "{\"clientId\":7,\"changes\":[{\"node\":5,\"key\":\"innerHTML\",\"value\":"
                + "\"<b>德国爱他美 Aptamil 奶粉 ¥ 239.00 — 1段 😀</b>\"}],\"syncId\":3}";

        String compact = CompactResendCopy.latin1(answer);

        assertThat(compact.chars()).allMatch(c -> c <= 0xFF);
        assertThat(compact).contains("\\u5fb7\\u56fd").contains("¥").contains("\\ud83d\\ude00");
        assertThat(json.readTree(compact)).isEqualTo(json.readTree(answer));
    }

    @Test
    void aLatin1AnswerIsKeptAsItIs() {
        String answer = "{\"clientId\":1,\"changes\":[],\"syncId\":1}";

        assertThat(CompactResendCopy.latin1(answer)).isSameAs(answer);
    }

    @Test
    void onlyAPlainDecimalUiIdIsTakenFromTheRequest() {
        assertThat(CompactResendCopy.uiId("12")).isEqualTo(12);
        assertThat(CompactResendCopy.uiId("0")).isZero();
        assertThat(CompactResendCopy.uiId(null)).isNull();
        assertThat(CompactResendCopy.uiId("")).isNull();
        assertThat(CompactResendCopy.uiId("1x")).isNull();
        assertThat(CompactResendCopy.uiId("-1")).isNull();
        assertThat(CompactResendCopy.uiId("\u0661\u0662")).isNull(); // Arabic-Indic digits
        assertThat(CompactResendCopy.uiId("1234567890")).isNull();
    }
}
