package cn.eexpo.catalog.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.catalog.Sku;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The generator without a database: determinism, and every product checked against the schema's rules. The code
 * tables (categories, positive list, countries, units) are read from the migrations, the exhibitors and warehouses from
 * {@code demo/reference.sql}, and the customs facts per category from {@code demo/products.csv}.
 */
class ProductGeneratorTest {

    private static final Instant UNTIL = Instant.parse("2026-11-27T00:00:00Z");
    private static final Pattern CODE = Pattern.compile("^[0-9]{3}$");
    private static final Pattern HS = Pattern.compile("^[0-9]{10}$");

    static Set<String> categories;
    static Set<String> positiveList;
    static Set<String> countries;
    static Set<String> units;
    static Set<String> warehouses;
    static Set<String> exhibitors;
    static Map<String, DemoFacts> demoFacts;
    static Set<String> demoOrigins;

    /** What the demo catalog does for a (category, HS code): tariff and VAT. */
    record DemoFacts(BigDecimal tariff, BigDecimal vat) {}

    @BeforeAll
    static void readRules() throws IOException {
        String catalog = read("db/migration/catalog/V2026_11_27_1__catalog.sql");
        String codes = read("db/migration/catalog/V2026_11_27_2__customs_codes.sql");
        String reference = read("demo/reference.sql");
        categories = all(section(catalog, "insert into category", ";"), "\\('([a-z-]+)', (?:null|'[a-z-]+'),");
        positiveList = all(section(catalog, "insert into positive_list_entry", ";"), "\\('([0-9]{10})', '");
        countries = all(section(codes, "insert into country", ";"), "\\('([0-9]{3})', '[A-Z]{2}'");
        units = all(section(codes, "insert into customs_unit", ";"), "\\('([0-9]{3})', '[^']+'\\)");
        warehouses = all(section(reference, "insert into warehouse", "on conflict"), "\\('([A-Z-]+)', '");
        exhibitors = all(section(reference, "insert into exhibitor", "on conflict"), "\\('([a-z-]+)', '");
        demoFacts = new HashMap<>();
        demoOrigins = new HashSet<>();
        for (CSVRecord row : demoProducts()) {
            demoFacts.put(
                    row.get("category") + "/" + row.get("hs_code"),
                    new DemoFacts(new BigDecimal(row.get("tariff_rate")), new BigDecimal(row.get("vat_rate"))));
            demoOrigins.add(row.get("origin"));
        }
        assertThat(categories).contains("skincare", "wine").hasSize(22);
        assertThat(positiveList).hasSize(29);
        assertThat(countries).contains("116", "304", "601");
        assertThat(units).contains("035", "095", "142");
        assertThat(warehouses).containsExactlyInAnyOrder("HNBLC", "XZCBZ", "FRA-AIR", "SYD-AIR", "NRT-AIR");
        assertThat(exhibitors).containsExactlyInAnyOrder("rhein-main", "southern-cross", "sakura-living");
    }

    @Test
    void theSameSeedGivesTheSameProductsInAnyOrder() {
        var first = new ProductGenerator(42, UNTIL);
        var again = new ProductGenerator(42, UNTIL);
        List<SyntheticProduct> forward =
                IntStream.rangeClosed(1, 100).mapToObj(first::product).toList();
        List<SyntheticProduct> backward = new ArrayList<>();
        for (int n = 100; n >= 1; n--) {
            backward.addFirst(again.product(n));
        }
        assertThat(backward).isEqualTo(forward);
        assertThat(forward.getFirst().sku()).isEqualTo("SYN-0000001");
        assertThat(forward.getLast().sku()).isEqualTo("SYN-0000100");
    }

    @Test
    void differentSeedsGiveDifferentProducts() {
        var one = new ProductGenerator(1, UNTIL);
        var two = new ProductGenerator(2, UNTIL);
        long same = IntStream.rangeClosed(1, 100)
                .filter(n -> one.product(n).nameEn().equals(two.product(n).nameEn()))
                .count();
        assertThat(same).isLessThan(5);
    }

    @Test
    void everyProductKeepsTheSchemaRules() {
        var generator = new ProductGenerator(7, UNTIL);
        for (int n = 1; n <= 20_000; n++) {
            SyntheticProduct p = generator.product(n);
            String what = p.sku() + " " + p.nameEn();
            // product table: keys, codes and check constraints of V2026_11_27_1__catalog.sql
            assertThat(new Sku(p.sku()).value()).as(what).matches("SYN-[0-9]{7}");
            assertThat(exhibitors).as(what).contains(p.exhibitor());
            assertThat(categories).as(what).contains(p.category());
            assertThat(p.brand().length()).as(what).isBetween(1, 100);
            assertThat(p.brandZh().length()).as(what).isBetween(1, 100);
            assertThat(p.nameZh().length()).as(what).isBetween(1, 250);
            assertThat(p.nameEn().length()).as(what).isBetween(1, 250);
            assertThat(p.hsCode()).as(what).matches(HS).isIn(positiveList);
            assertThat(p.origin()).as(what).matches(CODE).isIn(countries).isIn(demoOrigins);
            assertThat(p.customsUnit()).as(what).matches(CODE).isIn(units);
            assertThat(p.legalUnit()).as(what).matches(CODE).isIn(units);
            assertFits(p.legalQty(), 14, 4, what);
            assertThat(p.legalQty().signum()).as(what).isPositive();
            assertFits(p.netWeightKg(), 12, 3, what);
            assertFits(p.grossWeightKg(), 12, 3, what);
            assertThat(p.netWeightKg().signum()).as(what).isPositive();
            assertThat(p.grossWeightKg()).as(what).isGreaterThan(p.netWeightKg());
            assertThat(p.priceFen()).as(what).isBetween(20_00L, 8_000_00L);
            for (BigDecimal rate : List.of(p.vatRate(), p.consumptionTaxRate(), p.tariffRate())) {
                assertFits(rate, 5, 4, what);
                assertThat(rate)
                        .as(what)
                        .isGreaterThanOrEqualTo(BigDecimal.ZERO)
                        .isLessThan(BigDecimal.ONE);
            }
            assertThat(p.tradeMode()).as(what).isIn("1210", "9610");
            assertThat(warehouses).as(what).contains(p.warehouse());
            if (p.tradeMode().equals("1210")) {
                assertThat(p.warehouse()).as(what).isIn("HNBLC", "XZCBZ");
                assertThat(p.itemRecordNo()).as(what).isNotNull().hasSizeLessThanOrEqualTo(30);
            } else {
                assertThat(p.warehouse()).as(what).isIn("FRA-AIR", "SYD-AIR", "NRT-AIR");
            }
            assertThat(p.barcode()).as(what).matches("[0-9]{13}");
            assertThat(eanCheckDigitHolds(p.barcode())).as(what).isTrue();
            assertThat(p.imageUrl().length()).as(what).isLessThanOrEqualTo(500);
            assertThat(p.status()).as(what).isEqualTo("LISTED");
            assertThat(p.createdAt()).as(what).isBetween(UNTIL.minus(Duration.ofDays(730)), UNTIL);
            assertThat(p.updatedAt()).as(what).isBetween(p.createdAt(), UNTIL);
            // stock table
            assertThat(p.onHand()).as(what).isNotNegative();
            assertThat(p.reserved()).as(what).isBetween(0, p.onHand());
            // customs facts as the demo catalog has them for the category
            DemoFacts facts = demoFacts.get(p.category() + "/" + p.hsCode());
            assertThat(facts)
                    .as(what + ": HS code " + p.hsCode() + " for " + p.category())
                    .isNotNull();
            assertThat(p.tariffRate()).as(what).isEqualByComparingTo(facts.tariff());
            assertThat(p.vatRate()).as(what).isEqualByComparingTo(facts.vat());
            BigDecimal consumptionTax = switch (p.category()) {
                case "wine", "sparkling" -> new BigDecimal("0.10");
                case "skincare", "makeup", "fragrance" -> p.consumptionTaxRate();
                default -> BigDecimal.ZERO;
            };
            assertThat(p.consumptionTaxRate()).as(what).isEqualByComparingTo(consumptionTax);
            assertThat(p.consumptionTaxRate())
                    .as(what)
                    .isIn(new BigDecimal("0.00"), new BigDecimal("0.10"), new BigDecimal("0.15"));
        }
    }

    @Test
    void theCatalogHasALongTailOfBrandsAndAllCategoriesTradeModesAndWarehouses() {
        assertThat(ProductGenerator.BRANDS.all()).hasSizeBetween(1_500, 3_000);
        assertThat(ProductGenerator.BRANDS.all().values().stream()
                        .map(Brands.Brand::zh)
                        .distinct()
                        .count())
                .isEqualTo(ProductGenerator.BRANDS.all().size());
        var generator = new ProductGenerator(3, UNTIL);
        Map<String, Integer> perBrand = new HashMap<>();
        Set<String> leafCategories = new HashSet<>();
        Set<String> warehousesSeen = new HashSet<>();
        Set<String> modes = new HashSet<>();
        int products = 50_000;
        for (int n = 1; n <= products; n++) {
            SyntheticProduct p = generator.product(n);
            perBrand.merge(p.brand(), 1, Integer::sum);
            leafCategories.add(p.category());
            warehousesSeen.add(p.warehouse());
            modes.add(p.tradeMode());
        }
        assertThat(leafCategories).hasSize(Vocabulary.CATEGORIES.size());
        assertThat(warehousesSeen).isEqualTo(warehouses);
        assertThat(modes).containsExactlyInAnyOrder("1210", "9610");
        List<Integer> counts = perBrand.values().stream().sorted().toList();
        assertThat(perBrand.size()).isGreaterThan(1_500);
        assertThat(counts.getLast()).as("the most popular brand").isGreaterThan(50 * counts.get(counts.size() / 2));
    }

    private static void assertFits(BigDecimal value, int precision, int scale, String what) {
        assertThat(value.scale()).as(what + ": scale of " + value).isLessThanOrEqualTo(scale);
        assertThat(value.precision() - value.scale())
                .as(what + ": integer digits of " + value)
                .isLessThanOrEqualTo(precision - scale);
    }

    private static boolean eanCheckDigitHolds(String ean) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (ean.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == ean.charAt(12) - '0';
    }

    private static String read(String resource) throws IOException {
        return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    }

    private static String section(String sql, String from, String to) {
        int start = sql.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return sql.substring(start, sql.indexOf(to, start));
    }

    private static Set<String> all(String text, String regex) {
        Set<String> found = new HashSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<CSVRecord> demoProducts() throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("demo/products.csv").getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        }
    }
}
