package cn.eexpo.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code xmllint --noout --schema} (libxml2) on a message: an independent validator next to the JDK's.
 * The schemas are the bundled copies, written next to each other so that imports resolve.
 */
public final class Xmllint {

    private static Path schemas;

    private Xmllint() {}

    /** Asserts that xmllint validates {@code xml} against {@code schemaFile} (e.g. ceb-import-202205.xsd). */
    public static void assertValid(byte[] xml, String schemaFile) {
        Result result = run(xml, schemaFile);
        assertThat(result.exitCode())
                .as("xmllint --schema %s said:%n%s", schemaFile, result.output())
                .isZero();
        assertThat(result.output()).contains("validates");
    }

    public static Result run(byte[] xml, String schemaFile) {
        try {
            Path dir = schemaDir();
            Path file = Files.createTempFile("ceb-", ".xml");
            try {
                Files.write(file, xml);
                Process process = new ProcessBuilder(
                                "xmllint",
                                "--noout",
                                "--nonet",
                                "--schema",
                                dir.resolve(schemaFile).toString(),
                                file.toString())
                        .redirectErrorStream(true)
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("xmllint hangs");
                return new Result(process.exitValue(), output);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "xmllint could not be run: install libxml2-utils (infra/eexpo installs it when run as root)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path schemaDir() throws IOException {
        if (schemas == null) {
            Path dir = Files.createTempDirectory("ceb-xsd-");
            for (String name :
                    new String[] {"ceb-import-202205.xsd", "xmldsig-core-schema.xsd", "dxp-terminal-202205.xsd"}) {
                try (InputStream in = Xmllint.class.getResourceAsStream("/cn/eexpo/clearance/xsd/" + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            dir.toFile().deleteOnExit();
            schemas = dir;
        }
        return schemas;
    }

    public record Result(int exitCode, String output) {}
}
