/**
 * Enveloped XML-DSig signatures as the customs spec (§6) prescribes: inclusive C14N, the enveloped-signature
 * transform, {@code KeyInfo} with {@code KeyName} and the X.509 certificate, appended as the root's last element
 * (after BaseTransfer, BaseSubscribe and ExtendMessage, where the XSD puts {@code ds:Signature}). RSA-SHA1 goes
 * through the JDK's {@code javax.xml.crypto.dsig}; SM2-SM3 (the preferred 国密 method) through BouncyCastle. Keys
 * come from a PKCS#12 keystore ({@link cn.eexpo.clearance.signing.SigningKeys}); {@link
 * cn.eexpo.clearance.signing.DevKeystore} writes a development one.
 */
@NullMarked
package cn.eexpo.clearance.signing;

import org.jspecify.annotations.NullMarked;
