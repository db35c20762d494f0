package cn.eexpo.clearance.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One BouncyCastle provider instance, passed explicitly: it is never installed JVM-wide. */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {}
}
