package cn.eexpo.benchmarks;

import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SyntheticCatalog.SearchTerm;
import cn.eexpo.catalog.SyntheticCatalog.SearchTerm.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic mix of shopper queries: a text (a zh or en product word, a product-line word, a brand name, a brand
 * with a product word, or an en word with one typo) and two filters (trade mode and origin, category and a price
 * range, …). Every query asks for the first page of 20 by relevance; the search counts all facets.
 */
final class QuerySet {

    record BenchQuery(int id, String kind, SearchQuery query) {}

    /**
     * How many products of a category come from an origin (ISO code) with a trade mode and warehouse: filter values
     * are drawn from these, weighted by count, as a shopper picks values the facets show.
     */
    record Combination(String category, String origin, String tradeMode, String warehouse, long products) {}

    /** Price ranges in CNY, {@code null} open. */
    private static final Integer[][] PRICES = {
        {null, 100}, {100, 300}, {200, 500}, {300, 1000}, {500, 2000}, {1000, null}, {50, 200}
    };

    private final RandomGenerator random;
    private final List<SearchTerm> products = new ArrayList<>();
    private final List<SearchTerm> lines = new ArrayList<>();
    private final List<SearchTerm> brands = new ArrayList<>();
    private final Map<String, List<SearchTerm>> brandsByCategory = new LinkedHashMap<>();
    private final Map<String, List<SearchTerm>> productsByCategory = new LinkedHashMap<>();
    private final Map<String, String> parents;
    private final Map<String, List<Combination>> combinations = new LinkedHashMap<>();

    /**
     * @param parents the parent of each leaf category
     * @param combinations what the catalog holds per category, origin, trade mode and warehouse
     */
    QuerySet(List<SearchTerm> terms, Map<String, String> parents, List<Combination> combinations, long seed) {
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        this.parents = parents;
        for (Combination combination : combinations) {
            this.combinations
                    .computeIfAbsent(combination.category(), c -> new ArrayList<>())
                    .add(combination);
        }
        for (SearchTerm term : terms) {
            switch (term.kind()) {
                case PRODUCT -> products.add(term);
                case LINE -> lines.add(term);
                case BRAND -> brands.add(term);
            }
            for (String category : term.categories()) {
                if (term.kind() == Kind.BRAND) {
                    brandsByCategory
                            .computeIfAbsent(category, c -> new ArrayList<>())
                            .add(term);
                } else if (term.kind() == Kind.PRODUCT) {
                    productsByCategory
                            .computeIfAbsent(category, c -> new ArrayList<>())
                            .add(term);
                }
            }
        }
    }

    List<BenchQuery> generate(int count) {
        Set<SearchQuery> seen = new LinkedHashSet<>();
        List<BenchQuery> queries = new ArrayList<>();
        while (queries.size() < count) {
            BenchQuery query = next(queries.size());
            if (seen.add(query.query())) {
                queries.add(query);
            }
        }
        return List.copyOf(queries);
    }

    private BenchQuery next(int id) {
        double roll = random.nextDouble();
        String kind;
        String text;
        SearchTerm about;
        if (roll < 0.25) {
            about = pick(products);
            kind = "zh product word";
            text = about.zh();
        } else if (roll < 0.40) {
            about = pick(products);
            kind = "en product word";
            text = about.en();
        } else if (roll < 0.50) {
            about = pick(lines);
            kind = "zh line word";
            text = about.zh();
        } else if (roll < 0.55) {
            about = pick(lines);
            kind = "en line word";
            text = about.en();
        } else if (roll < 0.65) {
            about = brand(null);
            kind = "en brand";
            text = about.en();
        } else if (roll < 0.75) {
            about = brand(null);
            kind = "zh brand";
            text = about.zh();
        } else if (roll < 0.85) {
            about = brand(null);
            kind = "zh brand + product";
            text = about.zh() + " " + productOf(about).zh();
        } else if (roll < 0.90) {
            about = brand(null);
            kind = "en brand + product";
            text = about.en() + " " + productOf(about).en();
        } else {
            about = random.nextBoolean() ? pick(products) : brand(null);
            kind = "en with a typo";
            text = typo(about.en());
        }
        String category = pick(about.categories());
        Combination facts = combination(category);
        List<String> categories = List.of();
        List<String> brandFilter = List.of();
        List<String> origins = List.of();
        List<String> tradeModes = List.of();
        List<String> warehouses = List.of();
        Integer[] price = null;
        int pair = random.nextInt(6);
        if (pair == 5 && about.kind() == Kind.BRAND) {
            pair = 0;
        }
        switch (pair) {
            case 0 -> {
                tradeModes = List.of(facts.tradeMode());
                origins = List.of(facts.origin());
            }
            case 1 -> {
                categories = List.of(category(category));
                price = pick(PRICES);
            }
            case 2 -> {
                origins = List.of(facts.origin());
                price = pick(PRICES);
            }
            case 3 -> {
                categories = List.of(category(category));
                tradeModes = List.of(facts.tradeMode());
            }
            case 4 -> {
                warehouses = facts.tradeMode().equals("1210") && random.nextDouble() < 0.3
                        ? List.of("HNBLC", "XZCBZ")
                        : List.of(facts.warehouse());
                price = pick(PRICES);
            }
            default -> {
                brandFilter = List.of(brand(category).en());
                price = pick(PRICES);
            }
        }
        var query = new SearchQuery(
                text,
                categories,
                brandFilter,
                origins,
                tradeModes,
                warehouses,
                price == null || price[0] == null ? null : BigDecimal.valueOf(price[0]),
                price == null || price[1] == null ? null : BigDecimal.valueOf(price[1]),
                SearchQuery.Sort.RELEVANCE,
                0,
                20,
                null);
        return new BenchQuery(id, kind, query);
    }

    /** A brand of the category (any when null): half the time one of the demo's well-known brands. */
    private SearchTerm brand(@Nullable String category) {
        List<SearchTerm> candidates = category == null ? brands : brandsByCategory.get(category);
        if (random.nextBoolean()) {
            List<SearchTerm> known = category == null
                    ? brandsByCategory.values().stream()
                            .flatMap(list -> list.stream().limit(5))
                            .toList()
                    : candidates.subList(0, Math.min(8, candidates.size()));
            return pick(known);
        }
        return pick(candidates);
    }

    private SearchTerm productOf(SearchTerm brand) {
        return pick(productsByCategory.get(pick(brand.categories())));
    }

    /** The leaf category, one time in ten its parent. */
    private String category(String leaf) {
        String parent = parents.get(leaf);
        return parent != null && random.nextDouble() < 0.1 ? parent : leaf;
    }

    /** A combination of the category, weighted by how many products it has. */
    private Combination combination(String category) {
        List<Combination> candidates = combinations.getOrDefault(category, List.of());
        if (candidates.isEmpty()) {
            return new Combination(category, "DE", "1210", "HNBLC", 0);
        }
        long total = candidates.stream().mapToLong(Combination::products).sum();
        long at = random.nextLong(total);
        for (Combination candidate : candidates) {
            at -= candidate.products();
            if (at < 0) {
                return candidate;
            }
        }
        return candidates.getLast();
    }

    /**
     * One edit in the longest word (a letter dropped, doubled, replaced, or two swapped), never the first letter:
     * Elasticsearch's AUTO fuzziness with prefix length 1 forgives it.
     */
    private String typo(String text) {
        String[] words = text.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        String word = words[longest];
        if (word.length() < 4) {
            return text;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        StringBuilder changed = new StringBuilder(word);
        switch (random.nextInt(4)) {
            case 0 -> changed.deleteCharAt(at);
            case 1 -> changed.insert(at, word.charAt(at));
            case 2 -> {
                char replacement = (char) ('a' + random.nextInt(26));
                changed.setCharAt(at, replacement == word.charAt(at) ? 'x' : replacement);
            }
            default -> {
                char c = changed.charAt(at);
                changed.setCharAt(at, changed.charAt(at + 1));
                changed.setCharAt(at + 1, c);
            }
        }
        words[longest] = changed.toString().toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))
                ? word + "s"
                : changed.toString();
        return String.join(" ", words);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
