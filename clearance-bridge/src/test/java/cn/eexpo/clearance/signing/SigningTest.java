package cn.eexpo.clearance.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.clearance.Samples;
import cn.eexpo.clearance.Xmllint;
import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.CebXml;
import cn.eexpo.clearance.xml.Canonicalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signed messages validate against the XSD (JDK and xmllint) and verify with an independent verifier; a changed
 * byte breaks them; the C14N used for SM2 agrees with the JDK's.
 */
class SigningTest {

    static SigningKey rsa;
    static SigningKey sm2;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing.p12");
        DevKeystore.write(file, "test-password".toCharArray());
        rsa = SigningKeys.load(file, "test-password".toCharArray(), DevKeystore.RSA_ALIAS, null, null);
        sm2 = SigningKeys.load(file, "test-password".toCharArray(), DevKeystore.SM2_ALIAS, null, "0001");
    }

    static byte[] signed(String sample, SigningKey key) {
        Document document = CebXml.toDocument(CebXml.read(Samples.load(sample)));
        XmlSigner.of(key).sign(document);
        return Canonicalizer.serialize(document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEB311", "CEB621", "CEB623", "CEB625"})
    void rsaSignedMessagesValidateAndVerifyWithTheJdk(String type) throws Exception {
        byte[] xml = signed(type, rsa);

        assertThat(CebSchema.ceb().validate(xml)).isEmpty();
        Xmllint.assertValid(xml, "ceb-import-202205.xsd");
        var result = IndependentVerifier.verifyRsa(xml);
        assertThat(result.valid()).isTrue();
        assertThat(result.signatureMethod()).isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        assertThat(result.certificate()).isEqualTo(rsa.certificate());
        assertThat(result.keyName()).isEqualTo(SigningKey.serialName(rsa.certificate()));

        assertThat(IndependentVerifier.verifyRsa(tamper(xml)).valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEB311", "CEB621", "CEB623", "CEB625"})
    void sm2SignedMessagesValidateAndVerifyWithBouncyCastle(String type) throws Exception {
        byte[] xml = signed(type, sm2);

        assertThat(CebSchema.ceb().validate(xml)).isEmpty();
        Xmllint.assertValid(xml, "ceb-import-202205.xsd");
        var result = IndependentVerifier.verifySm2(xml);
        assertThat(result.valid()).isTrue();
        assertThat(result.certificate()).isEqualTo(sm2.certificate());
        assertThat(result.keyName()).isEqualTo("0001");

        assertThat(IndependentVerifier.verifySm2(tamper(xml)).valid()).isFalse();
    }

    @Test
    void signatureIsTheRootsLastElementAfterBaseTransferAsTheXsdRequires() {
        String xml = new String(signed("CEB621", sm2), StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("\t</ceb:BaseTransfer>\n\t<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">");
        assertThat(xml).endsWith("</ds:Signature>\n</ceb:CEB621Message>");
        assertThat(xml).contains("<ds:KeyName>0001</ds:KeyName>");
    }

    /**
     * Our C14N is what both signers digest and sign; the JDK verifies RSA signatures with its own C14N (above), so the
     * two must agree: recomputed here on a signed message, and compared with the JDK's on whole documents.
     */
    @Test
    void ownC14nAgreesWithTheJdkOnTheDocumentAndOnSignedInfo() throws Exception {
        byte[] xml = signed("CEB311", rsa);
        Document document = IndependentVerifier.parse(xml);
        Element signature = IndependentVerifier.signatureOf(document);
        Element signedInfo = IndependentVerifier.child(signature, "SignedInfo");
        String digestValue = IndependentVerifier.child(
                        IndependentVerifier.child(signedInfo, "Reference"), "DigestValue")
                .getTextContent();

        byte[] ours = Canonicalizer.canonicalize(document, signature);
        assertThat(Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-1").digest(ours)))
                .isEqualTo(digestValue.strip());

        Signature verify = Signature.getInstance("SHA1withRSA");
        verify.initVerify(rsa.certificate().getPublicKey());
        verify.update(Canonicalizer.canonicalizeSubtree(signedInfo));
        byte[] value = Base64.getMimeDecoder()
                .decode(IndependentVerifier.child(signature, "SignatureValue").getTextContent());
        assertThat(verify.verify(value)).isTrue();

        // And on whole documents, receipts with a default namespace included.
        for (String sample : new String[] {"CEB311", "CEB622", "CEB712", "CEB625"}) {
            byte[] raw = Samples.load(sample);
            assertThat(new String(
                            Canonicalizer.canonicalize(IndependentVerifier.parse(raw), null), StandardCharsets.UTF_8))
                    .isEqualTo(new String(IndependentVerifier.jdkC14n(raw), StandardCharsets.UTF_8));
        }
    }

    @Test
    void keystoreAlgorithmMustFitTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.p12");
        DevKeystore.write(file, "pw".toCharArray());
        assertThat(SigningKeys.load(file, "pw".toCharArray(), DevKeystore.SM2_ALIAS, null, null)
                        .algorithm())
                .isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThatThrownBy(() -> SigningKeys.load(
                        file, "pw".toCharArray(), DevKeystore.RSA_ALIAS, SignatureAlgorithm.SM2_SM3, null))
                .hasMessageContaining("is a RSA_SHA1 key, but SM2_SM3 was configured");
        assertThatThrownBy(() -> SigningKeys.load(file, "pw".toCharArray(), "nope", null, null))
                .hasMessageContaining("has no key named 'nope'");
        assertThatThrownBy(() -> SigningKeys.load(file, "wrong".toCharArray(), DevKeystore.RSA_ALIAS, null, null))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> SigningKeys.load(dir.resolve("missing.p12"), "pw".toCharArray(), "x", null, null))
                .hasMessageContaining("infra/eexpo dev-keystore");
    }

    /** Changes one business value (the first order number's last character). */
    static byte[] tamper(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        int at = s.indexOf("</ceb:orderNo>") - 1;
        char replacement = s.charAt(at) == '1' ? '2' : '1';
        return (s.substring(0, at) + replacement + s.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
    }
}
