package cn.eexpo.orders.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Seals ID numbers with AES-256-GCM (a random 96-bit nonce per value) and hashes them with HMAC-SHA256 for look-ups.
 * A sealed value reads {@code gcm1:<key id>:<base64 of nonce, ciphertext and tag>}; the key id is a fingerprint of the
 * key, so after a rotation the retired key (kept in {@code eexpo.identity.retired-encryption-keys}) still opens what it
 * sealed. The hash key cannot rotate without re-hashing every stored identity and quota row.
 */
@Component
class IdNumberCipher {

    private static final String FORMAT = "gcm1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_HASH_KEY_BYTES = 32;
    /** Binds every ciphertext to its purpose: a sealed ID number cannot pass for another sealed field. */
    private static final byte[] ASSOCIATED_DATA = "eexpo/identity/id-number".getBytes(StandardCharsets.US_ASCII);

    private static final Logger log = LoggerFactory.getLogger(IdNumberCipher.class);

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecretKey hashKey;

    IdNumberCipher(IdentityProperties properties, ConfigurableEnvironment environment) {
        warnIfPackaged(environment, "eexpo.identity.encryption-key");
        warnIfPackaged(environment, "eexpo.identity.hash-key");
        SecretKey current =
                aesKey(properties.encryptionKey(), "eexpo.identity.encryption-key", "EEXPO_IDENTITY_ENCRYPTION_KEY");
        currentKeyId = keyId(current);
        keys.put(currentKeyId, current);
        for (String retired : properties.retiredEncryptionKeys()) {
            SecretKey key =
                    aesKey(retired, "eexpo.identity.retired-encryption-keys", "EEXPO_IDENTITY_RETIRED_ENCRYPTION_KEYS");
            keys.putIfAbsent(keyId(key), key);
        }
        byte[] hash = decode(properties.hashKey(), "eexpo.identity.hash-key", "EEXPO_IDENTITY_HASH_KEY");
        if (hash.length < MIN_HASH_KEY_BYTES) {
            throw new IdentityKeyException(
                    "eexpo.identity.hash-key decodes to " + hash.length + " bytes; the ID number hash needs at least "
                            + MIN_HASH_KEY_BYTES + ".",
                    "Set EEXPO_IDENTITY_HASH_KEY to the base64 of 32 random bytes (openssl rand -base64 32).");
        }
        hashKey = new SecretKeySpec(hash, "HmacSHA256");
    }

    String seal(IdNumber idNumber) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(idNumber.value().getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return FORMAT + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to seal an ID number", e);
        }
    }

    /** The plain ID number; a value sealed under an unknown key or tampered with is refused. */
    String unseal(String sealedValue) {
        String[] parts = sealedValue.split(":", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed ID number");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("the ID number was sealed with key " + parts[1]
                    + ", which is neither the current encryption key nor a retired one");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed ID number could not be opened (damaged or tampered with)");
        }
    }

    /** HMAC-SHA256 of the ID number, lowercase hex: equal numbers, equal hashes; no way back without the key. */
    String hash(IdNumber idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available to hash an ID number", e);
        }
    }

    private static SecretKey aesKey(@Nullable String base64, String property, String variable) {
        byte[] key = decode(base64, property, variable);
        if (key.length != 32) {
            throw new IdentityKeyException(
                    property + " decodes to " + key.length + " bytes; AES-256 needs exactly 32.",
                    "Set " + variable + " to the base64 of 32 random bytes (openssl rand -base64 32).");
        }
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] decode(@Nullable String base64, String property, String variable) {
        if (base64 == null || base64.isBlank()) {
            throw new IdentityKeyException(
                    property + " is not set: ID numbers cannot be encrypted or hashed without it.",
                    "Set the environment variable " + variable + " to the base64 of 32 random bytes (openssl rand"
                            + " -base64 32) and keep it: data sealed or hashed with a key is lost without it.");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IdentityKeyException(
                    property + " is not valid base64.",
                    "Set " + variable + " to the base64 of 32 random bytes (openssl rand -base64 32).");
        }
    }

    /**
     * Keys belong in the environment: one read from an {@code application.yml} inside the application (the storefront's
     * development keys) is public, so say so loudly. Production sets {@code EEXPO_IDENTITY_*}, which take precedence.
     */
    private static void warnIfPackaged(ConfigurableEnvironment environment, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty value = source.getConfigurationProperty(name);
            if (value != null) {
                Origin origin = value.getOrigin();
                if (origin != null && origin.toString().startsWith("class path resource")) {
                    log.warn(
                            "{} comes from {}: a development key, public to anyone with the code. Production sets it"
                                    + " through the environment (EEXPO_IDENTITY_ENCRYPTION_KEY, EEXPO_IDENTITY_HASH_KEY).",
                            property,
                            origin);
                }
                return;
            }
        }
    }

    /** A short public fingerprint of an encryption key, so that a sealed value names the key that opens it. */
    private static String keyId(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("eexpo/identity/key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key.getEncoded()), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
