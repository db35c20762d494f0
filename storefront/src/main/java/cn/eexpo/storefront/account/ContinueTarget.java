package cn.eexpo.storefront.account;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where to go after signing up or registering an identity: the {@code continue} parameter, accepted only as a path of
 * this site ({@code checkout}, {@code /orders/E2026…}), never as another site (an open redirect): no scheme, no host,
 * no {@code //} or backslash, no control characters or spaces.
 */
public final class ContinueTarget {

    public static final String PARAMETER = "continue";

    private static final Pattern LOCAL_PATH = Pattern.compile("/?[A-Za-z0-9\\-._~%/]*(\\?[A-Za-z0-9\\-._~%&=+/]*)?");

    private ContinueTarget() {}

    /** The path ({@code /checkout}) when {@code raw} is one of this site's, else empty. */
    public static Optional<String> localPath(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = raw.strip();
        if (candidate.isEmpty()
                || candidate.startsWith("//")
                || candidate.startsWith("/%2F")
                || candidate.startsWith("/%2f")
                || candidate.contains("\\")
                || candidate.contains("..")
                || !LOCAL_PATH.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate.startsWith("/") ? candidate : "/" + candidate);
    }

    /** The {@code continue} parameter of a location, when it is a local path. */
    public static Optional<String> of(Location location) {
        return location.getQueryParameters().getSingleParameter(PARAMETER).flatMap(ContinueTarget::localPath);
    }

    /** {@code ?continue=…} to hand on, or no parameters. */
    public static QueryParameters asParameters(Optional<String> target) {
        return target.map(path -> new QueryParameters(Map.of(PARAMETER, List.of(path))))
                .orElse(QueryParameters.empty());
    }
}
