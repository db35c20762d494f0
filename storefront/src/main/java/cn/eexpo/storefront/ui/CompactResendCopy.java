package cn.eexpo.storefront.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.ApplicationConstants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps each UI's copy of its last answer in one byte per character. Vaadin holds that copy to send again when a
 * browser repeats a request, and Java stores a string in two bytes per character as soon as one character lies beyond
 * Latin-1. A search page's answer is about 50,000 characters of which a dozen are Chinese, so its copy took 100 KB;
 * in a heap dump of 400 sessions the copies averaged 53 KB of the 236 KiB a session held. After each request the copy
 * is rewritten with those characters in JSON's escaped form (a backslash, u and four hex digits): the browser reads the
 * same JSON from it.
 */
@Component
class CompactResendCopy implements VaadinServiceInitListener {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new Compactor());
    }

    /** {@code json} with every character beyond Latin-1 escaped; the same string when there is none. */
    static String latin1(String json) {
        int n = json.length();
        int i = 0;
        while (i < n && json.charAt(i) <= 0xFF) i++;
        if (i == n) return json;
        int beyond = 0;
        for (int j = i; j < n; j++) {
            if (json.charAt(j) > 0xFF) beyond++;
        }
        // Sized exactly (each such character becomes six), so the builder never grows and copies itself.
        var out = new StringBuilder(n + 5 * beyond);
        int run = 0;
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (c > 0xFF) {
                // Outside strings JSON has only ASCII, so such a character is always inside one, where \\u is valid.
                out.append(json, run, i)
                        .append("\\u")
                        .append(HEX[c >> 12])
                        .append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
                run = i + 1;
            }
        }
        out.append(json, run, n);
        return out.toString();
    }

    /** The UI id a request names, or null when the parameter is missing or not a plain decimal number. */
    static @Nullable Integer uiId(@Nullable String parameter) {
        if (parameter == null
                || parameter.isEmpty()
                || parameter.length() > 9
                || !parameter.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(parameter);
    }

    private static final class Compactor implements VaadinRequestInterceptor {

        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {}

        @Override
        public void handleException(
                VaadinRequest request, VaadinResponse response, VaadinSession session, Exception exception) {}

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, @Nullable VaadinSession session) {
            // Only a UIDL request replaces the copy: a heartbeat would only scan it again.
            if (session == null || !HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) return;
            Integer id = uiId(request.getParameter(ApplicationConstants.UI_ID_PARAMETER));
            if (id == null) return;
            session.lock();
            try {
                UI ui = session.getUIById(id);
                if (ui == null) return;
                var internals = ui.getInternals();
                String last = internals.getLastRequestResponse();
                if (last != null) internals.setLastRequestResponse(latin1(last));
            } finally {
                session.unlock();
            }
        }
    }
}
