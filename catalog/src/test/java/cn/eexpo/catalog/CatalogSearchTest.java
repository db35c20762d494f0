package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.eexpo.catalog.SearchQuery.Sort;
import cn.eexpo.catalog.SearchResult.FacetValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search over the demo catalog on real Elasticsearch and PostgreSQL. */
@CatalogTest
class CatalogSearchTest {

    @Autowired
    ProductSearch search;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void indexIsBuilt() {
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text("奶粉", 0, 1)).total() > 0);
    }

    @Test
    void chineseAndEnglishQueriesFindInfantFormula() {
        SearchResult chinese = search.search(SearchQuery.text("婴儿奶粉", 0, 10));
        SearchResult english = search.search(SearchQuery.text("infant formula", 0, 10));

        assertThat(chinese.total()).isGreaterThan(10);
        assertThat(chinese.items()).allSatisfy(item -> assertThat(item.hsCode()).isEqualTo("1901101000"));
        assertThat(english.items()).allSatisfy(item -> assertThat(item.hsCode()).isEqualTo("1901101000"));
        assertThat(chinese.items().getFirst().highlight()).contains("<em>");
    }

    @Test
    void aMisspelledBrandIsStillFound() {
        SearchResult found = search.search(SearchQuery.text("Aptamill", 0, 5));

        assertThat(found.items())
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.brand()).isEqualTo("Aptamil"));
    }

    @Test
    void choosingABrandStillShowsTheOtherBrandsWithTheirCounts() {
        SearchResult all = search.search(query("奶粉", List.of(), List.of(), null, null, Sort.RELEVANCE, 0));
        long aptamil = count(all.facets().brand(), "Aptamil");
        long a2 = count(all.facets().brand(), "a2");

        SearchResult chosen = search.search(query("奶粉", List.of("Aptamil"), List.of(), null, null, Sort.RELEVANCE, 0));

        assertThat(chosen.total()).isEqualTo(aptamil);
        assertThat(chosen.items()).allSatisfy(item -> assertThat(item.brand()).isEqualTo("Aptamil"));
        assertThat(count(chosen.facets().brand(), "a2")).isEqualTo(a2);
        assertThat(chosen.facets().brand()).hasSameSizeAs(all.facets().brand());
        long originsUnderAptamil =
                chosen.facets().origin().stream().mapToLong(FacetValue::count).sum();
        assertThat(originsUnderAptamil)
                .as("other facets count within the chosen brand")
                .isEqualTo(aptamil);
    }

    @Test
    void choosingTwoBrandsMatchesEither() {
        SearchResult either =
                search.search(query("奶粉", List.of("Aptamil", "a2"), List.of(), null, null, Sort.RELEVANCE, 0));
        SearchResult all = search.search(query("奶粉", List.of(), List.of(), null, null, Sort.RELEVANCE, 0));

        assertThat(either.total())
                .isEqualTo(count(all.facets().brand(), "Aptamil")
                        + count(all.facets().brand(), "a2"));
    }

    @Test
    void aPriceRangeKeepsOnlyGoodsWithinIt() {
        SearchResult ranged = search.search(
                query(null, List.of(), List.of(), new BigDecimal("100"), new BigDecimal("300"), Sort.PRICE_ASC, 0));

        assertThat(ranged.total()).isPositive();
        assertThat(ranged.items())
                .allSatisfy(item -> assertThat(item.price()).isBetween(new BigDecimal("100"), new BigDecimal("300")));
        long inBuckets = ranged.facets().price().stream()
                .filter(bucket -> bucket.from() != null
                        && bucket.from().compareTo(new BigDecimal("100")) >= 0
                        && bucket.to() != null
                        && bucket.to().compareTo(new BigDecimal("500")) <= 0)
                .mapToLong(SearchResult.PriceRange::count)
                .sum();
        assertThat(ranged.facets().price()).hasSize(7);
        assertThat(inBuckets)
                .as("the price facet is counted without the price filter")
                .isGreaterThan(ranged.total());
    }

    @Test
    void thePriceFacetCountsEachListedProductInTheRangeOfItsPrice() {
        // Products other tests changed reach the index through events: the counts agree once those are applied.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SearchResult.PriceRange> ranges = search.search(
                            query(null, List.of(), List.of(), null, null, Sort.RELEVANCE, 0))
                    .facets()
                    .price();

            assertThat(ranges).hasSize(7);
            assertThat(ranges.getFirst().from()).isNull();
            assertThat(ranges.get(1).from()).isEqualByComparingTo("100");
            assertThat(ranges.getLast().from()).isEqualByComparingTo("5000");
            assertThat(ranges.getLast().to()).isNull();
            for (SearchResult.PriceRange range : ranges) {
                assertThat(range.count())
                        .as("%s to %s", range.from(), range.to())
                        .isEqualTo(listedPricedWithin(range));
            }
        });
    }

    private long listedPricedWithin(SearchResult.PriceRange range) {
        return jdbc.sql("""
                        select count(*) from product
                         where status = 'LISTED'
                           and (cast(:from as bigint) is null or price_fen >= :from)
                           and (cast(:to as bigint) is null or price_fen < :to)
                        """)
                .param("from", fen(range.from()))
                .param("to", fen(range.to()))
                .query(Long.class)
                .single();
    }

    @Test
    void eachSortOrdersTheResults() {
        List<String> wine = List.of("wine");
        List<BigDecimal> ascending = prices(search.search(query(null, List.of(), wine, null, null, Sort.PRICE_ASC, 0)));
        List<BigDecimal> descending =
                prices(search.search(query(null, List.of(), wine, null, null, Sort.PRICE_DESC, 0)));

        assertThat(ascending).isSortedAccordingTo(BigDecimal::compareTo);
        assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));

        String newest = wineSkus().get(3);
        jdbc.sql("update product set created_at = now() + interval '1 day' where sku = :sku")
                .param("sku", newest)
                .update();
        reindex();
        assertThat(search.search(query(null, List.of(), wine, null, null, Sort.NEWEST, 0))
                        .items()
                        .getFirst()
                        .sku())
                .isEqualTo(newest);

        SearchResult relevant = search.search(query("Penfolds Grange", List.of(), wine, null, null, Sort.RELEVANCE, 0));
        assertThat(relevant.items().getFirst().nameEn()).contains("Grange");
    }

    @Test
    void descriptionsAreSearchedOnlyWhenNoNameMatchesTheWords() {
        addProduct("DESC-00001", "snacks", "Quillwort biscuit", "");
        addProduct("DESC-00002", "wine", "Plain crackers", "Baked with quillwort and zephyrine.");
        reindex();

        assertThat(skus(search.search(SearchQuery.text("zephyrine", 0, 10))))
                .as("no name has the word: the descriptions are searched")
                .containsExactly("DESC-00002");
        assertThat(skus(search.search(SearchQuery.text("quillwort", 0, 10))))
                .as("a name has the word: descriptions are not searched")
                .containsExactly("DESC-00001");
        assertThat(search.search(query("quillwort", List.of(), List.of("wine"), null, null, Sort.RELEVANCE, 0))
                        .total())
                .as("the names match, only not under the filter: still no description matches")
                .isZero();

        jdbc.sql("update product set price_fen = 500000 where sku = 'DESC-00001'")
                .update();
        reindex();
        BigDecimal under = new BigDecimal("100");
        SearchResult underTwoFilters =
                search.search(query("quillwort", List.of(), List.of("wine"), null, under, Sort.RELEVANCE, 0));
        assertThat(underTwoFilters.total())
                .as(
                        "the names match, only not under either filter (no facet counts them): still no description matches")
                .isZero();
        assertThat(underTwoFilters.facets().category()).isEmpty();
        assertThat(skus(search.search(query("zephyrine", List.of(), List.of("wine"), null, under, Sort.RELEVANCE, 0))))
                .as("no name has the word, under two filters: the descriptions are searched")
                .containsExactly("DESC-00002");
    }

    @Test
    void pagingPastTenThousandHitsContinuesWithACursorAndPageNumbersAreRefused() {
        addPagingProducts(10_500);

        SearchQuery first = query("Pagetest", List.of(), List.of(), null, null, Sort.PRICE_ASC, 0);
        SearchResult page = search.search(first);
        assertThat(page.total()).isEqualTo(10_500);
        Set<String> seen = new HashSet<>();
        int pages = 0;
        while (true) {
            page.items()
                    .forEach(item -> assertThat(seen.add(item.sku()))
                            .as("no product twice")
                            .isTrue());
            pages++;
            if (page.nextCursor() == null) {
                break;
            }
            page = search.search(first.withCursor(page.nextCursor()));
        }
        assertThat(seen).hasSize(10_500);
        assertThat(pages).isEqualTo(105);

        assertThatThrownBy(() -> query("Pagetest", List.of(), List.of(), null, null, Sort.PRICE_ASC, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("continue from the previous page's nextCursor");
    }

    @Test
    void byRelevancePagesFollowEachOtherAndEndAtTenThousand() {
        addPagingProducts(10_500);

        SearchQuery first = SearchQuery.text("Pagetest biscuit", 0, 100);
        SearchResult page = search.search(first);
        Set<String> seen = new HashSet<>();
        for (int pages = 0; pages < 3; pages++) {
            page.items()
                    .forEach(item -> assertThat(seen.add(item.sku()))
                            .as("no product twice")
                            .isTrue());
            page = search.search(first.withCursor(page.nextCursor()));
        }
        assertThat(seen).hasSize(300);
        assertThat(search.search(SearchQuery.text("Pagetest biscuit", 99, 100)).nextCursor())
                .isNull();
        assertThatThrownBy(() -> SearchQuery.text("Pagetest", 100, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sort by price or newest");
    }

    @Test
    void searchesKeepWorkingWhileTheIndexIsRebuilt() throws Exception {
        long expected = search.search(SearchQuery.text("奶粉", 0, 1)).total();
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                try {
                    assertThat(search.search(SearchQuery.text("奶粉", 0, 5)).total())
                            .isEqualTo(expected);
                    searches.incrementAndGet();
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }
        });

        index.rebuild();
        index.rebuild();
        rebuilding.set(false);
        searching.get();

        assertThat(failures).isEmpty();
        assertThat(searches.get()).isPositive();
    }

    @Test
    void suggestionsCompleteChineseAndEnglishPrefixes() {
        assertThat(search.suggest("爱他", 8))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s).startsWith("爱他美"));
        assertThat(search.suggest("Apta", 8))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s).startsWithIgnoringCase("Aptamil"));
    }

    /** A product like the demo's first infant formula, with its own SKU, category, English name and description. */
    private void addProduct(String sku, String category, String nameEn, String descriptionEn) {
        jdbc.sql("""
                        insert into product (sku, exhibitor_id, category_code, brand, brand_zh, name_zh, name_en,
                               description_zh, description_en, hs_code, origin_country, customs_unit, legal_unit,
                               legal_qty, net_weight_kg, gross_weight_kg, price_fen, vat_rate, consumption_tax_rate,
                               tariff_rate, trade_mode, warehouse_code, item_record_no, status)
                        select :sku, p.exhibitor_id, :category, 'Testbrand', '测试品牌', '测试商品', :nameEn, '',
                               :descriptionEn, '1905310000', p.origin_country, p.customs_unit, p.legal_unit,
                               p.legal_qty, p.net_weight_kg, p.gross_weight_kg, 1000, p.vat_rate, 0, p.tariff_rate,
                               '1210', 'HNBLC', :sku, 'LISTED'
                          from product p
                         where p.sku = 'EX-IF-00001'
                        on conflict (sku) do nothing
                        """)
                .param("sku", sku)
                .param("category", category)
                .param("nameEn", nameEn)
                .param("descriptionEn", descriptionEn)
                .update();
    }

    private static List<String> skus(SearchResult result) {
        return result.items().stream().map(SearchResult.Item::sku).toList();
    }

    private void addPagingProducts(int count) {
        jdbc.sql("""
                        insert into product (sku, exhibitor_id, category_code, brand, brand_zh, name_zh, name_en,
                               description_zh, description_en, hs_code, origin_country, customs_unit, legal_unit,
                               legal_qty, net_weight_kg, gross_weight_kg, price_fen, vat_rate, consumption_tax_rate,
                               tariff_rate, trade_mode, warehouse_code, item_record_no, status)
                        select 'PAGE-' || lpad(n::text, 6, '0'), p.exhibitor_id, 'snacks', 'Pagetest', '翻页测试',
                               '翻页测试饼干 ' || n, 'Pagetest biscuit ' || n, '', '', '1905310000',
                               p.origin_country, p.customs_unit, p.legal_unit, p.legal_qty, p.net_weight_kg,
                               p.gross_weight_kg, 1000 + n % 5000, p.vat_rate, 0, p.tariff_rate, '1210', 'HNBLC',
                               'PAGE' || n, 'LISTED'
                          from product p cross join generate_series(1, :count) n
                         where p.sku = 'EX-IF-00001'
                        on conflict (sku) do nothing
                        """).param("count", count).update();
        if (search.search(SearchQuery.text("Pagetest", 0, 1)).total() != count) {
            reindex();
        }
    }

    private void reindex() {
        try {
            index.rebuild();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> wineSkus() {
        return jdbc.sql("select sku from product where category_code = 'wine' order by sku")
                .query(String.class)
                .list();
    }

    /** Page {@code page} of 100. */
    private static SearchQuery query(
            @Nullable String text,
            List<String> brands,
            List<String> categories,
            @Nullable BigDecimal priceMin,
            @Nullable BigDecimal priceMax,
            Sort sort,
            int page) {
        return new SearchQuery(
                text, categories, brands, List.of(), List.of(), List.of(), priceMin, priceMax, sort, page, 100, null);
    }

    private static long count(List<FacetValue> facet, String value) {
        return facet.stream()
                .filter(v -> v.value().equals(value))
                .mapToLong(FacetValue::count)
                .findFirst()
                .orElse(0);
    }

    private static @Nullable Long fen(@Nullable BigDecimal yuan) {
        return yuan == null ? null : yuan.movePointRight(2).longValueExact();
    }

    private static List<BigDecimal> prices(SearchResult result) {
        return result.items().stream().map(SearchResult.Item::price).toList();
    }
}
