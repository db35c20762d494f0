package cn.eexpo.catalog.importing;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings ({@code xl/sharedStrings.xml}) as plain text, filled as a SAX handler. Stands in for
 * POI's {@code ReadOnlySharedStringsTable}, which builds an XMLBeans rich-text object on every lookup: for a sheet of
 * 100,000 rows that costs more than parsing the sheet, and the sheet handler only wants the text. Like POI's table by
 * default, phonetic runs ({@code rPh}) are left out.
 */
final class PlainSharedStrings extends DefaultHandler implements SharedStrings {

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> text.setLength(0);
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {}
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> strings.add(text.toString());
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {}
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText && !inPhonetic) {
            text.append(ch, start, length);
        }
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new PlainText(strings.get(idx));
    }

    @Override
    public int getCount() {
        return strings.size();
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }

    /** Text without formatting: all the sheet handler reads is {@link #toString()}. */
    private static final class PlainText implements RichTextString {

        private final String text;

        PlainText(String text) {
            this.text = text;
        }

        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("read-only text");
        }
    }
}
