package cn.eexpo.storefront.account;

import cn.eexpo.orders.account.Address;
import cn.eexpo.orders.account.AddressDetails;
import cn.eexpo.orders.account.AddressRefusedException;
import cn.eexpo.orders.account.AddressRules;
import cn.eexpo.orders.account.Addresses;
import cn.eexpo.orders.account.UnknownAddressException;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The buyer's address book: the addresses as cards (the default first, marked), each to edit, delete or make the
 * default; a dialog to add or edit one, every field checked as it is typed by checkout's consignee rules
 * ({@link AddressRules}). At most {@link AddressRules#MAX_ADDRESSES}.
 */
class AddressBook extends Composite<Div> {

    static final String LIST_ID = "address-list";
    static final String ADD_ID = "address-add";

    private final Addresses addresses;
    private final Div list = new Div();
    private final Button add = new Button();

    AddressBook(Addresses addresses) {
        this.addresses = addresses;
        getContent().addClassNames("eexpo-account-section", "eexpo-address-book");
        list.setId(LIST_ID);
        list.addClassName("eexpo-address-list");
        add.setId(ADD_ID);
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> new AddressDialog(null).open());
    }

    void render() {
        Div root = getContent();
        root.removeAll();
        list.removeAll();
        List<Address> mine = addresses.mine();
        root.add(new H2(getTranslation("account.address.title")));
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("account.address.none"));
            none.addClassName("eexpo-address-none");
            list.add(none);
        }
        mine.forEach(address -> list.add(card(address)));
        add.setText(getTranslation("account.address.add"));
        boolean full = mine.size() >= AddressRules.MAX_ADDRESSES;
        add.setEnabled(!full);
        root.add(list, add);
        if (full) {
            root.add(new Paragraph(getTranslation("account.address.error.addresses.full", AddressRules.MAX_ADDRESSES)));
        }
    }

    private Div card(Address address) {
        Span who = new Span(address.name() + " " + address.phone());
        who.addClassName("eexpo-address-who");
        Span where =
                new Span(String.join(" ", address.province(), address.city(), address.district(), address.address()));
        where.addClassName("eexpo-address-where");
        Div text = new Div(who, where);
        text.addClassName("eexpo-address-text");
        Div card = new Div();
        card.addClassName("eexpo-address-card");
        card.getElement().setAttribute("data-address-id", Long.toString(address.id()));
        if (address.preferred()) {
            Span badge = new Span(getTranslation("account.address.default"));
            badge.getElement().getThemeList().add("badge success");
            badge.addClassName("eexpo-address-default-badge");
            text.addComponentAsFirst(badge);
            card.addClassName("preferred");
        }
        Div actions = new Div();
        actions.addClassName("eexpo-address-actions");
        Button edit = action("account.address.edit", "address-edit", () -> new AddressDialog(address).open());
        actions.add(edit);
        if (!address.preferred()) {
            actions.add(action(
                    "account.address.makeDefault",
                    "address-default",
                    () -> change(() -> addresses.makePreferred(address.id()))));
        }
        Button delete =
                action("account.address.delete", "address-delete", () -> change(() -> addresses.delete(address.id())));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(delete);
        card.add(text, actions);
        return card;
    }

    private Button action(String key, String className, Runnable action) {
        Button button = new Button(getTranslation(key), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        return button;
    }

    private void change(Runnable change) {
        try {
            change.run();
        } catch (UnknownAddressException e) {
            Notification.show(getTranslation("account.address.gone"));
        }
        render();
    }

    /** Adding a new address ({@code editing} null) or editing one. */
    private final class AddressDialog extends Dialog {

        private record Refusal(String value, String code) {}

        private final @Nullable Address editing;
        private final Binder<Form> binder = new Binder<>();
        private final Map<String, Refusal> refused = new HashMap<>();
        private final Paragraph problem = new Paragraph();

        static final class Form {
            String name = "";
            String phone = "";
            String province = "";
            String city = "";
            String district = "";
            String address = "";
        }

        AddressDialog(@Nullable Address editing) {
            this.editing = editing;
            addClassName("eexpo-address-dialog");
            setHeaderTitle(getTranslation(editing == null ? "account.address.add" : "account.address.edit.title"));
            TextField name = field("name", "address-name", AddressRules.MAX_NAME);
            TextField phone = field("phone", "address-phone", AddressRules.MAX_PHONE);
            TextField province = field("province", "address-province", AddressRules.MAX_REGION);
            TextField city = field("city", "address-city", AddressRules.MAX_REGION);
            TextField district = field("district", "address-district", AddressRules.MAX_REGION);
            TextField address = field("address", "address-street", AddressRules.MAX_ADDRESS);
            binder.forField(name)
                    .withValidator(rule("name", AddressRules::name))
                    .bind(f -> f.name, (f, v) -> f.name = v);
            binder.forField(phone)
                    .withValidator(rule("phone", AddressRules::phone))
                    .bind(f -> f.phone, (f, v) -> f.phone = v);
            binder.forField(province)
                    .withValidator(rule("province", v -> AddressRules.region("province", v)))
                    .bind(f -> f.province, (f, v) -> f.province = v);
            binder.forField(city)
                    .withValidator(rule("city", v -> AddressRules.region("city", v)))
                    .bind(f -> f.city, (f, v) -> f.city = v);
            binder.forField(district)
                    .withValidator(rule("district", v -> AddressRules.region("district", v)))
                    .bind(f -> f.district, (f, v) -> f.district = v);
            binder.forField(address)
                    .withValidator(rule("address", AddressRules::address))
                    .bind(f -> f.address, (f, v) -> f.address = v);
            Form form = new Form();
            if (editing != null) {
                form.name = editing.name();
                form.phone = editing.phone();
                form.province = editing.province();
                form.city = editing.city();
                form.district = editing.district();
                form.address = editing.address();
            }
            binder.setBean(form);

            FormLayout layout = new FormLayout(name, phone, province, city, district, address);
            layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
            layout.setColspan(address, 3);
            problem.addClassName("eexpo-address-problem");
            problem.setVisible(false);
            add(layout, problem);

            Button save = new Button(getTranslation("account.address.save"), e -> save());
            save.setId("address-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("account.address.cancel"), e -> close());
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getFooter().add(cancel, save);
        }

        private TextField field(String key, String id, int maxLength) {
            TextField field = new TextField(getTranslation("account.address." + key));
            field.setId(id);
            field.setMaxLength(maxLength * 2);
            field.setRequiredIndicatorVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            return field;
        }

        private void save() {
            if (!binder.validate().isOk()) {
                return;
            }
            Form form = binder.getBean();
            var details =
                    new AddressDetails(form.name, form.phone, form.province, form.city, form.district, form.address);
            try {
                if (editing == null) {
                    addresses.add(details);
                } else {
                    addresses.update(editing.id(), details);
                }
            } catch (AddressRefusedException e) {
                if (e.field().equals("addresses")) {
                    problem.setText(getTranslation("account.address.error." + e.code(), AddressRules.MAX_ADDRESSES));
                    problem.setVisible(true);
                    return;
                }
                refused.put(e.field(), new Refusal(valueOf(form, e.field()), e.code()));
                binder.validate();
                return;
            } catch (UnknownAddressException e) {
                Notification.show(getTranslation("account.address.gone"));
            }
            close();
            render();
        }

        private static String valueOf(Form form, String field) {
            return switch (field) {
                case "name" -> form.name;
                case "phone" -> form.phone;
                case "province" -> form.province;
                case "city" -> form.city;
                case "district" -> form.district;
                default -> form.address;
            };
        }

        private Validator<String> rule(String field, Consumer<String> check) {
            return (value, context) -> {
                String typed = value == null ? "" : value;
                Refusal refusal = refused.get(field);
                if (refusal != null && refusal.value().equals(typed)) {
                    return ValidationResult.error(message(refusal.code()));
                }
                try {
                    check.accept(typed);
                    return ValidationResult.ok();
                } catch (AddressRefusedException e) {
                    return ValidationResult.error(message(e.code()));
                }
            };
        }

        private String message(String code) {
            int max = switch (code.substring(0, code.indexOf('.'))) {
                case "name" -> AddressRules.MAX_NAME;
                case "phone" -> AddressRules.MAX_PHONE;
                case "address" -> AddressRules.MAX_ADDRESS;
                default -> AddressRules.MAX_REGION;
            };
            return getTranslation("account.address.error." + code, max);
        }
    }
}
