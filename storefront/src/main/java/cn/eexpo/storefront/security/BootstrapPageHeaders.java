package cn.eexpo.storefront.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The browser's protections on the page that starts every view. Vaadin writes that page afresh, dropping what the
 * security filter chain had set, so the same headers are set again here, on the page itself.
 */
@Component
class BootstrapPageHeaders implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> protect(page.getVaadinResponse()));
    }

    static void protect(VaadinResponse response) {
        response.setHeader("Content-Security-Policy", StorefrontSecurity.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", StorefrontSecurity.PERMISSIONS_POLICY);
    }
}
