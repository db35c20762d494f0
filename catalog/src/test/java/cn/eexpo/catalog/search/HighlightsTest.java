package cn.eexpo.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightsTest {

    @Test
    void chineseCharactersMatchOneByOneAndNeighboursShareOneMark() {
        assertThat(Highlights.mark("爱他美婴儿配方奶粉", Highlights.words("婴儿奶粉"))).isEqualTo("爱他美<em>婴儿</em>配方<em>奶粉</em>");
    }

    @Test
    void latinWordsMatchWholeAndWithoutCase() {
        assertThat(Highlights.mark("Aptamil Milk Powder 800g", Highlights.words("milk aptamil")))
                .isEqualTo("<em>Aptamil</em> <em>Milk</em> Powder 800g");
        assertThat(Highlights.mark("Milky Way", Highlights.words("milk"))).isNull();
    }

    @Test
    void mixedNamesAndQueries() {
        assertThat(Highlights.mark("a2 白金版奶粉", Highlights.words("A2奶粉"))).isEqualTo("<em>a2</em> 白金版<em>奶粉</em>");
    }

    @Test
    void nothingMatchedIsNoHighlight() {
        assertThat(Highlights.mark("Penfolds Grange", Highlights.words("Aptamill")))
                .isNull();
        assertThat(Highlights.mark("Penfolds Grange", Highlights.words(null))).isNull();
        assertThat(Highlights.mark(null, Highlights.words("grange"))).isNull();
    }
}
