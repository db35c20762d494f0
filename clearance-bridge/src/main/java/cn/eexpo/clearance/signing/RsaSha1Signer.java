package cn.eexpo.clearance.signing;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** RSA-SHA1 through the JDK's XML-DSig implementation. */
final class RsaSha1Signer implements XmlSigner {

    /** The factory's instance methods are not thread-safe (its javadoc): one per thread. */
    private static final ThreadLocal<XMLSignatureFactory> FACTORY =
            ThreadLocal.withInitial(() -> XMLSignatureFactory.getInstance("DOM"));

    private final SigningKey key;

    RsaSha1Signer(SigningKey key) {
        if (key.algorithm() != SignatureAlgorithm.RSA_SHA1) throw new IllegalArgumentException("not an RSA-SHA1 key");
        this.key = key;
    }

    @Override
    public SigningKey key() {
        return key;
    }

    @Override
    public void sign(Document document) {
        XMLSignatureFactory factory = FACTORY.get();
        try {
            Reference reference = factory.newReference(
                    "",
                    factory.newDigestMethod(DigestMethod.SHA1, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)),
                    null,
                    null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA1, null),
                    List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(
                    List.of(keys.newKeyName(key.keyName()), keys.newX509Data(List.of(key.certificate()))));
            Element root = document.getDocumentElement();
            Node next = Placement.prepare(root);
            DOMSignContext context = next == null
                    ? new DOMSignContext(key.privateKey(), root)
                    : new DOMSignContext(key.privateKey(), root, next);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new SigningException("RSA-SHA1 signing failed: " + e.getMessage(), e);
        }
    }
}
