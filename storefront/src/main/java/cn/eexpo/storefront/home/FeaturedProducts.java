package cn.eexpo.storefront.home;

import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.storefront.search.ShopSearch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the home page features: the newest product of each of the first categories, so the fair shows its range. Every
 * visitor sees the same few products, so they are looked up once every {@link #FRESH} and shared; a lookup that comes
 * back short (the index still being built) is not kept.
 */
@Component
class FeaturedProducts {

    static final Duration FRESH = Duration.ofMinutes(5);

    private record Found(List<SearchResult.Item> items, Instant at) {}

    private final ShopSearch search;
    private volatile @Nullable Found found;

    FeaturedProducts(ShopSearch search) {
        this.search = search;
    }

    /**
     * Up to {@code count} products, one per category in {@code categories}' order.
     *
     * @throws SearchUnavailableException when search cannot answer and nothing is kept from before
     */
    List<SearchResult.Item> items(List<String> categories, int count) {
        Found kept = found;
        if (kept != null
                && kept.items().size() >= count
                && kept.at().plus(FRESH).isAfter(Instant.now())) {
            return kept.items().subList(0, count);
        }
        List<SearchResult.Item> items = new ArrayList<>();
        try {
            for (String category : categories) {
                if (items.size() == count) {
                    break;
                }
                search.search(newest(category)).items().stream().findFirst().ifPresent(items::add);
            }
        } catch (SearchUnavailableException e) {
            if (kept != null) {
                return kept.items().subList(0, Math.min(count, kept.items().size()));
            }
            throw e;
        }
        if (items.size() == count) {
            found = new Found(List.copyOf(items), Instant.now());
        }
        return items;
    }

    private static SearchQuery newest(String category) {
        return new SearchQuery(
                null,
                List.of(category),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                SearchQuery.Sort.NEWEST,
                0,
                1,
                null);
    }
}
