package cn.eexpo.storefront.orders;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shop's absolute URLs, for the pages a payment provider sends the buyer back to: {@code eexpo.public-url} when set
 * (behind a proxy that rewrites the host), else the scheme, host and port the buyer's request came to.
 */
@Component
class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${eexpo.public-url:}") String configured) {
        this.configured = configured.strip().replaceAll("/+$", "");
    }

    /** The absolute URL of a path of the shop ({@code /orders/EX…}). */
    String of(String path) {
        return base() + path;
    }

    private String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (VaadinRequest.getCurrent() instanceof HttpServletRequest http) {
            String scheme = http.getScheme();
            int port = http.getServerPort();
            boolean defaultPort =
                    port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + http.getServerName() + (defaultPort ? "" : ":" + port) + http.getContextPath();
        }
        return "http://localhost:8080";
    }
}
