package cn.eexpo.storefront.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The shopper's language: chosen with the switch in the header and remembered in a cookie; without a choice the
 * browser's language decides (English for English, Chinese for everything else).
 */
@Component
public class LanguagePreference implements VaadinServiceInitListener {

    static final String COOKIE = "eexpo-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Locale locale = fromCookie(VaadinRequest.getCurrent())
                    .orElseGet(() -> StorefrontTranslations.supported(ui.getLocale()));
            ui.setLocale(locale);
        });
    }

    /** Switches the whole session to {@code locale} and remembers it for the next visit. */
    public static void choose(UI ui, Locale locale) {
        Locale supported = StorefrontTranslations.supported(locale);
        ui.getSession().setLocale(supported);
        ui.setLocale(supported);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, supported.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }

    private static Optional<Locale> fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .map(c -> StorefrontTranslations.supported(Locale.forLanguageTag(c.getValue())));
    }
}
