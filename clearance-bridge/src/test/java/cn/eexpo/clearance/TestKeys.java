package cn.eexpo.clearance;

import cn.eexpo.clearance.signing.DevKeystore;
import cn.eexpo.clearance.signing.SigningKey;
import java.security.GeneralSecurityException;

/** Signing keys generated once per test JVM (RSA key generation takes a moment). */
public final class TestKeys {

    private static SigningKey rsa;
    private static SigningKey sm2;

    private TestKeys() {}

    public static synchronized SigningKey rsa() {
        if (rsa == null) rsa = generate(true);
        return rsa;
    }

    public static synchronized SigningKey sm2() {
        if (sm2 == null) sm2 = generate(false);
        return sm2;
    }

    private static SigningKey generate(boolean rsa) {
        try {
            return rsa ? DevKeystore.rsa() : DevKeystore.sm2();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
