package cn.eexpo.clearance.signing;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the signing key is ({@code eexpo.clearance.signing.*}).
 *
 * @param keystore the PKCS#12 file; default {@code ${eexpo.local-dir}/customs-signing.p12}, the development keystore
 *     {@code infra/eexpo dev-keystore} writes
 * @param password the keystore's and the key's password (default the development one; set
 *     {@code EEXPO_CLEARANCE_SIGNING_PASSWORD} in production)
 * @param alias the key's alias; default {@code customs-sm2} (SM2-SM3 is the spec's preferred method)
 * @param algorithm {@code RSA_SHA1} or {@code SM2_SM3}; unset to infer it from the key, set to insist on one
 * @param keyName the {@code ds:KeyName} and 179 {@code certNo}; unset for the certificate serial number in hex
 */
@ConfigurationProperties("eexpo.clearance.signing")
public record SigningProperties(
        @Nullable Path keystore,
        @DefaultValue(DevKeystore.DEFAULT_PASSWORD) String password,
        @DefaultValue(DevKeystore.SM2_ALIAS) String alias,
        @Nullable SignatureAlgorithm algorithm,
        @Nullable String keyName) {}
