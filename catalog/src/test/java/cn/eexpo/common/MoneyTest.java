package cn.eexpo.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void yuanAmountsAreHeldAsWholeFen() {
        assertThat(Money.ofYuan("368.00").fen()).isEqualTo(36_800);
        assertThat(Money.ofYuan("4999.99").fen()).isEqualTo(499_999);
        assertThat(Money.ofYuan("0.1").fen()).isEqualTo(10);
        assertThat(new Money(500_001).yuan()).isEqualByComparingTo("5000.01");
    }

    @Test
    void anAmountWithFractionsOfAFenIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.ofYuan("1.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most two decimals");
    }

    @Test
    void computedAmountsRoundHalfUpToTheFen() {
        assertThat(Money.roundedFromYuan(new BigDecimal("33.4880")).fen()).isEqualTo(3_349);
        assertThat(Money.roundedFromYuan(new BigDecimal("33.4849")).fen()).isEqualTo(3_348);
        assertThat(Money.roundedFromYuan(new BigDecimal("0.005")).fen()).isEqualTo(1);
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Money.ofYuan("19.90").times(3).plus(Money.ofYuan("0.30"))).isEqualTo(Money.ofYuan("60.00"));
        assertThat(Money.ofYuan("10").minus(Money.ofYuan("0.01")).toString()).isEqualTo("¥9.99");
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
    }
}
