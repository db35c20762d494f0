package cn.eexpo.clearance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The official 202205 import sample messages (copied from the customs reference into the test resources). */
public final class Samples {

    public static final String[] IMPORT = {
        "CEB311", "CEB312", "CEB411", "CEB412", "CEB511", "CEB512", "CEB513", "CEB514", "CEB621", "CEB622", "CEB623",
        "CEB624", "CEB625", "CEB626", "CEB711", "CEB712"
    };

    private Samples() {}

    public static byte[] load(String type) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/import/" + type + "Message.xml")) {
            if (in == null) throw new IllegalArgumentException("no sample " + type);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
