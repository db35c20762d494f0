package cn.eexpo.orders.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityRulesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "张三               | 张三",
                "' 欧阳 娜娜 '      | 欧阳 娜娜",
                "买买提·艾力        | 买买提·艾力",
                "买买提•艾力        | 买买提·艾力",
                "买买提 ・ 艾力     | 买买提·艾力",
                "John   Smith       | John Smith",
                "José Müller        | José Müller",
                "Li                 | Li"
            })
    void acceptsChineseOrLatinNamesWithMiddleDotsAndSpaces(String raw, String stored) {
        assertThat(IdentityRules.name(raw)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "张", "张3", "张三!", "·张三", "张三·", "张··三", "Robert'); DROP", "Анна Петрова"})
    void refusesOtherNames(String raw) {
        assertThatThrownBy(() -> IdentityRules.name(raw))
                .isInstanceOfSatisfying(
                        InvalidIdentityException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void aNameHasAtMostFiftyCharacters() {
        assertThat(IdentityRules.name("张".repeat(50))).hasSize(50);
        assertThatThrownBy(() -> IdentityRules.name("张".repeat(51))).hasMessageContaining("2 to 50 characters");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "13800138000      | 13800138000",
                "+86 139-1234-5678 | 13912345678",
                "0086 19912345678 | 19912345678",
                "'158 0000 1111'  | 15800001111"
            })
    void acceptsMainlandMobileNumbers(String raw, String stored) {
        assertThat(IdentityRules.phone(raw)).isEqualTo(stored);
        assertThat(IdentityRules.maskPhone(stored)).matches("1\\d\\d\\*{4}\\d{4}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12800138000", "1380013800", "138001380001", "021-12345678", "phone"})
    void refusesOtherPhoneNumbers(String raw) {
        assertThatThrownBy(() -> IdentityRules.phone(raw))
                .isInstanceOfSatisfying(
                        InvalidIdentityException.class,
                        e -> assertThat(e.field()).isEqualTo("phone"));
    }
}
