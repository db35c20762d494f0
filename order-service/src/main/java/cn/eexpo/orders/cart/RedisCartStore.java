package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Carts in Redis, one hash per cart, one field per line: {@code SKU} → {@code quantity|added} (when the line was first
 * added, epoch µs, Redis time), through one shared Lettuce connection on which Lettuce pipelines the commands of
 * concurrent callers. Every write is one Lua script (EVALSHA, loaded again after a Redis restart) that applies the
 * limits and refreshes the TTL in the same atomic step; the cart it returns is read by a plain HGETALL sent right
 * behind the script, in the same round trip. Knows nothing of products: the caller passes the stock to check against.
 *
 * <p>The connection is opened on first use, not at start-up, so the application starts while Redis is down; while it
 * cannot be reached every call fails fast with {@link CartUnavailableException} (Lettuce reconnects by itself and
 * rejects commands while disconnected rather than queueing them).
 */
public final class RedisCartStore implements AutoCloseable {

    /** After a failed connection attempt, callers fail at once for this long instead of each trying again. */
    private static final long RETRY_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

    private static final Comparator<CartLine> LINE_ORDER = Comparator.comparing(CartLine::added)
            .thenComparing(line -> line.sku().value());

    private static final Script WRITE_LINE = Script.load("write-line.lua");
    private static final Script MERGE = Script.load("merge.lua");
    private static final byte[] ADD = "add".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SET = "set".getBytes(StandardCharsets.US_ASCII);

    private final RedisClient client;
    private final CartProperties properties;
    private final long ttlSeconds;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile long failedAt;
    private volatile @Nullable RedisException lastFailure;

    /**
     * @param client configured with its URI and socket options; the store sets its reconnect, disconnected and timeout
     *     behaviour, owns it and shuts it down on {@link #close()}
     * @param commandTimeout how long to wait for an answer before the cart counts as unavailable (Lettuce cancels the
     *     command then)
     */
    public RedisCartStore(RedisClient client, CartProperties properties, Duration commandTimeout) {
        client.setOptions(client.getOptions()
                .mutate()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        this.client = client;
        this.properties = properties;
        this.ttlSeconds = properties.ttl().toSeconds();
    }

    /**
     * Client resources for the store's client: those given (event loops and timers stay shared with their owner) with
     * Netty's flush consolidation on each connection. Commands from many threads then reach the socket in one write
     * per burst instead of one system call each: about a quarter less client CPU per cart operation in the benchmark.
     * The result shares the given resources' executors: shutting it down would shut theirs down, so it goes with them.
     */
    public static ClientResources withFlushConsolidation(ClientResources shared) {
        NettyCustomizer existing = shared.nettyCustomizer();
        return shared.mutate()
                .nettyCustomizer(new NettyCustomizer() {
                    @Override
                    public void afterBootstrapInitialized(Bootstrap bootstrap) {
                        existing.afterBootstrapInitialized(bootstrap);
                    }

                    @Override
                    public void afterChannelInitialized(Channel channel) {
                        existing.afterChannelInitialized(channel);
                        channel.pipeline().addFirst(new FlushConsolidationHandler(64, true));
                    }
                })
                .build();
    }

    enum Mode {
        ADD,
        SET
    }

    Cart get(CartOwner owner) {
        return cart(owner, await(read(redis(), properties.key(owner))), List.of());
    }

    /**
     * Adds to or sets one line; a quantity of 0 with {@link Mode#SET} removes it.
     *
     * @param available units the line may hold at most, or -1 not to check (removing)
     */
    Cart write(CartOwner owner, Sku sku, Mode mode, int quantity, int available) {
        String key = properties.key(owner);
        RedisAsyncCommands<String, String> redis = redis();
        // The read goes out right behind the script, on the same connection, without waiting for it: one round trip.
        // It sees the write (and any other that lands in between: the cart as it is a moment later).
        RedisFuture<WriteAnswer> script = redis.dispatch(
                CommandType.EVALSHA,
                new WriteAnswer(),
                writeArgs(WRITE_LINE.sha1, key, sku, mode, quantity, available));
        RedisFuture<List<CartLine>> read = read(redis, key);
        WriteAnswer answer;
        try {
            answer = await(script);
        } catch (RedisNoScriptException e) {
            answer = await(redis.dispatch(
                    CommandType.EVAL,
                    new WriteAnswer(),
                    writeArgs(WRITE_LINE.text, key, sku, mode, quantity, available)));
            read = read(redis, key);
        }
        return switch (answer.status) {
            case 'O' -> cart(owner, await(read), List.of());
            case 'C' -> cart(owner, await(read), List.of(new CartNote(CartNote.Kind.CAPPED, sku, answer.quantity)));
            case 'S' -> throw new InsufficientStockException(sku, answer.quantity, available);
            case 'F' -> throw new CartFullException();
            default -> throw new IllegalStateException("unexpected answer of the cart script: " + answer.status);
        };
    }

    /**
     * The arguments of write-line.lua after the script (its SHA-1 or its text); the fixed ones are encoded once, the
     * numbers written as digits without a string each.
     */
    private CommandArgs<String, String> writeArgs(
            String script, String key, Sku sku, Mode mode, int quantity, int available) {
        return new CommandArgs<>(StringCodec.UTF8)
                .add(script)
                .add(1)
                .addKey(key)
                .add(mode == Mode.ADD ? ADD : SET)
                .add(sku.value())
                .add(quantity)
                .add(available)
                .add(Carts.MAX_QUANTITY)
                .add(Carts.MAX_LINES)
                .add(ttlSeconds);
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
        String[] keys = {properties.key(anonymous), properties.key(account)};
        RedisAsyncCommands<String, String> redis = redis();
        RedisFuture<List<Object>> script = redis.evalsha(MERGE.sha1, ScriptOutputType.MULTI, keys, args);
        RedisFuture<List<CartLine>> read = read(redis, keys[1]);
        List<Object> answer;
        try {
            answer = await(script);
        } catch (RedisNoScriptException e) {
            answer = await(redis.eval(MERGE.text, ScriptOutputType.MULTI, keys, args));
            read = read(redis, keys[1]);
        }
        int count = Integer.parseInt((String) answer.get(0));
        List<CartNote> notes = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int at = 1 + 3 * n;
            notes.add(new CartNote(
                    CartNote.Kind.valueOf((String) answer.get(at)),
                    new Sku((String) answer.get(at + 1)),
                    Integer.parseInt((String) answer.get(at + 2))));
        }
        return cart(account, await(read), notes);
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
            // Untimed: Lettuce's command timeout completes the future (an untimed park of a virtual thread also costs
            // less than a timed one, which schedules and cancels a timer each time).
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisCommandExecutionException executionError) {
                throw executionError;
            }
            throw new CartUnavailableException(cause == null ? e : cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CartUnavailableException(e);
        } catch (RedisException e) {
            throw new CartUnavailableException(e);
        }
    }

    /**
     * HGETALL of a cart, read into lines as the answer arrives (see {@link CartLinesOutput}); pipelined: it does not
     * wait for commands sent before it.
     */
    private static RedisFuture<List<CartLine>> read(RedisAsyncCommands<String, String> redis, String key) {
        return redis.dispatch(
                CommandType.HGETALL, new CartLinesOutput(), new CommandArgs<>(StringCodec.UTF8).addKey(key));
    }

    private static Cart cart(CartOwner owner, List<CartLine> lines, List<CartNote> notes) {
        lines.sort(LINE_ORDER);
        return new Cart(owner, lines, notes);
    }

    /**
     * The write script's answer {@code {status, quantity}} read without a string or list: the status by its first
     * letter (OK, CAPPED, STOCK, FULL), the quantity as digits.
     */
    private static final class WriteAnswer extends CommandOutput<String, String, WriteAnswer> {

        private char status = '?';
        private int quantity;
        private int field;

        WriteAnswer() {
            super(StringCodec.UTF8, null);
            output = this;
        }

        @Override
        public void set(@Nullable ByteBuffer bytes) {
            if (bytes == null || !bytes.hasRemaining()) {
                field++;
                return;
            }
            if (field++ == 0) {
                status = (char) bytes.get(bytes.position());
                return;
            }
            int number = 0;
            for (int at = bytes.position(); at < bytes.limit(); at++) {
                number = number * 10 + (bytes.get(at) - '0');
            }
            quantity = number;
        }
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
