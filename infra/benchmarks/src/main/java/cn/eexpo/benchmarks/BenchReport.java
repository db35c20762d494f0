package cn.eexpo.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What every benchmark report says about where it ran, and how a run is filed in {@code docs/benchmarks.md}. */
final class BenchReport {

    private BenchReport() {}

    /** {@code --name=value} arguments. */
    static Map<String, String> arguments(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return given;
    }

    static int number(Map<String, String> given, String name, int otherwise) {
        String value = given.get(name);
        return value == null ? otherwise : Integer.parseInt(value.replace("_", ""));
    }

    static String machine() {
        String cpu = firstLine("/proc/cpuinfo", "model name").replaceAll("^.*:\\s*", "");
        String memory = firstLine("/proc/meminfo", "MemTotal").replaceAll("\\D+", "");
        double gib = memory.isEmpty() ? 0 : Long.parseLong(memory) / 1024.0 / 1024.0;
        return "%d CPUs (nproc)%s, %.1f GiB RAM"
                .formatted(Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " " + cpu, gib);
    }

    static String loadAverage() {
        String[] load = firstLine("/proc/loadavg", "").split(" ");
        return load.length < 3 ? "?" : load[0] + " / " + load[1] + " / " + load[2];
    }

    /** Adds a run at the end of {@code section} (a {@code ## } heading, created at the end of the file when missing). */
    /** A run's heading: its time, the command, the machine and the load average at start and end. */
    static StringBuilder heading(
            java.time.ZonedDateTime started, String command, String loadAtStart, String loadAtEnd, String note) {
        var md = new StringBuilder();
        md.append("### ")
                .append(started.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC\n\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Machine: ")
                .append(machine())
                .append("; load average at start ")
                .append(loadAtStart)
                .append(", at end ")
                .append(loadAtEnd)
                .append(note)
                .append("\n");
        return md;
    }

    static void append(Path file, String section, String report) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int at = text.indexOf("\n" + section + "\n");
        if (at < 0) {
            text = text.stripTrailing() + "\n\n" + section + "\n";
            at = text.indexOf("\n" + section + "\n");
        }
        int next = text.indexOf("\n## ", at + section.length() + 1);
        int end = next < 0 ? text.length() : next + 1;
        String before = text.substring(0, end).stripTrailing() + "\n\n";
        String after = next < 0 ? "" : "\n" + text.substring(end);
        Files.writeString(file, before + report.stripTrailing() + "\n" + after, StandardCharsets.UTF_8);
    }

    private static String firstLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(prefix))
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
