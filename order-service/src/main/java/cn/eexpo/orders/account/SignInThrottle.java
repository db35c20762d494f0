package cn.eexpo.orders.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in Redis, so that every instance of the application sees the same counts: per e-mail address
 * and per client IP address, each in a window that starts with its first failure ({@link SignInThrottleProperties}).
 * Once a count reaches its limit, sign-ins for that address (or from that client) are refused unchecked until the
 * window ends; a successful sign-in clears the e-mail address's count. Every sign-in goes through it (the UI's form and
 * the API's HTTP Basic alike), by way of the authentication provider of {@link AccountConfiguration}.
 *
 * <p>E-mail addresses are kept in Redis only as SHA-256 hashes and logged only masked; passwords never reach this
 * class. When Redis cannot be reached, sign-in goes on unthrottled (with a warning): losing Redis must not lock every
 * buyer out.
 */
@Component
@EnableConfigurationProperties(SignInThrottleProperties.class)
public class SignInThrottle {

    static final String PREFIX = "eexpo:sign-in:";

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Counts one failure for each key given, starting the key's window with its first failure. */
    private static final RedisScript<List> FAILED = RedisScript.of("""
            local counts = {}
            for i, key in ipairs(KEYS) do
              counts[i] = redis.call('INCR', key)
              if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
            end
            return counts
            """, List.class);

    /** Milliseconds until the first key given that has reached its limit (ARGV, in order) is free again, or 0. */
    private static final RedisScript<Long> LOCKED_FOR = RedisScript.of("""
            local wait = 0
            for i, key in ipairs(KEYS) do
              local count = tonumber(redis.call('GET', key) or '0')
              if count >= tonumber(ARGV[i]) then
                wait = math.max(wait, redis.call('PTTL', key))
              end
            end
            return wait
            """, Long.class);

    private final StringRedisTemplate redis;
    private final SignInThrottleProperties limits;

    SignInThrottle(StringRedisTemplate redis, SignInThrottleProperties limits) {
        this.redis = redis;
        this.limits = limits;
    }

    /**
     * How long sign-ins for this e-mail address, or from this client address, are still refused; empty when an attempt
     * may be checked.
     */
    public Optional<Duration> lockedFor(String email, @Nullable String clientAddress) {
        List<String> keys = new ArrayList<>(2);
        List<String> maxima = new ArrayList<>(2);
        keys.add(emailKey(email));
        maxima.add(Integer.toString(limits.maxFailuresPerEmail()));
        if (clientAddress != null) {
            keys.add(addressKey(clientAddress));
            maxima.add(Integer.toString(limits.maxFailuresPerAddress()));
        }
        try {
            Long wait = redis.execute(LOCKED_FOR, keys, maxima.toArray());
            if (wait == null || wait <= 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.max(wait, 1000)));
        } catch (DataAccessException e) {
            log.warn("Sign-in throttling unavailable (Redis): {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Counts a sign-in that gave a wrong password or an unknown address. */
    public void failed(String email, @Nullable String clientAddress) {
        List<String> keys =
                clientAddress == null ? List.of(emailKey(email)) : List.of(emailKey(email), addressKey(clientAddress));
        try {
            List<?> counts =
                    redis.execute(FAILED, keys, Long.toString(limits.window().toMillis()));
            long emailCount = counts == null || counts.isEmpty() ? 0 : ((Number) counts.getFirst()).longValue();
            if (emailCount == limits.maxFailuresPerEmail()) {
                log.warn(
                        "Sign-in for {} locked for {} after {} failed attempts",
                        mask(email),
                        limits.window(),
                        emailCount);
            }
            if (counts != null
                    && counts.size() > 1
                    && ((Number) counts.get(1)).longValue() == limits.maxFailuresPerAddress()) {
                log.warn(
                        "Sign-in from {} locked for {} after {} failed attempts",
                        clientAddress,
                        limits.window(),
                        limits.maxFailuresPerAddress());
            }
        } catch (DataAccessException e) {
            log.warn("Sign-in throttling unavailable (Redis): {}", e.getMessage());
        }
    }

    /** A successful sign-in: the e-mail address's failures are forgotten (the client address's are not). */
    public void succeeded(String email) {
        try {
            redis.delete(emailKey(email));
        } catch (DataAccessException e) {
            log.warn("Sign-in throttling unavailable (Redis): {}", e.getMessage());
        }
    }

    /** {@code m***@example.com}: how an e-mail address may appear in a log. */
    public static String mask(String email) {
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    static String emailKey(String email) {
        return PREFIX + "email:" + sha256(email.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String clientAddress) {
        return PREFIX + "client:" + clientAddress;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
