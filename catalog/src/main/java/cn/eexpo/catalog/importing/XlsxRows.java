package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming SAX event API (never the whole workbook in memory).
 * Cells are read without their number formats, so a number arrives exactly as stored ({@code 239.99},
 * {@code 5021302556526}) and is never rendered through a display format or a {@code double}.
 */
final class XlsxRows implements RowSource {

    private final OPCPackage workbook;
    private final XSSFReader reader;
    private final PlainSharedStrings strings;

    private XlsxRows(OPCPackage workbook, XSSFReader reader, PlainSharedStrings strings) {
        this.workbook = workbook;
        this.reader = reader;
        this.strings = strings;
    }

    static XlsxRows open(Path file) {
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            var reader = new XSSFReader(workbook);
            return new XlsxRows(workbook, reader, sharedStrings(workbook));
        } catch (OLE2NotOfficeXmlFileException e) {
            revert(workbook);
            throw new ImportRefusedException("The file is an Excel 97-2003 (.xls) or a password-protected workbook."
                    + " Save it as an unprotected Excel Workbook (.xlsx) or as CSV UTF-8.");
        } catch (Exception e) {
            revert(workbook);
            throw new ImportRefusedException("The file is not a readable XLSX workbook (" + e.getMessage() + ").");
        }
    }

    /** The workbook's shared strings, parsed by our own reader (see {@link #xmlReader()}). */
    private static PlainSharedStrings sharedStrings(OPCPackage workbook)
            throws IOException, SAXException, InvalidFormatException {
        var strings = new PlainSharedStrings();
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream xml = parts.getFirst().getInputStream()) {
                parse(xml, strings);
            }
        }
        return strings;
    }

    @Override
    public void read(RowConsumer consumer) {
        try (InputStream sheet = firstSheet()) {
            parse(sheet, new XSSFSheetXMLHandler(null, null, strings, new Rows(consumer), new DataFormatter(), false));
        } catch (ConsumerFailure e) {
            throw e.getCause();
        } catch (SAXException | RuntimeException e) {
            throw new ImportRefusedException("The workbook's first sheet cannot be read (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream firstSheet() throws IOException {
        try {
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRefusedException("The workbook has no sheet.");
            }
            return sheets.next();
        } catch (InvalidFormatException e) {
            throw new ImportRefusedException("The workbook's sheets cannot be read (" + e.getMessage() + ").");
        }
    }

    private static void parse(InputStream xml, ContentHandler handler) throws IOException, SAXException {
        XMLReader parser = xmlReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(xml));
    }

    /**
     * POI's hardened SAX reader (no DOCTYPE, no external entities), with the JDK's entity size limits lifted. Since JDK
     * 24 (JDK-8343004) every predefined entity such as {@code &amp;} or {@code &quot;} counts toward a 100,000
     * character limit, which a sheet of 100,000 rows passes easily. Without a DOCTYPE no other entity can exist, and
     * the predefined ones do not expand, so the limits guard nothing here.
     */
    private static XMLReader xmlReader() throws SAXException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setProperty("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "0");
            parser.setProperty("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "0");
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        revert(workbook);
    }

    /** A package opened for reading is closed by reverting it; {@code close()} would try to save it. */
    private static void revert(@Nullable OPCPackage workbook) {
        if (workbook != null) {
            workbook.revert();
        }
    }

    /** An exception of the row consumer, carried through the parser unchanged. */
    private static final class ConsumerFailure extends RuntimeException {

        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** The 0-based column of a cell reference such as {@code AB12} (what CellReference does, without its cost). */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return column - 1;
    }

    /** Collects a row's cells by their column letter; cells the sheet leaves out read as empty. */
    private static final class Rows implements SheetContentsHandler {

        private final RowConsumer consumer;
        private final List<String> cells = new ArrayList<>();

        Rows(RowConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!RowSource.blank(cells)) {
                try {
                    consumer.row(rowNum + 1, List.copyOf(cells));
                } catch (RuntimeException e) {
                    throw new ConsumerFailure(e);
                }
            }
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            int column = reference == null ? cells.size() : column(reference);
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            if (column < cells.size()) {
                cells.set(column, text);
            } else {
                cells.add(text);
            }
        }
    }
}
