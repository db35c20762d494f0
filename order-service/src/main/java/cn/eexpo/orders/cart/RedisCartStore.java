package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Carts in Redis, one hash per cart (field {@code SKU} → quantity, field {@code @SKU} → when the line was added, epoch
 * ms), through one shared Lettuce connection: Lettuce pipelines the commands of concurrent callers on it. Every write
 * is one Lua script (EVALSHA, loaded again after a Redis restart) that applies the limits and refreshes the TTL in the
 * same step. Knows nothing of products: the caller passes the stock to check against.
 *
 * <p>The connection is opened on first use, not at start-up, so the application starts while Redis is down; while it
 * cannot be reached every call fails fast with {@link CartUnavailableException} (Lettuce reconnects by itself and
 * rejects commands while disconnected rather than queueing them).
 */
public final class RedisCartStore implements AutoCloseable {

    /** After a failed connection attempt, callers fail at once for this long instead of each trying again. */
    private static final long RETRY_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

    private static final Script WRITE_LINE = Script.load("write-line.lua");
    private static final Script MERGE = Script.load("merge.lua");

    private final RedisClient client;
    private final CartProperties properties;
    private final long ttlSeconds;
    private final long timeoutMillis;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile long failedAt;
    private volatile @Nullable RedisException lastFailure;

    /**
     * @param client configured with its URI, options and timeouts; the store owns it and shuts it down on
     *     {@link #close()}
     * @param commandTimeout how long to wait for an answer before the cart counts as unavailable
     */
    public RedisCartStore(RedisClient client, CartProperties properties, Duration commandTimeout) {
        this.client = client;
        this.properties = properties;
        this.ttlSeconds = properties.ttl().toSeconds();
        this.timeoutMillis = commandTimeout.toMillis();
    }

    enum Mode {
        ADD,
        SET
    }

    Cart get(CartOwner owner) {
        Map<String, String> hash = await(redis().hgetall(properties.key(owner)));
        return cart(owner, hash, List.of());
    }

    /**
     * Adds to or sets one line; a quantity of 0 with {@link Mode#SET} removes it.
     *
     * @param available units the line may hold at most, or -1 not to check (removing)
     */
    Cart write(CartOwner owner, Sku sku, Mode mode, int quantity, int available) {
        List<Object> answer = eval(
                WRITE_LINE,
                new String[] {properties.key(owner)},
                mode == Mode.ADD ? "add" : "set",
                sku.value(),
                Integer.toString(quantity),
                Integer.toString(available),
                Integer.toString(Carts.MAX_QUANTITY),
                Integer.toString(Carts.MAX_LINES),
                Long.toString(ttlSeconds));
        String status = (String) answer.get(0);
        int held = Integer.parseInt((String) answer.get(1));
        return switch (status) {
            case "OK" -> cart(owner, fields(answer, 2), List.of());
            case "CAPPED" -> cart(owner, fields(answer, 2), List.of(new CartNote(CartNote.Kind.CAPPED, sku, held)));
            case "STOCK" -> throw new InsufficientStockException(sku, held, available);
            case "FULL" -> throw new CartFullException();
            default -> throw new IllegalStateException("unexpected answer of the cart script: " + status);
        };
    }

    /**
     * Moves the anonymous cart into the account's, atomically.
     *
     * @param available units available per SKU of the anonymous cart as the caller read it (0: not for sale)
     */
    Cart merge(CartOwner anonymous, CartOwner account, Map<Sku, Integer> available) {
        String[] args = new String[3 + 2 * available.size()];
        args[0] = Integer.toString(Carts.MAX_QUANTITY);
        args[1] = Integer.toString(Carts.MAX_LINES);
        args[2] = Long.toString(ttlSeconds);
        int i = 3;
        for (Map.Entry<Sku, Integer> entry : available.entrySet()) {
            args[i++] = entry.getKey().value();
            args[i++] = Integer.toString(Math.max(0, entry.getValue()));
        }
        List<Object> answer = eval(MERGE, new String[] {properties.key(anonymous), properties.key(account)}, args);
        int count = Integer.parseInt((String) answer.get(0));
        List<CartNote> notes = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int at = 1 + 3 * n;
            notes.add(new CartNote(
                    CartNote.Kind.valueOf((String) answer.get(at)),
                    new Sku((String) answer.get(at + 1)),
                    Integer.parseInt((String) answer.get(at + 2))));
        }
        return cart(account, fields(answer, 1 + 3 * count), notes);
    }

    void clear(CartOwner owner) {
        await(redis().del(properties.key(owner)));
    }

    /** Seconds the cart has left before Redis drops it; -2 when there is none. For tests and diagnostics. */
    long timeToLive(CartOwner owner) {
        return await(redis().ttl(properties.key(owner)));
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private List<Object> eval(Script script, String[] keys, String... args) {
        RedisAsyncCommands<String, String> redis = redis();
        try {
            return await(redis.evalsha(script.sha1, ScriptOutputType.MULTI, keys, args));
        } catch (RedisNoScriptException e) {
            // Redis restarted or its script cache was flushed: EVAL runs the script and caches it again.
            return await(redis.eval(script.text, ScriptOutputType.MULTI, keys, args));
        }
    }

    private RedisAsyncCommands<String, String> redis() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            return open.async();
        }
        connecting.lock();
        try {
            open = connection;
            if (open == null) {
                RedisException failure = lastFailure;
                if (failure != null && System.nanoTime() - failedAt < RETRY_AFTER_NANOS) {
                    throw new CartUnavailableException(failure);
                }
                try {
                    open = client.connect(StringCodec.UTF8);
                } catch (RedisException e) {
                    lastFailure = e;
                    failedAt = System.nanoTime();
                    throw new CartUnavailableException(e);
                }
                connection = open;
                lastFailure = null;
            }
            return open.async();
        } finally {
            connecting.unlock();
        }
    }

    /**
     * The answer of a command, or {@link CartUnavailableException} when Redis cannot be reached or does not answer in
     * time. An error that Redis itself answered (a broken script, a wrong type) is a bug and is thrown as it is.
     */
    private <T> T await(RedisFuture<T> future) {
        try {
            // Lettuce's own command timeout fires first; this bound only guards against a lost completion.
            return future.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisCommandExecutionException executionError) {
                throw executionError;
            }
            throw new CartUnavailableException(cause == null ? e : cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CartUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CartUnavailableException(e);
        } catch (RedisException e) {
            throw new CartUnavailableException(e);
        }
    }

    private static Cart cart(CartOwner owner, Map<String, String> hash, List<CartNote> notes) {
        List<CartLine> lines = new ArrayList<>(hash.size() / 2);
        for (Map.Entry<String, String> field : hash.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("@")) {
                continue;
            }
            String added = hash.get("@" + name);
            lines.add(new CartLine(
                    new Sku(name),
                    Integer.parseInt(field.getValue()),
                    added == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(added))));
        }
        lines.sort(Comparator.comparing(CartLine::added)
                .thenComparing(line -> line.sku().value()));
        return new Cart(owner, lines, notes);
    }

    /** The hash fields that follow the first {@code from} elements of a script's answer. */
    private static Map<String, String> fields(List<Object> answer, int from) {
        Map<String, String> hash = HashMap.newHashMap((answer.size() - from) / 2);
        for (int i = from; i + 1 < answer.size(); i += 2) {
            hash.put((String) answer.get(i), (String) answer.get(i + 1));
        }
        return hash;
    }

    private record Script(String text, String sha1) {

        static Script load(String name) {
            try (InputStream in = RedisCartStore.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing cart script " + name);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
                return new Script(text, java.util.HexFormat.of().formatHex(digest));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot load cart script " + name, e);
            }
        }
    }
}
