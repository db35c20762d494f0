package cn.eexpo.benchmarks;

import java.nio.file.Path;

/**
 * What to run. Arguments are {@code --name=value}; Spring sees them too and ignores them.
 *
 * @param products synthetic products in PostgreSQL (generated when the count differs)
 * @param seed seed of the products and of the query set
 * @param distinctQueries how many different queries the set holds
 * @param warmup queries per engine before measuring
 * @param measured queries per engine, one client, the engines taking turns query by query
 * @param clients concurrent clients of the short concurrent run
 * @param concurrentQueries queries per engine in the concurrent run
 * @param regenerate generate the products even when PostgreSQL holds N of them
 * @param rebuild rebuild the index (false: query the index the alias points at, when there is one)
 * @param rebuildOnly stop after the index rebuild (no queries, no report file)
 * @param report the Markdown file the run is appended to (none when blank)
 * @param command the command line, for the report
 */
record Options(
        int products,
        long seed,
        int distinctQueries,
        int warmup,
        int measured,
        int clients,
        int concurrentQueries,
        boolean regenerate,
        boolean rebuild,
        boolean rebuildOnly,
        Path report,
        String command) {

    static Options parse(String... args) {
        int products = 1_000_000;
        long seed = 1;
        int distinct = 500;
        int warmup = 200;
        int measured = 2_000;
        int clients = 4;
        int concurrent = 1_000;
        boolean regenerate = false;
        boolean rebuild = true;
        boolean rebuildOnly = false;
        String report = "docs/benchmarks.md";
        String command = System.getProperty("eexpo.bench.command", "CatalogSearchBenchmark " + String.join(" ", args));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                continue;
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1).replace("_", "");
            switch (name) {
                case "products" -> products = Integer.parseInt(value);
                case "seed" -> seed = Long.parseLong(value);
                case "queries" -> distinct = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "measured" -> measured = Integer.parseInt(value);
                case "clients" -> clients = Integer.parseInt(value);
                case "concurrent-queries" -> concurrent = Integer.parseInt(value);
                case "regenerate" -> regenerate = Boolean.parseBoolean(value);
                case "rebuild" -> rebuild = Boolean.parseBoolean(value);
                case "rebuild-only" -> rebuildOnly = Boolean.parseBoolean(value);
                case "report" -> report = arg.substring(arg.indexOf('=') + 1);
                default -> {
                    // a Spring property
                }
            }
        }
        return new Options(
                products,
                seed,
                distinct,
                warmup,
                measured,
                clients,
                concurrent,
                regenerate,
                rebuild,
                rebuildOnly,
                Path.of(report),
                command);
    }
}
