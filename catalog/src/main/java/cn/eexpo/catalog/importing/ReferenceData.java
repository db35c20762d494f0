package cn.eexpo.catalog.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The code tables a row is checked against, read once per import: categories, countries (customs code and ISO
 * alpha-2), customs units, warehouses and their kind, and the positive list of HS codes.
 *
 * @param countries the customs country code for a customs code or an ISO alpha-2 code (upper case)
 * @param warehouseKinds {@code BONDED} or {@code OVERSEAS} per warehouse code
 */
record ReferenceData(
        Set<String> categories,
        Map<String, String> countries,
        Set<String> units,
        Map<String, String> warehouseKinds,
        Set<String> positiveList) {

    static ReferenceData load(JdbcClient jdbc) {
        Map<String, String> countries = new HashMap<>();
        jdbc.sql("select customs_code, iso_code from country").query(rs -> {
            countries.put(rs.getString(1), rs.getString(1));
            countries.put(rs.getString(2), rs.getString(1));
        });
        Map<String, String> warehouses = new HashMap<>();
        jdbc.sql("select code, kind from warehouse").query(rs -> {
            warehouses.put(rs.getString(1), rs.getString(2));
        });
        return new ReferenceData(
                new HashSet<>(jdbc.sql("select code from category")
                        .query(String.class)
                        .list()),
                countries,
                new HashSet<>(jdbc.sql("select code from customs_unit")
                        .query(String.class)
                        .list()),
                warehouses,
                new HashSet<>(jdbc.sql("select hs_code from positive_list_entry")
                        .query(String.class)
                        .list()));
    }
}
