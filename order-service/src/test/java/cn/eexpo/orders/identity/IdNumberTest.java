package cn.eexpo.orders.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The GB 11643 rules for an 18-digit resident ID number. */
class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11010519491231002X", // the standard's own example
                "41010519900307123X",
                "440301200002290015", // 29 February of a leap year
                "310115198506159879",
                "650101197001010118"
            })
    void acceptsNumbersWithTheRightCheckDigitAndARealBirthDate(String valid) {
        assertThat(IdNumber.check(valid, TODAY)).isEmpty();
        assertThat(IdNumber.parse(valid, TODAY).value()).isEqualTo(valid);
    }

    @Test
    void readsALowercaseXAsXAndIgnoresSpaces() {
        IdNumber id = IdNumber.parse(" 410105 19900307 123x ", TODAY);

        assertThat(id.value()).isEqualTo("41010519900307123X");
        assertThat(id).isEqualTo(IdNumber.parse("41010519900307123X", TODAY));
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                   | the ID number is required",
                "4101051990030712     | has 18 characters (17 digits and a check digit), this one has 16",
                "41010519900307123XX  | this one has 19",
                "4101051990O307123X   | character 11 is not",
                "41010519900307123Y   | the last character of an ID number is a digit or X",
                "410105199002301234   | not a real date",
                "410105199013071234   | not a real date",
                "440301190002290012   | not a real date", // 1900 was not a leap year
                "410105189912311234   | before 1900-01-01",
                "410105202611291234   | in the future",
                "410105199003071231   | the check digit (last character) does not match",
                "11010519491231002Y   | the last character of an ID number is a digit or X",
                "110105194912310021   | the check digit"
            })
    void refusesWithAReasonThatNeverRepeatsTheNumber(String invalid, String reason) {
        assertThat(IdNumber.check(invalid, TODAY)).hasValueSatisfying(message -> {
            assertThat(message).contains(reason);
            if (!invalid.isEmpty()) {
                assertThat(message).doesNotContain(invalid).doesNotContain(invalid.substring(0, 6));
            }
        });
        assertThatThrownBy(() -> IdNumber.parse(invalid, TODAY))
                .isInstanceOfSatisfying(InvalidIdentityException.class, e -> {
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.getMessage()).startsWith("idNumber: ").contains(reason);
                });
    }

    @Test
    void aBirthDateOfTodayIsFineTomorrowIsNot() {
        String bornToday = withCheckDigit("41010520261128123");
        String bornTomorrow = withCheckDigit("41010520261129123");

        assertThat(IdNumber.check(bornToday, TODAY)).isEmpty();
        assertThat(IdNumber.check(bornTomorrow, TODAY))
                .hasValueSatisfying(m -> assertThat(m).contains("future"));
        assertThat(IdNumber.check(withCheckDigit("41010519000101123"), TODAY)).isEmpty();
    }

    @Test
    void showsTheFirstFourAndTheLastFourOnly() {
        IdNumber id = IdNumber.parse("41010519900307123X", TODAY);

        assertThat(id.masked()).isEqualTo("4101**********123X");
        assertThat(id.toString()).isEqualTo("4101**********123X");
        assertThat(IdNumber.mask("41010519900307123X")).isEqualTo("4101**********123X");
    }

    @Test
    void theCheckDigitIsIso7064Mod112() {
        assertThat(IdNumber.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkDigit("44030120000229001")).isEqualTo('5');
        assertThat(IdNumber.checkDigit("65010119700101011")).isEqualTo('8');
    }

    private static String withCheckDigit(String first17) {
        return first17 + IdNumber.checkDigit(first17);
    }
}
