package cn.eexpo.clearance.ceb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The official 202205 schemas, loaded once from the classpath, validating serialised messages: {@link #ceb()} for
 * CEB import messages (with the XML-DSig schema it imports), {@link #dxp()} for the DXP terminal envelope.
 *
 * <p>Validation is of the bytes that are sent, parsed with DTDs refused, and yields every violation with its line,
 * column and element path. Thread-safe: parsers and validators are pooled, one per concurrent caller.
 */
public final class CebSchema {

    private static final String BASE = "/cn/eexpo/clearance/xsd/";
    private static final Set<String> SENSITIVE = Set.of("buyerIdNumber", "payerIdNumber");
    private static final Set<String> REPEATED = Set.of(
            "Order",
            "OrderList",
            "Inventory",
            "InventoryList",
            "InvtCancel",
            "InvtRefund",
            "InvtRefundList",
            "ReceiverId",
            "BaseSubscribe");

    private final String name;
    private final Schema schema;
    private final SAXParserFactory parsers;
    private final ConcurrentLinkedQueue<Checker> pool = new ConcurrentLinkedQueue<>();

    private CebSchema(String file) {
        this.name = file;
        this.schema = load(file);
        this.parsers = SAXParserFactory.newInstance();
        parsers.setNamespaceAware(true);
        parsers.setValidating(false);
        parsers.setXIncludeAware(false);
        try {
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the SAX parser cannot be hardened", e);
        }
    }

    private static final class Holder {
        static final CebSchema CEB = new CebSchema("ceb-import-202205.xsd");
        static final CebSchema DXP = new CebSchema("dxp-terminal-202205.xsd");
    }

    /** 海关跨境电子商务进口统一版 (ceb-import-202205.xsd) with xmldsig-core-schema.xsd. */
    public static CebSchema ceb() {
        return Holder.CEB;
    }

    /** The DXP terminal node envelope (dxp-terminal-202205.xsd). */
    public static CebSchema dxp() {
        return Holder.DXP;
    }

    /** Every violation of this schema in {@code xml}; empty when it validates. */
    public List<SchemaProblem> validate(byte[] xml) {
        Checker checker = pool.poll();
        if (checker == null) checker = new Checker();
        List<SchemaProblem> problems = checker.check(xml);
        // A parse that stopped half-way may leave the validator mid-document: such a checker is not reused.
        if (!checker.aborted) pool.offer(checker);
        return problems;
    }

    @Override
    public String toString() {
        return "CebSchema[" + name + "]";
    }

    private static Schema load(String file) {
        URL url = CebSchema.class.getResource(BASE + file);
        if (url == null) throw new IllegalStateException("schema " + file + " is not on the classpath");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(CLASSPATH);
            try (InputStream in = url.openStream()) {
                return factory.newSchema(new StreamSource(in, url.toExternalForm()));
            }
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + file + " does not load: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports and includes come from the classpath copies only, never from the network. */
    private static final LSResourceResolver CLASSPATH = (type, namespace, publicId, systemId, baseUri) -> {
        if (systemId == null) return null;
        String file = systemId.substring(systemId.lastIndexOf('/') + 1);
        InputStream in = CebSchema.class.getResourceAsStream(BASE + file);
        if (in == null) throw new IllegalStateException("schema " + systemId + " is not among the bundled schemas");
        return new ClasspathInput(in, systemId, publicId, baseUri);
    };

    /** A parser, a validator and the handler that tracks where the validator is; used by one caller at a time. */
    private final class Checker extends DefaultHandler implements ErrorHandler {
        private final SAXParser parser;
        private final ValidatorHandler validator;
        private final List<SchemaProblem> problems = new ArrayList<>();
        private final Deque<Frame> path = new ArrayDeque<>();
        private final Set<String> sensitive = new LinkedHashSet<>();
        private @Nullable Locator locator;
        private @Nullable StringBuilder sensitiveText;
        boolean aborted;

        Checker() {
            try {
                parser = parsers.newSAXParser();
            } catch (ParserConfigurationException | SAXException e) {
                throw new IllegalStateException(e);
            }
            validator = schema.newValidatorHandler();
            try {
                validator.setProperty("http://apache.org/xml/properties/locale", Locale.ENGLISH);
            } catch (SAXException ignored) {
                // messages in the JVM's locale then
            }
            validator.setErrorHandler(this);
        }

        List<SchemaProblem> check(byte[] xml) {
            problems.clear();
            path.clear();
            sensitive.clear();
            sensitiveText = null;
            locator = null;
            try {
                parser.reset();
                XMLReader reader = parser.getXMLReader();
                reader.setContentHandler(this);
                reader.setErrorHandler(this);
                reader.parse(new InputSource(new ByteArrayInputStream(xml)));
            } catch (SAXParseException e) {
                // not well-formed: already recorded by fatalError
                aborted = true;
                if (problems.isEmpty()) add(e);
            } catch (SAXException e) {
                aborted = true;
                problems.add(new SchemaProblem(-1, -1, currentPath(), e.getMessage()));
            } catch (IOException | RuntimeException e) {
                aborted = true;
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            if (sensitive.isEmpty()) return List.copyOf(problems);
            return problems.stream()
                    .map(p -> new SchemaProblem(p.line(), p.column(), p.field(), mask(p.message())))
                    .toList();
        }

        private String mask(String message) {
            String masked = message;
            for (String value : sensitive) {
                if (!value.isEmpty()) masked = masked.replace(value, IdNumber.mask(value));
            }
            return masked;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            validator.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            validator.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            validator.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            validator.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            validator.endPrefixMapping(prefix);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            Frame parent = path.peek();
            int index = parent == null ? 1 : parent.child(localName);
            path.push(new Frame(localName, index));
            if (SENSITIVE.contains(localName)) sensitiveText = new StringBuilder();
            validator.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (sensitiveText != null) {
                sensitive.add(sensitiveText.toString());
                sensitive.add(sensitiveText.toString().strip());
                sensitiveText = null;
            }
            validator.endElement(uri, localName, qName);
            path.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (sensitiveText != null) sensitiveText.append(ch, start, length);
            validator.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            validator.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            validator.processingInstruction(target, data);
        }

        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) {
            add(exception);
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            add(exception);
            throw exception;
        }

        private void add(SAXParseException e) {
            int line = e.getLineNumber() > 0 || locator == null ? e.getLineNumber() : locator.getLineNumber();
            int column = e.getColumnNumber() > 0 || locator == null ? e.getColumnNumber() : locator.getColumnNumber();
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("DOCTYPE")) message = "a document type declaration (DOCTYPE) is not accepted";
            problems.add(new SchemaProblem(line, column, currentPath(), message));
        }

        private String currentPath() {
            if (path.isEmpty()) return "/";
            var sb = new StringBuilder();
            var frames = new ArrayList<>(path);
            for (int i = frames.size() - 1; i >= 0; i--) {
                Frame f = frames.get(i);
                sb.append('/').append(f.name);
                if (f.index > 1 || REPEATED.contains(f.name))
                    sb.append('[').append(f.index).append(']');
            }
            return sb.toString();
        }
    }

    private static final class Frame {
        final String name;
        final int index;
        /** How many children of each name came so far; made for the first child (most elements have none). */
        private @Nullable Map<String, Integer> children;

        Frame(String name, int index) {
            this.name = name;
            this.index = index;
        }

        /** Counts a child of this name; answers its position among its namesakes (1 for the first). */
        int child(String name) {
            if (children == null) children = new HashMap<>();
            return children.merge(name, 1, Integer::sum);
        }
    }

    private record ClasspathInput(
            InputStream in,
            String systemId,
            @Nullable String publicId,
            @Nullable String baseUri) implements LSInput {
        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {}

        @Override
        public InputStream getByteStream() {
            return in;
        }

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public String getBaseURI() {
            return baseUri;
        }

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }
}
