package cn.eexpo.storefront.account;

import cn.eexpo.orders.account.AccountRefusedException;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.account.EmailTakenException;
import cn.eexpo.orders.account.SignUpRules;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opening an account: e-mail, display name and password, each checked as it is typed by the rules the account service
 * applies ({@link SignUpRules}), in the shopper's language. On success the new account is signed in at once and the
 * shopper goes on to {@code continue} (a path of this site) or to the account page.
 */
@ViewBean
@Route(value = "signup", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class SignUpView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String EMAIL_ID = "signup-email";
    static final String NAME_ID = "signup-name";
    static final String PASSWORD_ID = "signup-password";
    static final String SUBMIT_ID = "signup-submit";

    /** What the form edits. */
    static final class Form {
        String email = "";
        String displayName = "";
        String password = "";
    }

    private final Accounts accounts;
    private final SessionSignIn sessionSignIn;

    private final H1 title = new H1();
    private final TextField email = new TextField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button submit = new Button();
    private final Paragraph haveAccount = new Paragraph();
    private final RouterLink signIn = new RouterLink();
    private final Binder<Form> binder = new Binder<>();
    private final List<Binder.Binding<Form, String>> bindings = new ArrayList<>();
    /** Values the account service refused on submit (a taken address), per field, with the rule's code. */
    private final Map<String, Refusal> refused = new HashMap<>();

    private Optional<String> next = Optional.empty();

    private record Refusal(String value, String code) {}

    public SignUpView(Accounts accounts, SessionSignIn sessionSignIn) {
        this.accounts = accounts;
        this.sessionSignIn = sessionSignIn;
        addClassName("eexpo-signup");
        setAlignItems(Alignment.CENTER);

        email.setId(EMAIL_ID);
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        displayName.setId(NAME_ID);
        displayName.setMaxLength(SignUpRules.MAX_DISPLAY_NAME * 2);
        password.setId(PASSWORD_ID);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        for (var field : new com.vaadin.flow.data.value.HasValueChangeMode[] {email, displayName, password}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        email.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        password.setRequiredIndicatorVisible(true);

        bindings.add(binder.forField(email)
                .withValidator(rule("email", SignUpRules::email))
                .bind(f -> f.email, (f, v) -> f.email = v));
        bindings.add(binder.forField(displayName)
                .withValidator(rule("displayName", SignUpRules::displayName))
                .bind(f -> f.displayName, (f, v) -> f.displayName = v));
        bindings.add(binder.forField(password)
                .withValidator(rule("password", SignUpRules::password))
                .bind(f -> f.password, (f, v) -> f.password = v));
        binder.setBean(new Form());

        submit.setId(SUBMIT_ID);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());
        signIn.setRoute(SignInView.class);
        haveAccount.addClassName("eexpo-signup-signin");

        FormLayout form = new FormLayout(email, displayName, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("eexpo-signup-form");
        add(title, form, submit, haveAccount);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        next = ContinueTarget.of(event.getLocation());
        signIn.setQueryParameters(ContinueTarget.asParameters(next));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("account.signup.title"));
        email.setLabel(getTranslation("account.signup.email"));
        email.setPlaceholder("name@example.com");
        displayName.setLabel(getTranslation("account.signup.name"));
        displayName.setHelperText(getTranslation("account.signup.name.help"));
        password.setLabel(getTranslation("account.signup.password"));
        password.setHelperText(getTranslation("account.signup.password.help", SignUpRules.MIN_PASSWORD_LENGTH));
        submit.setText(getTranslation("account.signup.submit"));
        signIn.setText(getTranslation("account.signup.signin.link"));
        haveAccount.removeAll();
        haveAccount.add(getTranslation("account.signup.signin.question") + " ");
        haveAccount.add(signIn);
        // Shown messages are re-rendered in the new language.
        bindings.stream().filter(b -> !b.getField().isEmpty()).forEach(Binder.Binding::validate);
    }

    private void submit() {
        if (!binder.validate().isOk()) {
            return;
        }
        Form form = binder.getBean();
        try {
            accounts.signUp(form.email, form.password, form.displayName);
        } catch (EmailTakenException e) {
            refuse("email", form.email, "email.taken");
            return;
        } catch (AccountRefusedException e) {
            String value = switch (e.field()) {
                case "email" -> form.email;
                case "password" -> form.password;
                default -> form.displayName;
            };
            refuse(e.field(), value, e.code());
            return;
        }
        sessionSignIn.signIn(form.email, form.password);
        String target = next.orElse("/" + AccountView.ROUTE);
        UI.getCurrent().getPage().setLocation(target);
    }

    /** Shows the service's refusal on the field, until the shopper changes what it refused. */
    private void refuse(String field, String value, String code) {
        refused.put(field, new Refusal(value, code));
        binder.validate();
    }

    private Validator<String> rule(String field, Consumer<String> check) {
        return (value, context) -> {
            String typed = value == null ? "" : value;
            Refusal refusal = refused.get(field);
            if (refusal != null && refusal.value().equals(typed)) {
                return ValidationResult.error(getTranslation("account.signup.error." + refusal.code()));
            }
            try {
                check.accept(typed);
                return ValidationResult.ok();
            } catch (AccountRefusedException e) {
                return ValidationResult.error(getTranslation(
                        "account.signup.error." + e.code(),
                        SignUpRules.MIN_PASSWORD_LENGTH,
                        SignUpRules.MAX_PASSWORD_BYTES,
                        SignUpRules.MAX_DISPLAY_NAME));
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.signup.title");
    }
}
