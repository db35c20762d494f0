package cn.eexpo.clearance.dxp;

import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.MalformedMessageException;
import cn.eexpo.clearance.ceb.SchemaProblem;
import cn.eexpo.clearance.xml.Canonicalizer;
import cn.eexpo.clearance.xml.SecureXml;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Writes and reads {@code dxp:DxpMsg} envelopes (namespace {@value #NAMESPACE}, {@code ver="1.0"}). */
public final class DxpEnvelope {

    public static final String NAMESPACE = "http://www.chinaport.gov.cn/dxp";

    /** The customs import receiver's DXP id as used in practice (not in the spec's text; see the reference §7). */
    public static final String CUSTOMS_IMPORT = "DXPEDCCEB0000002";

    static final DateTimeFormatter CREAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private DxpEnvelope() {}

    /**
     * The envelope as XML, validated against dxp-terminal-202205.xsd.
     *
     * @throws InvalidEnvelopeException when it does not validate (e.g. a sender id over 16 characters)
     */
    public static byte[] write(DxpMessage message) {
        Document document = SecureXml.newDocument();
        Element root = document.createElementNS(NAMESPACE, "dxp:DxpMsg");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:dxp", NAMESPACE);
        root.setAttribute("ver", "1.0");
        document.appendChild(root);
        Element info = append(root, "TransInfo", null);
        append(info, "CopMsgId", message.copMsgId());
        append(info, "SenderId", message.senderId());
        Element receivers = append(info, "ReceiverIds", null);
        for (String receiver : message.receiverIds()) append(receivers, "ReceiverId", receiver);
        append(info, "CreatTime", message.createdAt().withNano(0).format(CREAT_TIME));
        append(info, "MsgType", message.msgType());
        append(root, "Data", Base64.getEncoder().encodeToString(message.data()));
        if (message.fileName() != null) append(append(root, "AddInfo", null), "FileName", message.fileName());
        byte[] xml = Canonicalizer.serialize(document);
        List<SchemaProblem> problems = CebSchema.dxp().validate(xml);
        if (!problems.isEmpty()) throw new InvalidEnvelopeException(problems);
        return xml;
    }

    /**
     * Reads an envelope and decodes its Data.
     *
     * @throws MalformedMessageException when it is not a DxpMsg or lacks a required part
     */
    public static DxpMessage read(byte[] xml) {
        return read(SecureXml.parse(xml));
    }

    /** As {@link #read(byte[])}, from a document already parsed (safely). */
    public static DxpMessage read(Document document) {
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"DxpMsg".equals(root.getLocalName())) {
            throw new MalformedMessageException("not a DXP message: root element " + root.getTagName());
        }
        Element info = required(root, "TransInfo");
        List<String> receivers = new ArrayList<>();
        for (Element r : children(required(info, "ReceiverIds"), "ReceiverId"))
            receivers.add(r.getTextContent().strip());
        String time = required(info, "CreatTime").getTextContent().strip();
        LocalDateTime createdAt;
        try {
            createdAt = LocalDateTime.parse(time.length() > 19 ? time.substring(0, 19) : time, CREAT_TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("DxpMsg CreatTime is not yyyy-MM-ddTHH:mm:ss: " + time);
        }
        byte[] data;
        try {
            data = Base64.getMimeDecoder()
                    .decode(required(root, "Data").getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("DxpMsg Data is not base64: " + e.getMessage());
        }
        List<Element> addInfo = children(root, "AddInfo");
        String fileName = null;
        if (!addInfo.isEmpty()) {
            List<Element> names = children(addInfo.getFirst(), "FileName");
            if (!names.isEmpty()) fileName = names.getFirst().getTextContent();
        }
        return new DxpMessage(
                required(info, "CopMsgId").getTextContent(),
                required(info, "SenderId").getTextContent(),
                receivers,
                createdAt,
                required(info, "MsgType").getTextContent(),
                data,
                fileName);
    }

    private static Element append(Element parent, String name, @Nullable String text) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, "dxp:" + name);
        if (text != null) child.setTextContent(text);
        parent.appendChild(child);
        return child;
    }

    private static Element required(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) throw new MalformedMessageException("DxpMsg has no " + parent.getLocalName() + "/" + name);
        return found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** An envelope that does not validate against the DXP schema. */
    public static class InvalidEnvelopeException extends RuntimeException {
        private final List<SchemaProblem> problems;

        public InvalidEnvelopeException(List<SchemaProblem> problems) {
            super("the DXP envelope does not validate: "
                    + String.join(
                            "; ", problems.stream().map(SchemaProblem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<SchemaProblem> problems() {
            return problems;
        }
    }
}
