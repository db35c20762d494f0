package cn.eexpo.orders.cart;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where carts live in Redis ({@code eexpo.cart.*}). The connection itself comes from {@code spring.data.redis.*}.
 *
 * @param keyPrefix prefix of every cart key, so that tests and benchmarks sharing a Redis do not collide
 * @param ttl how long a cart lives after its last write
 */
@ConfigurationProperties("eexpo.cart")
public record CartProperties(
        @DefaultValue("eexpo:cart:") String keyPrefix,
        @DefaultValue("30d") Duration ttl) {

    public CartProperties {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("eexpo.cart.ttl must be at least one second");
        }
    }

    /** The Redis key of an owner's cart: {@code <prefix>anon:<token>} or {@code <prefix>account:<id>}. */
    String key(CartOwner owner) {
        return keyPrefix + (owner.isAnonymous() ? "anon:" : "account:") + owner.id();
    }
}
