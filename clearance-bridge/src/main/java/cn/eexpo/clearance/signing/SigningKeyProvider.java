package cn.eexpo.clearance.signing;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The configured signing key, loaded on first use: the application starts without a keystore (tests of other
 * modules, a fresh checkout), and the first message to sign says what is missing.
 */
public final class SigningKeyProvider {

    private final Path keystore;
    private final SigningProperties properties;
    private volatile @Nullable XmlSigner signer;

    public SigningKeyProvider(Path keystore, SigningProperties properties) {
        this.keystore = keystore;
        this.properties = properties;
    }

    /**
     * @throws IllegalArgumentException when the keystore is missing or unusable, saying why
     */
    public SigningKey key() {
        return signer().key();
    }

    public XmlSigner signer() {
        XmlSigner current = signer;
        if (current == null) {
            synchronized (this) {
                current = signer;
                if (current == null) {
                    current = XmlSigner.of(SigningKeys.load(
                            keystore,
                            properties.password().toCharArray(),
                            properties.alias(),
                            properties.algorithm(),
                            properties.keyName()));
                    signer = current;
                }
            }
        }
        return current;
    }

    public Path keystore() {
        return keystore;
    }
}
