package cn.eexpo.storefront.account;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.identity.BuyerIdentity;
import cn.eexpo.orders.identity.IdNumber;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.identity.IdentityRules;
import cn.eexpo.orders.identity.InvalidIdentityException;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The buyer's real-name identity (订购人): a form checked as it is typed (the GB 11643 rules of {@link IdNumber} and
 * {@link IdentityRules}), and once saved only its masked form ({@code 张** 4101**********123X}). The ID number typed
 * is cleared from the form after saving and is never shown again.
 */
class IdentitySection extends Composite<Div> {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String NAME_ID = "identity-name";
    static final String ID_NUMBER_ID = "identity-id-number";
    static final String PHONE_ID = "identity-phone";
    static final String SAVE_ID = "identity-save";
    static final String MASKED_ID = "identity-masked";

    static final class Form {
        String name = "";
        String idNumber = "";
        String phone = "";
    }

    private record Refusal(String value, String code) {}

    private final Identities identities;
    private final Account account;
    private final Consumer<BuyerIdentity> saved;

    private final TextField name = new TextField();
    private final TextField idNumber = new TextField();
    private final TextField phone = new TextField();
    private final Button save = new Button();
    private final Binder<Form> binder = new Binder<>();
    private final List<Binder.Binding<Form, String>> bindings = new ArrayList<>();
    private final Map<String, Refusal> refused = new HashMap<>();
    private boolean editing;

    IdentitySection(Identities identities, Account account, Consumer<BuyerIdentity> saved) {
        this.identities = identities;
        this.account = account;
        this.saved = saved;
        getContent().addClassNames("eexpo-account-section", "eexpo-identity");
        name.setId(NAME_ID);
        name.setMaxLength(50);
        idNumber.setId(ID_NUMBER_ID);
        idNumber.setMaxLength(22);
        idNumber.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        phone.setId(PHONE_ID);
        phone.setMaxLength(20);
        phone.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.TEL);
        for (TextField field : new TextField[] {name, idNumber, phone}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setRequiredIndicatorVisible(true);
        }
        bindings.add(binder.forField(name)
                .withValidator(rule("name", IdentityRules::name))
                .bind(f -> f.name, (f, v) -> f.name = v));
        bindings.add(binder.forField(idNumber)
                .withValidator(rule("idNumber", v -> IdNumber.parse(v, LocalDate.now(CHINA))))
                .bind(f -> f.idNumber, (f, v) -> f.idNumber = v));
        bindings.add(binder.forField(phone)
                .withValidator(rule("phone", IdentityRules::phone))
                .bind(f -> f.phone, (f, v) -> f.phone = v));
        binder.setBean(new Form());
        save.setId(SAVE_ID);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    /** Renders the section anew (on attach and on a language switch). */
    void render() {
        Div root = getContent();
        root.removeAll();
        root.add(new H2(getTranslation("account.identity.title")));
        Optional<BuyerIdentity> identity = identities.of(account.id());
        if (identity.isPresent() && !editing) {
            BuyerIdentity known = identity.get();
            Div masked = new Div(
                    new Span(maskName(known.name())),
                    new Span(known.maskedIdNumber()),
                    new Span(IdentityRules.maskPhone(known.phone())));
            masked.setId(MASKED_ID);
            masked.addClassName("eexpo-identity-masked");
            Button change = new Button(getTranslation("account.identity.change"), e -> {
                editing = true;
                render();
            });
            change.setId("identity-change");
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            root.add(masked, change);
            return;
        }
        name.setLabel(getTranslation("account.identity.name"));
        name.setHelperText(getTranslation("account.identity.name.help"));
        idNumber.setLabel(getTranslation("account.identity.idNumber"));
        idNumber.setHelperText(getTranslation("account.identity.idNumber.help"));
        phone.setLabel(getTranslation("account.identity.phone"));
        save.setText(getTranslation("account.identity.save"));
        FormLayout form = new FormLayout(name, idNumber, phone);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        root.add(new Paragraph(getTranslation("account.identity.why")), form, save);
        if (identity.isPresent()) {
            Button cancel = new Button(getTranslation("account.identity.cancel"), e -> {
                editing = false;
                clear();
                render();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            root.add(cancel);
        }
        bindings.stream().filter(b -> !b.getField().isEmpty()).forEach(Binder.Binding::validate);
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        Form form = binder.getBean();
        BuyerIdentity identity;
        try {
            identity = identities.register(account.id(), form.name, form.idNumber, form.phone);
        } catch (InvalidIdentityException e) {
            String value = switch (e.field()) {
                case "name" -> form.name;
                case "idNumber" -> form.idNumber;
                default -> form.phone;
            };
            refused.put(e.field(), new Refusal(value, e.code()));
            binder.validate();
            return;
        }
        editing = false;
        clear();
        render();
        saved.accept(identity);
    }

    /** Forgets what was typed, the ID number above all. */
    private void clear() {
        refused.clear();
        binder.setBean(new Form());
    }

    private Validator<String> rule(String field, Consumer<String> check) {
        return (value, context) -> {
            String typed = value == null ? "" : value;
            Refusal refusal = refused.get(field);
            if (refusal != null && refusal.value().equals(typed)) {
                return ValidationResult.error(getTranslation("account.identity.error." + refusal.code()));
            }
            try {
                check.accept(typed);
                return ValidationResult.ok();
            } catch (InvalidIdentityException e) {
                return ValidationResult.error(getTranslation("account.identity.error." + e.code()));
            }
        };
    }

    /** {@code 张**}: the first character of the name, the rest starred. */
    static String maskName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= 1) {
            return name;
        }
        return new String(Character.toChars(name.codePointAt(0))) + "*".repeat(length - 1);
    }
}
