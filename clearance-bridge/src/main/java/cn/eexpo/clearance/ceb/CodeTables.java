package cn.eexpo.clearance.ceb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customs code sets a filing's codes must come from (JGS-20 海关业务代码集): countries (国别地区), units of
 * measure (计量单位), currencies (币制) and transport modes (运输方式). Loaded from the CSV copies bundled with the
 * bridge (from the customs reference's {@code codes/}, see its SOURCES.md for provenance and caveats). Country rows
 * that exist only in a 2013 source (continent headers, superseded codes) are left out.
 */
public final class CodeTables {

    private static final String BASE = "/cn/eexpo/clearance/codes/";

    private final Map<String, String> countries;
    private final Map<String, String> units;
    private final Map<String, String> currencies;
    private final Map<String, String> transportModes;

    private CodeTables() {
        countries = load("country.csv", row -> !row.get(5).startsWith("not mapped (zwy-only"));
        units = load("unit.csv", row -> true);
        currencies = load("currency.csv", row -> true);
        transportModes = load("transport-mode.csv", row -> true);
    }

    private static final class Holder {
        static final CodeTables BUNDLED = new CodeTables();
    }

    /** The bundled tables (loaded once). */
    public static CodeTables bundled() {
        return Holder.BUNDLED;
    }

    public Optional<String> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    public Optional<String> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public Optional<String> currency(String code) {
        return Optional.ofNullable(currencies.get(code));
    }

    public Optional<String> transportMode(String code) {
        return Optional.ofNullable(transportModes.get(code));
    }

    /** Code → Chinese name, the first two columns of each CSV. */
    private static Map<String, String> load(String file, java.util.function.Predicate<List<String>> keep) {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = CodeTables.class.getResourceAsStream(BASE + file)) {
            if (in == null) throw new IllegalStateException("code table " + file + " is not on the classpath");
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                List<String> row = csv(line);
                while (row.size() < 6) row.add("");
                if (keep.test(row)) table.put(row.get(0), row.get(nameColumn(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }

    private static int nameColumn(String file) {
        return switch (file) {
            case "country.csv", "currency.csv" -> 2;
            default -> 1;
        };
    }

    /** One CSV line: commas, double-quoted fields with doubled quotes. */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
