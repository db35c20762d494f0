package cn.eexpo.clearance.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Namespace-aware DOM parsing that refuses what customs never sends: a document type declaration (and with it every
 * entity, internal or external), XInclude and external schema or DTD access. XXE and entity-expansion ("billion
 * laughs") payloads are therefore refused before any entity is read.
 */
public final class SecureXml {

    private static final DocumentBuilderFactory FACTORY = newFactory();
    private static final DOMImplementation DOM = builder().getDOMImplementation();

    private SecureXml() {}

    /** A fresh, hardened factory; namespace-aware, no DTDs, no entities, no XInclude, no external access. */
    public static DocumentBuilderFactory newFactory() {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** A new, empty namespace-aware document to build a message in. */
    public static Document newDocument() {
        // Creating a DocumentBuilder costs more than building a message: documents come from the shared implementation.
        return DOM.createDocument(null, null, null);
    }

    /**
     * Parses {@code xml}. A byte-order mark is accepted (the official samples carry one).
     *
     * @throws XmlRefusedException when the document is not well-formed or declares a DTD
     */
    public static Document parse(byte[] xml) {
        DocumentBuilder builder = PARSERS.get();
        builder.reset();
        builder.setErrorHandler(RAISE);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String why = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            if (why.contains("DOCTYPE")) {
                why = "a document type declaration (DOCTYPE) is not accepted: customs messages never carry one,"
                        + " and entities are how XXE and entity-expansion attacks work";
            }
            throw new XmlRefusedException(
                    "refused XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + why, e);
        } catch (SAXException e) {
            throw new XmlRefusedException("refused XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new XmlRefusedException("unreadable XML: " + e.getMessage(), e);
        }
    }

    /**
     * A parser per thread, reset before each use: making a DocumentBuilder costs more than parsing a receipt, and the
     * factory behind it needs a lock.
     */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(SecureXml::builder);

    private static DocumentBuilder builder() {
        try {
            // DocumentBuilderFactory is not guaranteed thread-safe.
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ErrorHandler RAISE = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
