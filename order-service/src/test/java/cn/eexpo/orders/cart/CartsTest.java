package cn.eexpo.orders.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cart store against the real Redis, products from the demo catalog. Every test uses carts of its own. */
@CartTest
class CartsTest {

    /** Demo products: stock 386, 2 and 0. */
    static final Sku PLENTY = new Sku("EX-IF-00001");

    static final Sku TWO_LEFT = new Sku("EX-SK-00003");
    static final Sku SOLD_OUT = new Sku("EX-IF-00004");
    static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

    @Autowired
    RedisCarts carts;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    CartProperties properties;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addSetRemoveAndClear() {
        CartOwner owner = anonymous();
        assertThat(carts.get(owner).isEmpty()).isTrue();

        carts.add(owner, PLENTY, 2);
        Cart cart = carts.add(owner, TWO_LEFT, 1);
        assertThat(cart.lines()).extracting(CartLine::sku).containsExactly(PLENTY, TWO_LEFT);
        assertThat(carts.add(owner, PLENTY, 3).quantityOf(PLENTY)).isEqualTo(5);

        cart = carts.set(owner, PLENTY, 7);
        assertThat(cart.quantityOf(PLENTY)).isEqualTo(7);
        assertThat(cart.lines())
                .extracting(CartLine::sku)
                .as("a line keeps its place")
                .containsExactly(PLENTY, TWO_LEFT);
        assertThat(carts.get(owner)).isEqualTo(cart);

        assertThat(carts.set(owner, PLENTY, 0).lines())
                .extracting(CartLine::sku)
                .containsExactly(TWO_LEFT);
        assertThat(carts.remove(owner, TWO_LEFT).isEmpty()).isTrue();
        assertThat(redis.hasKey(properties.key(owner)))
                .as("an empty cart leaves no key")
                .isFalse();
        assertThat(carts.remove(owner, TWO_LEFT).isEmpty())
                .as("removing twice changes nothing")
                .isTrue();

        carts.add(owner, PLENTY, 1);
        carts.clear(owner);
        assertThat(carts.get(owner).isEmpty()).isTrue();
    }

    @Test
    void linesKeepTheOrderTheyWereAddedInEvenWithinOneMillisecond() {
        CartOwner owner = anonymous();
        List<Sku> skus = inStock(3).reversed();
        // A line written before lines took microseconds: its milliseconds still place it first.
        redis.opsForHash().put(properties.key(owner), TWO_LEFT.value(), "1|1764288000000");
        for (Sku sku : skus) {
            carts.add(owner, sku, 1);
        }

        Cart cart = carts.get(owner);

        assertThat(cart.lines())
                .extracting(CartLine::sku)
                .containsExactly(TWO_LEFT, skus.get(0), skus.get(1), skus.get(2));
        assertThat(cart.lines().getFirst().added()).isEqualTo(java.time.Instant.ofEpochMilli(1_764_288_000_000L));
        assertThat(cart.lines().get(1).added())
                .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
        assertThat(cart.lines().get(1).added()).isBefore(cart.lines().get(2).added());
    }

    @Test
    void aFieldThatIsNotACartLineIsLeftOutAndTheConnectionKeepsWorking() {
        CartOwner owner = anonymous();
        redis.opsForHash()
                .putAll(
                        properties.key(owner),
                        java.util.Map.of(
                                PLENTY.value(),
                                "2|1000",
                                "not a sku",
                                "1|1000",
                                TWO_LEFT.value(),
                                "x|y",
                                SOLD_OUT.value(),
                                "3"));

        Cart cart = carts.get(owner);

        assertThat(cart.lines())
                .containsExactly(
                        new CartLine(SOLD_OUT, 3, java.time.Instant.EPOCH),
                        new CartLine(PLENTY, 2, java.time.Instant.ofEpochMilli(1000)));
        assertThat(carts.add(owner, PLENTY, 1).quantityOf(PLENTY)).isEqualTo(3);
    }

    @Test
    void refusesUnknownProductsBadQuantitiesAndMoreThanTheStock() {
        CartOwner owner = anonymous();

        assertThatThrownBy(() -> carts.add(owner, new Sku("EX-NO-SUCH-SKU"), 1))
                .isInstanceOf(UnknownProductException.class)
                .hasMessage("No product with the SKU EX-NO-SUCH-SKU is for sale.");
        assertThatThrownBy(() -> carts.add(owner, PLENTY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> carts.add(owner, PLENTY, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> carts.set(owner, PLENTY, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> carts.add(owner, SOLD_OUT, 1))
                .isInstanceOf(InsufficientStockException.class)
                .hasMessage("EX-IF-00004 is sold out.");

        carts.add(owner, TWO_LEFT, 2);
        assertThatThrownBy(() -> carts.add(owner, TWO_LEFT, 1))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.requested()).isEqualTo(3);
                    assertThat(e.available()).isEqualTo(2);
                })
                .hasMessage("Only 2 of EX-SK-00003 are available; the cart line would hold 3.");
        assertThatThrownBy(() -> carts.set(owner, TWO_LEFT, 3)).isInstanceOf(InsufficientStockException.class);
        assertThat(carts.get(owner).quantityOf(TWO_LEFT))
                .as("a refused write changes nothing")
                .isEqualTo(2);
        assertThat(carts.get(owner).lineCount()).isEqualTo(1);
    }

    @Test
    void capsALineAt99Units() {
        CartOwner owner = anonymous();
        carts.add(owner, PLENTY, 60);

        Cart cart = carts.add(owner, PLENTY, 60);

        assertThat(cart.quantityOf(PLENTY)).isEqualTo(Carts.MAX_QUANTITY);
        assertThat(cart.notes()).containsExactly(new CartNote(CartNote.Kind.CAPPED, PLENTY, 99));
        assertThat(carts.get(owner).notes()).isEmpty();
    }

    @Test
    void holdsAtMost200Lines() {
        List<Sku> skus = inStock(Carts.MAX_LINES + 1);
        CartOwner owner = anonymous();
        for (Sku sku : skus.subList(0, Carts.MAX_LINES)) {
            carts.add(owner, sku, 1);
        }

        assertThatThrownBy(() -> carts.add(owner, skus.get(Carts.MAX_LINES), 1))
                .isInstanceOf(CartFullException.class)
                .hasMessageContaining("at most 200");
        assertThat(carts.get(owner).lineCount()).isEqualTo(Carts.MAX_LINES);
        assertThat(carts.add(owner, skus.getFirst(), 1).quantityOf(skus.getFirst()))
                .as("a full cart still takes more of a line it has")
                .isEqualTo(2);
        carts.remove(owner, skus.getFirst());
        assertThat(carts.add(owner, skus.get(Carts.MAX_LINES), 1).lineCount()).isEqualTo(Carts.MAX_LINES);
    }

    @Test
    void everyWriteRefreshesThe30DayTtlAndReadsDoNot() {
        CartOwner owner = anonymous();
        String key = properties.key(owner);
        assertThat(carts.timeToLive(owner)).as("no cart, no key").isEqualTo(-2);

        carts.add(owner, PLENTY, 1);
        assertThat(redis.getExpire(key)).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);

        redis.expire(key, Duration.ofSeconds(600));
        carts.get(owner);
        assertThat(redis.getExpire(key)).as("a read leaves the TTL").isBetween(1L, 600L);

        carts.set(owner, PLENTY, 3);
        assertThat(redis.getExpire(key)).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);

        carts.add(owner, TWO_LEFT, 1);
        redis.expire(key, Duration.ofSeconds(600));
        carts.remove(owner, TWO_LEFT);
        assertThat(redis.getExpire(key)).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);
    }

    @Test
    void theScriptsAreSentAgainWhenRedisHasForgottenThem() {
        CartOwner anonymous = anonymous();
        CartOwner account = account();
        carts.add(anonymous, PLENTY, 2);
        flushScripts();

        Cart cart = carts.add(anonymous, TWO_LEFT, 2);
        assertThat(cart.quantityOf(TWO_LEFT)).isEqualTo(2);
        assertThat(cart.quantityOf(PLENTY)).isEqualTo(2);
        flushScripts();
        assertThatThrownBy(() -> carts.add(anonymous, TWO_LEFT, 1))
                .as("the stock answer after the script was sent again")
                .isInstanceOf(InsufficientStockException.class);
        flushScripts();
        assertThat(carts.set(anonymous, PLENTY, Carts.MAX_QUANTITY).quantityOf(PLENTY))
                .isEqualTo(Carts.MAX_QUANTITY);
        assertThat(carts.add(anonymous, PLENTY, 1).notes())
                .containsExactly(new CartNote(CartNote.Kind.CAPPED, PLENTY, Carts.MAX_QUANTITY));

        flushScripts();
        Cart merged = carts.merge(anonymous, account);
        assertThat(merged.owner()).isEqualTo(account);
        assertThat(merged.quantityOf(PLENTY)).isEqualTo(Carts.MAX_QUANTITY);
        assertThat(merged.quantityOf(TWO_LEFT)).isEqualTo(2);
        assertThat(carts.get(anonymous).isEmpty()).isTrue();
    }

    private void flushScripts() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });
    }

    @Test
    void mergeSumsQuantitiesCapsThemAtStockAndDeletesTheAnonymousCart() {
        List<Sku> skus = inStock(3);
        CartOwner anonymous = anonymous();
        CartOwner account = account();
        carts.add(account, TWO_LEFT, 1);
        carts.add(account, skus.get(0), 2);
        carts.add(anonymous, skus.get(0), 3);
        carts.add(anonymous, TWO_LEFT, 2);
        carts.add(anonymous, skus.get(1), 4);
        // Sold out after it was put in the cart: the merge leaves it out.
        redis.opsForHash().put(properties.key(anonymous), SOLD_OUT.value(), "1|0");
        redis.expire(properties.key(account), Duration.ofSeconds(600));

        Cart merged = carts.merge(anonymous, account);

        assertThat(merged.owner()).isEqualTo(account);
        assertThat(merged.quantityOf(skus.get(0))).as("summed").isEqualTo(5);
        assertThat(merged.quantityOf(TWO_LEFT)).as("capped at the 2 available").isEqualTo(2);
        assertThat(merged.quantityOf(skus.get(1))).isEqualTo(4);
        assertThat(merged.quantityOf(SOLD_OUT)).isZero();
        assertThat(merged.lines())
                .extracting(CartLine::sku)
                .as("the account's lines first, then the new ones in the order they were added")
                .containsExactly(TWO_LEFT, skus.get(0), skus.get(1));
        assertThat(merged.notes())
                .containsExactlyInAnyOrder(
                        new CartNote(CartNote.Kind.CAPPED, TWO_LEFT, 2),
                        new CartNote(CartNote.Kind.UNAVAILABLE, SOLD_OUT, 0));
        assertThat(redis.hasKey(properties.key(anonymous))).isFalse();
        assertThat(redis.getExpire(properties.key(account))).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);
        assertThat(carts.get(account).lines()).isEqualTo(merged.lines());

        assertThat(carts.merge(anonymous, account).lines())
                .as("merging again (the cookie came back) changes nothing")
                .isEqualTo(merged.lines());
    }

    @Test
    void mergeDropsLinesBeyond200() {
        List<Sku> skus = inStock(Carts.MAX_LINES + 2);
        CartOwner anonymous = anonymous();
        CartOwner account = account();
        for (Sku sku : skus.subList(0, Carts.MAX_LINES - 1)) {
            carts.add(account, sku, 1);
        }
        carts.add(anonymous, skus.get(0), 1);
        for (Sku sku : skus.subList(Carts.MAX_LINES - 1, Carts.MAX_LINES + 2)) {
            carts.add(anonymous, sku, 1);
        }

        Cart merged = carts.merge(anonymous, account);

        assertThat(merged.lineCount()).isEqualTo(Carts.MAX_LINES);
        assertThat(merged.quantityOf(skus.get(0))).isEqualTo(2);
        assertThat(merged.quantityOf(skus.get(Carts.MAX_LINES - 1))).isEqualTo(1);
        assertThat(merged.notes())
                .containsExactly(
                        new CartNote(CartNote.Kind.DROPPED, skus.get(Carts.MAX_LINES), 0),
                        new CartNote(CartNote.Kind.DROPPED, skus.get(Carts.MAX_LINES + 1), 0));
        assertThat(redis.hasKey(properties.key(anonymous))).isFalse();
    }

    @Test
    void concurrentWritesToOneCartAreNotLost() throws Exception {
        CartOwner owner = anonymous();
        List<Sku> skus = inStock(21);
        int adders = 60;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < adders; i++) {
                writes.add(threads.submit(() -> {
                    start.await();
                    return carts.add(owner, PLENTY, 1);
                }));
            }
            for (Sku sku : skus.subList(1, skus.size())) {
                writes.add(threads.submit(() -> {
                    start.await();
                    return carts.add(owner, sku, 2);
                }));
            }
            start.countDown();
            for (Future<?> write : writes) {
                write.get();
            }
        }

        Cart cart = carts.get(owner);
        assertThat(cart.quantityOf(PLENTY)).isEqualTo(adders);
        assertThat(cart.lineCount()).isEqualTo(1 + skus.size() - 1);
        skus.subList(1, skus.size())
                .forEach(sku -> assertThat(cart.quantityOf(sku)).isEqualTo(2));
    }

    @Test
    void concurrentAddsNeverExceedTheStock() throws Exception {
        CartOwner owner = anonymous();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> writes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                writes.add(threads.submit(() -> {
                    start.await();
                    try {
                        carts.add(owner, TWO_LEFT, 1);
                        return true;
                    } catch (InsufficientStockException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> write : writes) {
                accepted += write.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(2);
        }
        assertThat(carts.get(owner).quantityOf(TWO_LEFT)).isEqualTo(2);
    }

    private final List<CartOwner> owners = new ArrayList<>();

    @AfterEach
    void deleteTheCarts() {
        redis.delete(owners.stream().map(properties::key).toList());
    }

    private CartOwner anonymous() {
        CartOwner owner = CartOwner.newAnonymous();
        owners.add(owner);
        return owner;
    }

    private CartOwner account() {
        CartOwner owner = CartOwner.account(1_000_000_000L + (System.nanoTime() & 0x3fff_ffffL));
        owners.add(owner);
        return owner;
    }

    /** Listed demo products with stock, other than the ones the tests name. */
    private List<Sku> inStock(int count) {
        List<Sku> skus = jdbc.sql("""
                        select p.sku from product p
                         where p.status = 'LISTED'
                           and (select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku) >= 10
                           and p.sku not in ('EX-IF-00001', 'EX-SK-00003', 'EX-IF-00004')
                         order by p.sku limit :count
                        """)
                .param("count", count)
                .query((rs, row) -> new Sku(rs.getString(1)))
                .list();
        assertThat(skus).hasSize(count);
        return skus;
    }
}
