package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportRefusedException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

/**
 * The header row of an import file: which cell holds which column. Names are matched ignoring case and surrounding
 * blanks; cells with an empty header are ignored (but a value below one is reported); an unknown name, a name given
 * twice or a missing required column refuses the file.
 */
final class ImportHeader {

    private final int rowNumber;
    private final Map<Column, Integer> index;
    private final Set<Integer> named;

    private ImportHeader(int rowNumber, Map<Column, Integer> index) {
        this.rowNumber = rowNumber;
        this.index = index;
        this.named = Set.copyOf(index.values());
    }

    int rowNumber() {
        return rowNumber;
    }

    boolean has(Column column) {
        return index.containsKey(column);
    }

    static ImportHeader parse(int rowNumber, List<String> cells) {
        if (cells.size() == 1
                && (cells.getFirst().contains(";") || cells.getFirst().contains("\t"))) {
            throw new ImportRefusedException("The file is not comma-separated: its header is the single column '"
                    + abbreviate(cells.getFirst()) + "'. Save it as CSV with commas (in Excel: CSV UTF-8) or as XLSX.");
        }
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            var column = Column.byHeader(name);
            if (column.isEmpty()) {
                unknown.add(cells.get(i).strip());
            } else if (index.putIfAbsent(column.get(), i) != null) {
                twice.add(name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.requiredInHeader() && !index.containsKey(column)) {
                missing.add(column.header);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(
                    "The header lacks the required column" + plural(missing) + " " + String.join(", ", missing) + ".");
        }
        if (!unknown.isEmpty()) {
            problems.add("The header has the unknown column" + plural(unknown) + " "
                    + unknown.stream().map(ImportHeader::abbreviate).collect(Collectors.joining(", ")) + ".");
        }
        if (!twice.isEmpty()) {
            problems.add("The header names the column" + plural(twice) + " " + String.join(", ", twice) + " twice.");
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(String.join(" ", problems) + " The columns are: " + Column.allHeaders()
                    + " (exhibitor is optional).");
        }
        return new ImportHeader(rowNumber, index);
    }

    /** The cells of a data row, by column; a missing cell reads as empty, every value is stripped of blanks. */
    Row row(int rowNumber, List<String> cells) {
        return new Row(rowNumber, cells);
    }

    final class Row {

        private final int number;
        private final List<String> cells;

        private Row(int number, List<String> cells) {
            this.number = number;
            this.cells = cells;
        }

        int number() {
            return number;
        }

        String get(Column column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size()) {
                return "";
            }
            String value = cells.get(i);
            return value == null ? "" : value.strip();
        }

        /** The spreadsheet letter of the first column without a header name that holds a value in this row. */
        @Nullable
        String valueWithoutHeader() {
            for (int i = 0; i < cells.size(); i++) {
                String value = cells.get(i);
                if (!named.contains(i) && value != null && !value.isBlank()) {
                    return CellReference.convertNumToColString(i);
                }
            }
            return null;
        }
    }

    private static String plural(java.util.Collection<?> names) {
        return names.size() == 1 ? "" : "s";
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
