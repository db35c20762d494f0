package cn.eexpo.storefront.account;

import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Sign-in with e-mail and password: Vaadin's login form posting to Spring Security's {@code /signin}, in the shopper's
 * language. After a failure the page says so ({@code ?error}); when too many attempts failed it says for how long
 * sign-in is locked ({@code ?locked=<minutes>}). The link to sign up keeps where the shopper was going: the
 * {@code continue} parameter, or the page Vaadin sent the shopper here from.
 */
@ViewBean
@Route(value = SignInView.ROUTE, layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class SignInView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    public static final String ROUTE = "signin";
    static final String SIGNUP_LINK_ID = "signin-to-signup";

    private final LoginForm login = new LoginForm();
    private final RouterLink signUp = new RouterLink();
    private final Paragraph noAccount = new Paragraph();
    private boolean failed;
    private OptionalLong lockedMinutes = OptionalLong.empty();
    private Optional<String> next = Optional.empty();

    public SignInView() {
        addClassName("eexpo-signin");
        setAlignItems(Alignment.CENTER);
        login.setForgotPasswordButtonVisible(false);
        login.setId("signin-form");
        signUp.setId(SIGNUP_LINK_ID);
        signUp.setRoute(SignUpView.class);
        noAccount.addClassName("eexpo-signin-signup");
        add(login, noAccount);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        failed = parameters.getParameters().containsKey("error");
        lockedMinutes = parameters
                .getSingleParameter("locked")
                .filter(minutes -> minutes.matches("\\d{1,4}"))
                .map(minutes -> OptionalLong.of(Long.parseLong(minutes)))
                .orElse(OptionalLong.empty());
        next = ContinueTarget.of(event.getLocation())
                .or(SignInView::routerRedirect)
                .or(SignInView::savedRequest);
        login.setAction(next.map(path ->
                        ROUTE + "?" + ContinueTarget.PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .orElse(ROUTE));
        signUp.setQueryParameters(ContinueTarget.asParameters(next));
        if (isAttached()) {
            render();
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    private void render() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("account.signin.title"));
        form.setUsername(getTranslation("account.signin.email"));
        form.setPassword(getTranslation("account.signin.password"));
        form.setSubmit(getTranslation("account.signin.submit"));
        form.setForgotPassword(getTranslation("account.signin.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (lockedMinutes.isPresent()) {
            error.setTitle(getTranslation("account.signin.locked.title"));
            error.setMessage(getTranslation("account.signin.locked.message", lockedMinutes.getAsLong()));
        } else {
            error.setTitle(getTranslation("account.signin.error.title"));
            error.setMessage(getTranslation("account.signin.error.message"));
        }
        error.setUsername(getTranslation("account.signin.email.required"));
        error.setPassword(getTranslation("account.signin.password.required"));
        i18n.setAdditionalInformation(getTranslation("account.signin.note"));
        login.setI18n(i18n);
        login.setError(failed || lockedMinutes.isPresent());
        signUp.setText(getTranslation("account.signin.signup.link"));
        noAccount.removeAll();
        noAccount.add(getTranslation("account.signin.signup.question") + " ");
        noAccount.add(signUp);
    }

    /**
     * The view an anonymous shopper navigated to in the shop (a click on "checkout", say) when Vaadin's navigation access
     * control sent them here instead: it keeps that route in the session.
     */
    private static Optional<String> routerRedirect() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getWrappedSession(false) == null) {
            return Optional.empty();
        }
        Object stored = request.getWrappedSession(false).getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        if (!(stored instanceof String route) || route.isBlank()) {
            return Optional.empty();
        }
        return ContinueTarget.localPath(route.startsWith("/") ? route : "/" + route)
                .filter(p -> !p.equals("/") && !p.startsWith("/" + ROUTE));
    }

    /**
     * The page Vaadin sent an anonymous shopper here from (Spring Security's saved request), as a local path without
     * Spring's own {@code continue} marker.
     */
    private static Optional<String> savedRequest() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null
                || response == null
                || request.getHttpServletRequest().getSession(false) == null) {
            return Optional.empty();
        }
        SavedRequest saved = new HttpSessionRequestCache()
                .getRequest(request.getHttpServletRequest(), response.getHttpServletResponse());
        if (saved == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(saved.getRedirectUrl());
            String contextPath = request.getContextPath();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
                path = path.substring(contextPath.length());
            }
            String query = uri.getRawQuery() == null
                    ? ""
                    : Arrays.stream(uri.getRawQuery().split("&"))
                            .filter(p -> !p.equals(ContinueTarget.PARAMETER)
                                    && !p.startsWith(ContinueTarget.PARAMETER + "="))
                            .collect(Collectors.joining("&"));
            return ContinueTarget.localPath(query.isEmpty() ? path : path + "?" + query)
                    .filter(p -> !p.equals("/") && !p.startsWith("/" + ROUTE));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.signin.title");
    }
}
