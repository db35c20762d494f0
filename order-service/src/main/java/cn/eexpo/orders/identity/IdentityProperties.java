package cn.eexpo.orders.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that protect ID numbers at rest. Production sets them through the environment; a missing or malformed key
 * stops the application at start-up (see {@link IdNumberCipher}).
 *
 * @param encryptionKey base64 of 32 bytes (AES-256), {@code EEXPO_IDENTITY_ENCRYPTION_KEY}: seals new ID numbers
 * @param hashKey base64 of at least 32 bytes (HMAC-SHA256), {@code EEXPO_IDENTITY_HASH_KEY}: the quota looks buyers up
 *     by this hash, so it must never change
 * @param retiredEncryptionKeys earlier encryption keys, still able to open what they sealed after a rotation
 */
@ConfigurationProperties("eexpo.identity")
record IdentityProperties(
        @Nullable String encryptionKey,
        @Nullable String hashKey,
        @DefaultValue List<String> retiredEncryptionKeys) {}
