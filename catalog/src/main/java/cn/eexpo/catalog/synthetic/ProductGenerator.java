package cn.eexpo.catalog.synthetic;

import cn.eexpo.catalog.SyntheticCatalog;
import cn.eexpo.catalog.synthetic.Brands.Brand;
import cn.eexpo.catalog.synthetic.Vocabulary.Category;
import cn.eexpo.catalog.synthetic.Vocabulary.ProductType;
import cn.eexpo.catalog.synthetic.Vocabulary.Size;
import cn.eexpo.catalog.synthetic.Vocabulary.Word;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Generates synthetic product number {@code n} (1-based) from a seed. Every product has a random generator of its
 * own, seeded from the catalog seed and its number, so product {@code n} is the same whatever the count and products
 * can be generated in any order. Timestamps lie in the two years before {@code until}, more of them recent.
 */
final class ProductGenerator {

    static final Brands BRANDS = new Brands();

    static final int MIN_PRICE_YUAN = 20;
    static final int MAX_PRICE_YUAN = 8_000;
    private static final Duration SPAN = Duration.ofDays(730);
    private static final BigDecimal COSMETICS_TAX = new BigDecimal("0.15");
    private static final BigDecimal NO_TAX = new BigDecimal("0.00");

    private static final List<String> BONDED = List.of("HNBLC", "XZCBZ");
    private static final List<String> EXHIBITORS = List.of("rhein-main", "southern-cross", "sakura-living");

    /** GS1 prefixes of the origin countries, for plausible barcodes. */
    private static final Map<String, String> BARCODE_PREFIX = Map.ofEntries(
            Map.entry("116", "49"),
            Map.entry("133", "880"),
            Map.entry("136", "885"),
            Map.entry("301", "54"),
            Map.entry("302", "57"),
            Map.entry("303", "50"),
            Map.entry("304", "40"),
            Map.entry("305", "30"),
            Map.entry("307", "80"),
            Map.entry("309", "87"),
            Map.entry("312", "84"),
            Map.entry("331", "76"),
            Map.entry("412", "780"),
            Map.entry("501", "06"),
            Map.entry("502", "00"),
            Map.entry("601", "93"),
            Map.entry("609", "94"));

    private static final double[] CATEGORY_WEIGHTS;

    static {
        CATEGORY_WEIGHTS = new double[Vocabulary.CATEGORIES.size()];
        double sum = 0;
        for (int i = 0; i < CATEGORY_WEIGHTS.length; i++) {
            sum += Vocabulary.CATEGORIES.get(i).weight();
            CATEGORY_WEIGHTS[i] = sum;
        }
        for (int i = 0; i < CATEGORY_WEIGHTS.length; i++) {
            CATEGORY_WEIGHTS[i] /= sum;
        }
    }

    private final long seed;
    private final Instant until;

    ProductGenerator(long seed, Instant until) {
        this.seed = seed;
        this.until = until;
    }

    static String sku(int number) {
        return SyntheticCatalog.SKU_PREFIX + "%07d".formatted(number);
    }

    SyntheticProduct product(int number) {
        SplittableRandom random = new SplittableRandom(mix(seed, number));
        Category category = pickCategory(random);
        Brand brand = BRANDS.pick(category.code(), random);
        ProductType type = pick(category.types(), random);
        Size size = pick(type.sizes(), random);
        @Nullable Word line = random.nextDouble() < 0.8 ? pick(category.lines(), random) : null;
        @Nullable Word variant = random.nextDouble() < 0.5 ? pick(category.variants(), random) : null;
        String origin = brand.origin();

        String region = region(origin);
        @Nullable String overseas = overseasWarehouse(region);
        boolean direct = overseas != null && random.nextDouble() < category.share9610();
        String tradeMode = direct ? "9610" : "1210";
        String warehouse = direct ? overseas : pick(BONDED, random);
        String exhibitor = random.nextDouble() < 0.1 ? pick(EXHIBITORS, random) : exhibitor(region);

        long yuan = price(type, size, brand, random);
        BigDecimal consumptionTax = category.cosmetic()
                ? (highEndCosmetic(yuan, size) ? COSMETICS_TAX : NO_TAX)
                : new BigDecimal(category.consumptionTax());

        BigDecimal net = BigDecimal.valueOf(Math.max(size.netKg(), 0.001)).setScale(3, RoundingMode.HALF_UP);
        double packaging = type.packagingKg() * (0.85 + 0.3 * random.nextDouble()) + 0.005;
        BigDecimal gross = net.add(BigDecimal.valueOf(packaging).setScale(3, RoundingMode.HALF_UP))
                .max(net.add(new BigDecimal("0.001")));
        BigDecimal legalQty = switch (type.legalQty()) {
            case KG -> net;
            case LITRE -> BigDecimal.valueOf(size.amount() / 1000.0);
            case ONE -> BigDecimal.ONE;
        };

        int first = random.nextInt(category.features().size());
        int second = (first + 1 + random.nextInt(category.features().size() - 1))
                % category.features().size();
        Feature features =
                new Feature(category.features().get(first), category.features().get(second));
        Instant created = until.minusSeconds((long) (SPAN.toSeconds() * (1 - Math.sqrt(random.nextDouble()))));
        Instant updated = random.nextDouble() < 0.6
                ? created
                : created.plusSeconds((long) (Duration.between(created, until).toSeconds() * random.nextDouble()));
        int onHand = random.nextDouble() < 0.07 ? 0 : (int) Math.exp(random.nextDouble() * Math.log(1_000)) + 1;
        int reserved = onHand > 0 && random.nextDouble() < 0.15 ? random.nextInt(Math.min(onHand, 20) + 1) : 0;
        String sku = sku(number);

        return new SyntheticProduct(
                sku,
                exhibitor,
                category.code(),
                brand.en(),
                brand.zh(),
                nameZh(brand, line, type, variant, size),
                nameEn(brand, line, type, variant, size),
                descriptionZh(brand, type, features, tradeMode),
                descriptionEn(brand, type, features, tradeMode),
                type.hsCode(),
                origin,
                type.customsUnit(),
                type.legalUnit(),
                legalQty.setScale(4, RoundingMode.HALF_UP),
                net,
                gross,
                yuan * 100,
                new BigDecimal(category.vat()),
                consumptionTax,
                new BigDecimal(type.tariff()),
                tradeMode,
                warehouse,
                direct ? null : "SYN%07d".formatted(number),
                barcode(origin, random),
                "/images/categories/" + category.code() + ".svg",
                "LISTED",
                created,
                updated,
                onHand,
                reserved);
    }

    private record Feature(Word first, Word second) {}

    /** Stafford's mix13 of the seed and the product number: unrelated streams for neighbouring numbers. */
    static long mix(long seed, long number) {
        long z = seed * 0x9E3779B97F4A7C15L + number;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Category pickCategory(RandomGenerator random) {
        double u = random.nextDouble();
        for (int i = 0; i < CATEGORY_WEIGHTS.length; i++) {
            if (u < CATEGORY_WEIGHTS[i]) {
                return Vocabulary.CATEGORIES.get(i);
            }
        }
        return Vocabulary.CATEGORIES.getLast();
    }

    private static <T> T pick(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Asia, Europe, the Americas or Oceania, from the first digit of the customs country code. */
    private static String region(String origin) {
        return switch (origin.charAt(0)) {
            case '1' -> "ASIA";
            case '3' -> "EUROPE";
            case '6' -> "OCEANIA";
            default -> "AMERICAS";
        };
    }

    /** The air consolidation point that serves a region for 9610; none serves the Americas. */
    private static @Nullable String overseasWarehouse(String region) {
        return switch (region) {
            case "EUROPE" -> "FRA-AIR";
            case "OCEANIA" -> "SYD-AIR";
            case "ASIA" -> "NRT-AIR";
            default -> null;
        };
    }

    private static String exhibitor(String region) {
        return switch (region) {
            case "EUROPE" -> "rhein-main";
            case "ASIA" -> "sakura-living";
            default -> "southern-cross";
        };
    }

    /** Log-normal around the type's median, scaled by size and brand; retail prices end in 9 (or 0 when high). */
    private static long price(ProductType type, Size size, Brand brand, RandomGenerator random) {
        double raw =
                type.medianYuan() * size.priceFactor() * brand.tier() * Math.exp(type.sigma() * random.nextGaussian());
        long yuan = Math.round(Math.clamp(raw, MIN_PRICE_YUAN, MAX_PRICE_YUAN));
        if (yuan >= 500 && random.nextDouble() < 0.2) {
            yuan = Math.round(yuan / 10.0) * 10;
        } else if (yuan >= 30) {
            yuan = yuan / 10 * 10 + 9;
        }
        return Math.clamp(yuan, MIN_PRICE_YUAN, MAX_PRICE_YUAN);
    }

    /** 高档化妆品: at least 10 CNY per ml or g, or 15 CNY per piece (sheet masks). */
    static boolean highEndCosmetic(long yuan, Size size) {
        return switch (size.unit()) {
            case ML, G -> yuan >= 10 * size.amount();
            case PIECE -> yuan >= 15 * size.amount();
            case NONE -> false;
        };
    }

    private static String nameZh(
            Brand brand, @Nullable Word line, ProductType type, @Nullable Word variant, Size size) {
        StringBuilder name = new StringBuilder(brand.zh());
        if (line != null) {
            name.append(' ').append(line.zh());
        }
        name.append(' ').append(type.name().zh());
        boolean edition = variant != null && variant.zh().startsWith("（");
        if (variant != null && !edition) {
            name.append(' ').append(variant.zh());
        }
        name.append(' ').append(size.zh());
        if (edition) {
            name.append(variant.zh());
        }
        return name.toString();
    }

    private static String nameEn(
            Brand brand, @Nullable Word line, ProductType type, @Nullable Word variant, Size size) {
        StringBuilder name = new StringBuilder(brand.en());
        if (line != null) {
            name.append(' ').append(line.en());
        }
        name.append(' ').append(type.name().en());
        boolean edition = variant != null && variant.en().startsWith("(");
        if (variant != null && !edition) {
            name.append(' ').append(variant.en());
        }
        name.append(' ').append(size.en());
        if (edition) {
            name.append(' ').append(variant.en());
        }
        return name.toString();
    }

    private static String descriptionZh(Brand brand, ProductType type, Feature features, String tradeMode) {
        return brand.zh() + type.name().zh() + "，" + features.first().zh() + "，"
                + features.second().zh() + "。" + ("1210".equals(tradeMode) ? "郑州保税仓发货，清关后由国内快递配送。" : "海外直邮，按个人物品申报清关。");
    }

    private static String descriptionEn(Brand brand, ProductType type, Feature features, String tradeMode) {
        return brand.en() + " " + type.name().en() + ": " + features.first().en() + ", "
                + features.second().en() + ". "
                + ("1210".equals(tradeMode)
                        ? "Ships from a bonded warehouse in Zhengzhou after customs clearance."
                        : "Shipped per order from abroad and cleared as a personal import.");
    }

    /** An EAN-13 with the origin's GS1 prefix and a correct check digit. */
    static String barcode(String origin, RandomGenerator random) {
        StringBuilder digits = new StringBuilder(BARCODE_PREFIX.getOrDefault(origin, "69"));
        while (digits.length() < 12) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = digits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : 3 * digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
