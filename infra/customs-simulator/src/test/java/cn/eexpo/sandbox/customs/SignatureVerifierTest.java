package cn.eexpo.sandbox.customs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.clearance.signing.XmlSigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The simulator's own signature check on documents whose canonical form differs from how they are written: escaped
 * characters in text and attributes, attributes out of order, a default namespace, an unused prefix, whitespace
 * between elements. Signed by the bridge's signers, checked by the simulator's independent verifier.
 */
class SignatureVerifierTest {

    private static final String PREFIXED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="G-1" version="1.0" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <ceb:Order>
                <ceb:goodsName>维生素C &amp; 锌 &lt;儿童&gt; 60片</ceb:goodsName>
                <ceb:note b="2" a="x&quot;y&#9;z">tab\there, quote " and apostrophe '</ceb:note>
              </ceb:Order>
            </ceb:CEB311Message>
            """;

    private static final String DEFAULT_NAMESPACE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CEB621Message xmlns="http://www.chinaport.gov.cn/ceb" guid="G-2" version="1.0">
              <Inventory><goodsName>爱他美 &amp; 奶粉</goodsName><empty/></Inventory>
            </CEB621Message>
            """;

    private final SignatureVerifier verifier = new SignatureVerifier(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"SM2", "RSA"})
    void documentsSignedByTheBridgeVerify(String algorithm) throws Exception {
        XmlSigner signer = algorithm.equals("SM2") ? Fixtures.sm2() : Fixtures.rsa();
        for (String xml : List.of(PREFIXED, DEFAULT_NAMESPACE)) {
            byte[] signed = signed(xml, signer);
            assertThat(verifier.problem(signed)).as(xml).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SM2", "RSA"})
    void aChangedCharacterFailsTheCheck(String algorithm) throws Exception {
        XmlSigner signer = algorithm.equals("SM2") ? Fixtures.sm2() : Fixtures.rsa();
        byte[] tampered = new String(signed(PREFIXED, signer), StandardCharsets.UTF_8)
                .replace("60片", "90片")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.problem(tampered))
                .isEqualTo(
                        algorithm.equals("SM2")
                                ? "SM3 digest does not match"
                                : "RSA-SHA1 signature or digest does not match");
    }

    @Test
    void checkingLeavesTheDocumentAsItWas() throws Exception {
        Document document = parse(signed(DEFAULT_NAMESPACE, Fixtures.sm2()));
        byte[] before = write(document);
        assertThat(verifier.problem(document)).isNull();
        assertThat(write(document)).isEqualTo(before);
    }

    private static byte[] signed(String xml, XmlSigner signer) throws Exception {
        Document document = parse(xml.getBytes(StandardCharsets.UTF_8));
        signer.sign(document);
        return write(document);
    }

    private static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] write(Document document) throws Exception {
        var out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance()
                .newTransformer()
                .transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
