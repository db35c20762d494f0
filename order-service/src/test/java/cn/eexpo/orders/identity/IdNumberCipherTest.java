package cn.eexpo.orders.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;

/** Sealing (AES-256-GCM), hashing (HMAC-SHA256) and the start-up checks of their keys. */
class IdNumberCipherTest {

    static final String KEY_A = key(1);
    static final String KEY_B = key(2);
    static final String HASH_KEY = key(3);
    static final IdNumber ID = IdNumber.parse("41010519900307123X", LocalDate.of(2026, 11, 28));

    @Test
    void sealsWithAFreshNonceEveryTimeAndOpensAgain() {
        IdNumberCipher cipher = cipher(KEY_A, HASH_KEY);

        String first = cipher.seal(ID);
        String second = cipher.seal(ID);

        assertThat(first).isNotEqualTo(second).startsWith("gcm1:").doesNotContain("41010519900307123X");
        assertThat(first.split(":")).hasSize(3);
        assertThat(first.split(":")[1]).isEqualTo(second.split(":")[1]).hasSize(8);
        byte[] body = Base64.getDecoder().decode(first.split(":")[2]);
        assertThat(body).hasSize(12 + 18 + 16); // nonce, ciphertext, tag
        assertThat(cipher.unseal(first)).isEqualTo("41010519900307123X");
        assertThat(cipher.unseal(second)).isEqualTo("41010519900307123X");
    }

    @Test
    void refusesATamperedValueOrAnUnknownKey() {
        IdNumberCipher cipher = cipher(KEY_A, HASH_KEY);
        String sealed = cipher.seal(ID);
        String[] parts = sealed.split(":");
        byte[] body = Base64.getDecoder().decode(parts[2]);
        body[20] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(body);

        assertThatThrownBy(() -> cipher.unseal(tampered)).hasMessageContaining("could not be opened");
        assertThatThrownBy(() -> cipher(KEY_B, HASH_KEY).unseal(sealed))
                .hasMessageContaining("neither the current encryption key nor a retired one");
        assertThatThrownBy(() -> cipher.unseal("41010519900307123X"))
                .hasMessage("not a sealed ID number")
                .hasMessageNotContaining("4101");
    }

    @Test
    void aRetiredKeyStillOpensWhatItSealed() {
        String sealedUnderA = cipher(KEY_A, HASH_KEY).seal(ID);
        IdNumberCipher rotated =
                new IdNumberCipher(new IdentityProperties(KEY_B, HASH_KEY, List.of(KEY_A)), new StandardEnvironment());

        assertThat(rotated.unseal(sealedUnderA)).isEqualTo("41010519900307123X");
        assertThat(rotated.seal(ID).split(":")[1]).isNotEqualTo(sealedUnderA.split(":")[1]);
    }

    @Test
    void hashesAreStablePerKeyAndRevealNothing() {
        String hash = cipher(KEY_A, HASH_KEY).hash(ID);

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(cipher(KEY_B, HASH_KEY).hash(ID)).isEqualTo(hash);
        assertThat(cipher(KEY_A, HASH_KEY).hash(IdNumber.parse("41010519900307123x", LocalDate.of(2026, 11, 28))))
                .isEqualTo(hash);
        assertThat(cipher(KEY_A, key(4)).hash(ID)).isNotEqualTo(hash);
    }

    @Test
    void refusesMissingOrMalformedKeysWithTheVariableToSet() {
        assertThatThrownBy(() -> cipher(null, HASH_KEY))
                .isInstanceOf(IdentityKeyException.class)
                .hasMessageContaining("eexpo.identity.encryption-key is not set")
                .satisfies(
                        e -> assertThat(((IdentityKeyException) e).action()).contains("EEXPO_IDENTITY_ENCRYPTION_KEY"));
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16]), HASH_KEY))
                .hasMessageContaining("decodes to 16 bytes; AES-256 needs exactly 32");
        assertThatThrownBy(() -> cipher("not base64!", HASH_KEY)).hasMessageContaining("is not valid base64");
        assertThatThrownBy(() -> cipher(KEY_A, " "))
                .isInstanceOfSatisfying(
                        IdentityKeyException.class, e -> assertThat(e.action()).contains("EEXPO_IDENTITY_HASH_KEY"));
        assertThatThrownBy(() -> cipher(KEY_A, Base64.getEncoder().encodeToString(new byte[20])))
                .hasMessageContaining("decodes to 20 bytes");
    }

    @Test
    void anApplicationWithoutKeysFailsToStartWithAClearReport() {
        new ApplicationContextRunner()
                .withUserConfiguration(CipherOnly.class)
                .withPropertyValues("eexpo.identity.hash-key=" + HASH_KEY)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    FailureAnalysis analysis = new IdentityKeyFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("eexpo.identity.encryption-key is not set");
                    assertThat(analysis.getAction())
                            .contains("EEXPO_IDENTITY_ENCRYPTION_KEY", "openssl rand -base64 32");
                });
        new ApplicationContextRunner()
                .withUserConfiguration(CipherOnly.class)
                .withPropertyValues("eexpo.identity.encryption-key=" + KEY_A, "eexpo.identity.hash-key=" + HASH_KEY)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(IdNumberCipher.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdentityProperties.class)
    @Import(IdNumberCipher.class)
    static class CipherOnly {}

    static IdNumberCipher cipher(@Nullable String encryptionKey, @Nullable String hashKey) {
        return new IdNumberCipher(new IdentityProperties(encryptionKey, hashKey, List.of()), new StandardEnvironment());
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
