package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkuTest {

    @Test
    void aSkuIsNormalisedToUpperCase() {
        assertThat(Sku.of(" ex-if-00001 ").value()).isEqualTo("EX-IF-00001");
    }

    @Test
    void aSkuWithSpacesOrSymbolsIsRefusedWithTheRule() {
        assertThatThrownBy(() -> Sku.of("EX IF 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper-case letters, digits and hyphens");
        assertThatThrownBy(() -> Sku.of("-EX")).isInstanceOf(IllegalArgumentException.class);
    }
}
