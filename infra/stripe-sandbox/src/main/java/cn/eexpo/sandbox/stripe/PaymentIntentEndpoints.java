package cn.eexpo.sandbox.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PaymentIntents with Stripe's status machine: requires_payment_method → (confirm) → succeeded, or
 * requires_action (wallets, cards that need authentication; finished on the payment page), or back to
 * requires_payment_method with {@code last_payment_error} after a decline; canceled. Every method runs
 * under the ledger's lock.
 */
final class PaymentIntentEndpoints {

    static final List<String> TYPES = List.of("card", "alipay", "wechat_pay");

    private static final Set<String> COMMON = Set.of(
            "amount",
            "currency",
            "customer",
            "description",
            "expand",
            "metadata",
            "payment_method",
            "payment_method_configuration",
            "payment_method_data",
            "payment_method_options",
            "payment_method_types",
            "receipt_email",
            "setup_future_usage",
            "shipping",
            "statement_descriptor",
            "statement_descriptor_suffix");
    private static final Set<String> CREATE = union(
            COMMON,
            "automatic_payment_methods",
            "capture_method",
            "confirm",
            "confirmation_method",
            "error_on_requires_action",
            "mandate_data",
            "off_session",
            "radar_options",
            "return_url",
            "use_stripe_sdk");
    private static final Set<String> CONFIRM = Set.of(
            "capture_method",
            "error_on_requires_action",
            "expand",
            "mandate_data",
            "off_session",
            "payment_method",
            "payment_method_data",
            "payment_method_options",
            "radar_options",
            "receipt_email",
            "return_url",
            "setup_future_usage",
            "shipping",
            "use_stripe_sdk");
    private static final Set<String> CANCEL_REASONS =
            Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

    private final Ledger ledger;
    private final Function<String, String> paymentPageUrl;

    PaymentIntentEndpoints(Ledger ledger, Function<String, String> paymentPageUrl) {
        this.ledger = ledger;
        this.paymentPageUrl = paymentPageUrl;
    }

    Map<String, Object> create(Params params, RequestContext context) {
        params.requireKnown(CREATE);
        long amount = amount(params);
        String currency = currency(params);
        List<String> types = params.strings("payment_method_types");
        Map<String, Object> automatic = params.map("automatic_payment_methods");
        if (types != null && automatic != null) {
            throw ApiError.invalid(
                    "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
                    "automatic_payment_methods");
        }
        if (types != null) {
            checkTypes(types);
        }
        checkCaptureMethod(params);
        noCustomer(params);
        Map<String, String> metadata = params.metadata();
        boolean confirm = params.bool("confirm");
        PaymentMethodRecord paymentMethod = paymentMethod(params);

        PaymentIntentRecord intent = new PaymentIntentRecord(
                Ids.next("pi"),
                ledger.nextSequence(),
                ledger.now(),
                amount,
                currency,
                types == null ? TYPES : List.copyOf(types));
        intent.automaticPaymentMethods = types == null;
        if (metadata != null) {
            intent.metadata.putAll(metadata);
        }
        applyCommon(intent, params);
        if (paymentMethod != null) {
            checkCompatible(intent, paymentMethod);
            intent.paymentMethod = paymentMethod.id;
            intent.status = "requires_confirmation";
        }
        String returnUrl = params.string("return_url");
        if (returnUrl != null && !returnUrl.isEmpty()) {
            if (!confirm) {
                throw ApiError.invalid("You can only specify `return_url` when `confirm` is true.", "return_url");
            }
            intent.returnUrl = returnUrl;
        }
        if (confirm) {
            if (paymentMethod == null) {
                throw missingPaymentMethod(intent);
            }
            checkConfirmable(intent, paymentMethod, params);
        }
        ledger.intents.put(intent.id, intent);
        ledger.emit("payment_intent.created", intent, context);
        if (confirm) {
            runConfirmation(intent, paymentMethod, context);
        }
        return ledger.render(intent, params.expand());
    }

    Map<String, Object> retrieve(String id, Params params) {
        params.requireKnown(Set.of("client_secret", "expand"));
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        String secret = params.string("client_secret");
        if (secret != null && !secret.equals(intent.clientSecret)) {
            throw ApiError.invalid(
                    "The client_secret provided does not match the client_secret associated with the PaymentIntent.",
                    "client_secret");
        }
        return ledger.render(intent, params.expand());
    }

    Map<String, Object> update(String id, Params params) {
        params.requireKnown(COMMON);
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        for (String field : List.of(
                "amount",
                "currency",
                "payment_method",
                "payment_method_data",
                "payment_method_types",
                "payment_method_options")) {
            if (params.has(field) && !intent.awaitsPayment()) {
                throw ApiError.unexpectedState(
                        "This PaymentIntent's " + field + " could not be updated because it has a status of "
                                + intent.status + ". You may only update the " + field
                                + " of a PaymentIntent with one of the following statuses: requires_payment_method,"
                                + " requires_confirmation, requires_action.",
                        intent.toJson());
            }
        }
        noCustomer(params);
        Long amount = params.has("amount") ? amount(params) : null;
        String currency = params.has("currency") ? currency(params) : null;
        List<String> types = params.strings("payment_method_types");
        if (types != null) {
            checkTypes(types);
        }
        Map<String, String> metadata = params.metadata();
        PaymentMethodRecord paymentMethod = paymentMethod(params);

        boolean paymentChanged = amount != null || currency != null || types != null || paymentMethod != null;
        if (amount != null) {
            intent.amount = amount;
        }
        if (currency != null) {
            intent.currency = currency;
        }
        if (types != null) {
            intent.paymentMethodTypes = List.copyOf(types);
            intent.automaticPaymentMethods = false;
        }
        if (metadata != null) {
            if (metadata.isEmpty()) {
                intent.metadata.clear();
            }
            metadata.forEach((key, value) -> {
                if (value == null || value.isEmpty()) {
                    intent.metadata.remove(key);
                } else {
                    intent.metadata.put(key, value);
                }
            });
        }
        applyCommon(intent, params);
        if (paymentMethod != null) {
            checkCompatible(intent, paymentMethod);
            intent.paymentMethod = paymentMethod.id;
        }
        if (paymentChanged && intent.awaitsPayment()) {
            intent.nextAction = null;
            intent.status = intent.paymentMethod == null ? "requires_payment_method" : "requires_confirmation";
        }
        return ledger.render(intent, params.expand());
    }

    Map<String, Object> confirm(String id, Params params, RequestContext context) {
        params.requireKnown(CONFIRM);
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        if (!intent.awaitsPayment()) {
            String message = intent.status.equals("succeeded")
                    ? "You cannot confirm this PaymentIntent because it has already succeeded after being"
                            + " previously confirmed."
                    : "You cannot confirm this PaymentIntent because it has a status of " + intent.status
                            + ". Only a PaymentIntent with one of the following statuses may be confirmed:"
                            + " requires_confirmation, requires_payment_method, requires_action.";
            throw ApiError.unexpectedState(message, intent.toJson());
        }
        checkCaptureMethod(params);
        PaymentMethodRecord paymentMethod = paymentMethod(params);
        if (paymentMethod == null && intent.paymentMethod != null) {
            paymentMethod = ledger.paymentMethods.get(intent.paymentMethod);
        }
        if (paymentMethod == null) {
            throw missingPaymentMethod(intent);
        }
        checkCompatible(intent, paymentMethod);
        checkConfirmable(intent, paymentMethod, params);
        String returnUrl = params.string("return_url");
        if (returnUrl != null && !returnUrl.isEmpty()) {
            intent.returnUrl = returnUrl;
        }
        applyCommon(intent, params);
        runConfirmation(intent, paymentMethod, context);
        return ledger.render(intent, params.expand());
    }

    Map<String, Object> cancel(String id, Params params, RequestContext context) {
        params.requireKnown(Set.of("cancellation_reason", "expand"));
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        String reason = params.oneOf("cancellation_reason", CANCEL_REASONS);
        if (!intent.awaitsPayment()) {
            throw ApiError.unexpectedState(
                    "You cannot cancel this PaymentIntent because it has a status of " + intent.status
                            + ". Only a PaymentIntent with one of the following statuses may be canceled:"
                            + " requires_payment_method, requires_capture, requires_confirmation, requires_action,"
                            + " processing.",
                    intent.toJson());
        }
        intent.status = "canceled";
        intent.cancellationReason = reason;
        intent.canceledAt = ledger.now();
        intent.nextAction = null;
        ledger.emit("payment_intent.canceled", intent, context);
        return ledger.render(intent, params.expand());
    }

    Map<String, Object> list(Params params) {
        params.requireKnown(Set.of("created", "customer", "ending_before", "expand", "limit", "starting_after"));
        String customer = params.string("customer");
        return ledger.list(
                ledger.intents.values(),
                params,
                "/v1/payment_intents",
                intent -> customer == null || customer.isEmpty());
    }

    // ------------------------------------------------------------------ the payment page

    /** The buyer completes the payment on the payment page: with the method already chosen, or the one picked there. */
    void completeOnPage(String id, @Nullable String pickedType) {
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        checkPayable(intent);
        PaymentMethodRecord method = intent.status.equals("requires_action") && intent.paymentMethod != null
                ? ledger.paymentMethods.get(intent.paymentMethod)
                : newMethod(pageType(intent, pickedType), TestPaymentMethods.PAGE_CARD);
        succeed(intent, method, RequestContext.PAYMENT_PAGE);
    }

    /** The buyer declines on the payment page: a failed authentication, or a declined card. */
    void declineOnPage(String id, @Nullable String pickedType) {
        PaymentIntentRecord intent = ledger.intent(id, "intent");
        checkPayable(intent);
        if (intent.status.equals("requires_action") && intent.paymentMethod != null) {
            failAuthentication(intent, ledger.paymentMethods.get(intent.paymentMethod));
            return;
        }
        String type = pageType(intent, pickedType);
        if (type.equals("card")) {
            TestPaymentMethods.Token declined = TestPaymentMethods.token("pm_card_chargeDeclined");
            decline(intent, newMethod(type, declined), declined.behaviour(), RequestContext.PAYMENT_PAGE);
        } else {
            failAuthentication(intent, newMethod(type, TestPaymentMethods.PAGE_CARD));
        }
    }

    private void checkPayable(PaymentIntentRecord intent) {
        if (!intent.awaitsPayment()) {
            throw ApiError.unexpectedState(
                    "This PaymentIntent has a status of " + intent.status + " and cannot be paid.", intent.toJson());
        }
    }

    private static String pageType(PaymentIntentRecord intent, @Nullable String picked) {
        if (picked != null && intent.paymentMethodTypes.contains(picked)) {
            return picked;
        }
        return intent.paymentMethodTypes.getFirst();
    }

    // ------------------------------------------------------------------ confirmation

    private void runConfirmation(PaymentIntentRecord intent, PaymentMethodRecord method, RequestContext context) {
        intent.paymentMethod = method.id;
        switch (method.behaviour.outcome()) {
            case SUCCEED -> succeed(intent, method, context);
            case REQUIRE_ACTION -> requireAction(intent, method, context);
            case DECLINE -> throw decline(intent, method, method.behaviour, context);
        }
    }

    private void succeed(PaymentIntentRecord intent, PaymentMethodRecord method, RequestContext context) {
        ChargeRecord charge = charge(intent, method, TestPaymentMethods.Behaviour.SUCCEEDS);
        intent.paymentMethod = method.id;
        intent.status = "succeeded";
        intent.amountReceived = intent.amount;
        intent.lastPaymentError = null;
        intent.nextAction = null;
        ledger.emit("charge.succeeded", charge, context);
        ledger.emit("payment_intent.succeeded", intent, context);
    }

    private ApiError decline(
            PaymentIntentRecord intent,
            PaymentMethodRecord method,
            TestPaymentMethods.Behaviour behaviour,
            RequestContext context) {
        ChargeRecord charge = charge(intent, method, behaviour);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("charge", charge.id);
        error.put("code", behaviour.code());
        if (behaviour.declineCode() != null) {
            error.put("decline_code", behaviour.declineCode());
        }
        error.put(
                "doc_url",
                "https://stripe.com/docs/error-codes/" + behaviour.code().replace('_', '-'));
        error.put("message", behaviour.message());
        error.put("payment_method", method.toJson());
        error.put("type", "card_error");
        intent.status = "requires_payment_method";
        intent.paymentMethod = null;
        intent.nextAction = null;
        intent.lastPaymentError = error;
        ledger.emit("charge.failed", charge, context);
        ledger.emit("payment_intent.payment_failed", intent, context);
        return new ApiError(402, "card_error", behaviour.code(), behaviour.message(), null)
                .with("charge", charge.id)
                .with("decline_code", behaviour.declineCode())
                .with("payment_intent", intent.toJson())
                .with("payment_method", method.toJson())
                .executed();
    }

    private void failAuthentication(PaymentIntentRecord intent, PaymentMethodRecord method) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "payment_intent_authentication_failure");
        error.put("doc_url", "https://stripe.com/docs/error-codes/payment-intent-authentication-failure");
        error.put(
                "message",
                "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new"
                        + " PaymentMethod to attempt to fulfill this PaymentIntent again.");
        error.put("payment_method", method.toJson());
        error.put("type", "invalid_request_error");
        intent.status = "requires_payment_method";
        intent.paymentMethod = null;
        intent.nextAction = null;
        intent.lastPaymentError = error;
        ledger.emit("payment_intent.payment_failed", intent, RequestContext.PAYMENT_PAGE);
    }

    private void requireAction(PaymentIntentRecord intent, PaymentMethodRecord method, RequestContext context) {
        String page = paymentPageUrl.apply(intent.id);
        Map<String, Object> redirect = new LinkedHashMap<>();
        redirect.put("return_url", intent.returnUrl);
        redirect.put("url", page);
        Map<String, Object> next = new LinkedHashMap<>();
        switch (method.type) {
            case "alipay" -> {
                Map<String, Object> alipay = new LinkedHashMap<>();
                alipay.put("native_data", null);
                alipay.put("native_url", null);
                alipay.put("return_url", intent.returnUrl);
                alipay.put("url", page);
                next.put("type", "alipay_handle_redirect");
                next.put("alipay_handle_redirect", alipay);
            }
            case "wechat_pay" -> {
                Map<String, Object> qr = new LinkedHashMap<>();
                qr.put("data", page);
                qr.put("hosted_instructions_url", page);
                qr.put("image_data_url", null);
                qr.put("image_url_png", null);
                qr.put("image_url_svg", null);
                next.put("type", "wechat_pay_display_qr_code");
                next.put("wechat_pay_display_qr_code", qr);
            }
            default -> next.put("type", "redirect_to_url");
        }
        // The sandbox also names its payment page here for every method (Stripe does so for cards only).
        next.put("redirect_to_url", redirect);
        intent.status = "requires_action";
        intent.nextAction = next;
        intent.lastPaymentError = null;
        ledger.emit("payment_intent.requires_action", intent, context);
    }

    private ChargeRecord charge(
            PaymentIntentRecord intent, PaymentMethodRecord method, TestPaymentMethods.Behaviour behaviour) {
        ChargeRecord charge =
                new ChargeRecord(Ids.next("ch"), ledger.nextSequence(), ledger.now(), intent, method, behaviour);
        ledger.charges.put(charge.id, charge);
        intent.charges.add(charge.id);
        intent.latestCharge = charge.id;
        return charge;
    }

    // ------------------------------------------------------------------ parameters

    private @Nullable PaymentMethodRecord paymentMethod(Params params) {
        String id = params.string("payment_method");
        Map<String, Object> data = params.map("payment_method_data");
        if (id != null && !id.isEmpty() && data != null) {
            throw ApiError.invalid(
                    "You cannot provide both `payment_method` and `payment_method_data`.", "payment_method_data");
        }
        if (data != null) {
            String type = Params.stringValue(data.get("type"), "payment_method_data[type]");
            if (type == null || type.isEmpty()) {
                throw ApiError.invalid(
                        "Missing required param: payment_method_data[type].",
                        "payment_method_data[type]",
                        "parameter_missing");
            }
            if (type.equals("card")) {
                throw ApiError.invalid(
                        "The Stripe sandbox makes card PaymentMethods from Stripe's test tokens only: pass"
                                + " payment_method=pm_card_visa (or pm_card_chargeDeclined,"
                                + " pm_card_authenticationRequired, ...).",
                        "payment_method_data[type]");
            }
            return newWallet(type, "payment_method_data[type]");
        }
        if (id == null || id.isEmpty()) {
            return null;
        }
        TestPaymentMethods.Token token = TestPaymentMethods.token(id);
        if (token != null) {
            return newMethod("card", token);
        }
        PaymentMethodRecord stored = ledger.paymentMethods.get(id);
        if (stored == null) {
            throw ApiError.missing("PaymentMethod", id, "payment_method");
        }
        return stored;
    }

    PaymentMethodRecord newWallet(String type, String param) {
        if (!TYPES.contains(type) || type.equals("card")) {
            throw invalidType(type, param);
        }
        return newMethod(type, TestPaymentMethods.PAGE_CARD);
    }

    private PaymentMethodRecord newMethod(String type, TestPaymentMethods.Token token) {
        boolean card = type.equals("card");
        PaymentMethodRecord method = new PaymentMethodRecord(
                Ids.next("pm"),
                ledger.nextSequence(),
                ledger.now(),
                type,
                card ? token.behaviour() : TestPaymentMethods.Behaviour.NEEDS_ACTION,
                card ? token.card() : TestPaymentMethods.NO_CARD);
        ledger.paymentMethods.put(method.id, method);
        return method;
    }

    private void checkConfirmable(PaymentIntentRecord intent, PaymentMethodRecord method, Params params) {
        String returnUrl = params.string("return_url");
        boolean hasReturnUrl = (returnUrl != null && !returnUrl.isEmpty()) || intent.returnUrl != null;
        if (method.type.equals("alipay") && !hasReturnUrl) {
            throw ApiError.invalid(
                    "You must provide a `return_url` when confirming a PaymentIntent with the payment method type"
                            + " alipay.",
                    "return_url");
        }
        if (method.type.equals("wechat_pay")) {
            Object client = wechatClient(params.map("payment_method_options"));
            if (client == null) {
                client = wechatClient(intent.paymentMethodOptions);
            }
            if (client == null) {
                throw ApiError.invalid(
                        "Missing required param: payment_method_options[wechat_pay][client].",
                        "payment_method_options[wechat_pay][client]",
                        "parameter_missing");
            }
        }
    }

    private static @Nullable Object wechatClient(@Nullable Map<String, Object> options) {
        if (options != null && options.get("wechat_pay") instanceof Map<?, ?> wechat) {
            return wechat.get("client");
        }
        return null;
    }

    private static void checkCompatible(PaymentIntentRecord intent, PaymentMethodRecord method) {
        if (!intent.paymentMethodTypes.contains(method.type)) {
            throw ApiError.invalid(
                    "The PaymentMethod provided (" + method.type + ") is not allowed for this PaymentIntent. Please"
                            + " attach a PaymentMethod of one of the following types: "
                            + String.join(", ", intent.paymentMethodTypes)
                            + ". Alternatively, update the allowed payment_method_types for this PaymentIntent to"
                            + " include \"" + method.type + "\".",
                    "payment_method",
                    "payment_intent_incompatible_payment_method");
        }
    }

    private static ApiError missingPaymentMethod(PaymentIntentRecord intent) {
        return ApiError.unexpectedState(
                "You cannot confirm this PaymentIntent because it's missing a payment method. You can either"
                        + " update the PaymentIntent with a payment method and then confirm it again, or confirm it"
                        + " again directly with a payment method.",
                intent.toJson());
    }

    private static void applyCommon(PaymentIntentRecord intent, Params params) {
        if (params.has("description")) {
            intent.description = emptyToNull(params.string("description"));
        }
        if (params.has("receipt_email")) {
            intent.receiptEmail = emptyToNull(params.string("receipt_email"));
        }
        if (params.has("statement_descriptor")) {
            intent.statementDescriptor = emptyToNull(params.string("statement_descriptor"));
        }
        if (params.has("statement_descriptor_suffix")) {
            intent.statementDescriptorSuffix = emptyToNull(params.string("statement_descriptor_suffix"));
        }
        if (params.has("setup_future_usage")) {
            intent.setupFutureUsage = params.oneOf("setup_future_usage", Set.of("off_session", "on_session", "none"));
        }
        if (params.has("shipping")) {
            intent.shipping = params.map("shipping");
        }
        Map<String, Object> options = params.map("payment_method_options");
        if (options != null) {
            intent.paymentMethodOptions.putAll(options);
        }
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long amount(Params params) {
        Long amount = params.integer("amount");
        if (amount == null) {
            throw ApiError.invalid("Missing required param: amount.", "amount", "parameter_missing");
        }
        if (amount < 1) {
            throw ApiError.invalid(
                    "This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer");
        }
        if (amount > 99_999_999) {
            throw ApiError.invalid("Amount must be no more than 99999999", "amount", "amount_too_large");
        }
        return amount;
    }

    private static String currency(Params params) {
        String currency = params.string("currency");
        if (currency == null || currency.isEmpty()) {
            throw ApiError.invalid("Missing required param: currency.", "currency", "parameter_missing");
        }
        currency = currency.toLowerCase(java.util.Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw ApiError.invalid("Invalid currency: " + currency + ".", "currency");
        }
        return currency;
    }

    private static void checkTypes(List<String> types) {
        if (types.isEmpty()) {
            throw ApiError.invalid("Invalid array", "payment_method_types");
        }
        for (int i = 0; i < types.size(); i++) {
            if (!TYPES.contains(types.get(i))) {
                throw invalidType(types.get(i), "payment_method_types[" + i + "]");
            }
        }
    }

    private static ApiError invalidType(String type, String param) {
        return ApiError.invalid(
                "The payment method type \"" + type + "\" is invalid. Please ensure the provided type is activated"
                        + " in your dashboard (https://dashboard.stripe.com/account/payments/settings) and your"
                        + " account is enabled for any preview features that you are trying to use. (The Stripe"
                        + " sandbox knows " + String.join(", ", TYPES) + ".)",
                param);
    }

    private static void checkCaptureMethod(Params params) {
        String capture = params.string("capture_method");
        if ("manual".equals(capture)) {
            throw ApiError.invalid(
                    "The Stripe sandbox does not support capture_method=manual (separate authorisation and"
                            + " capture).",
                    "capture_method");
        }
        params.oneOf("capture_method", Set.of("automatic", "automatic_async", "manual"));
    }

    private static void noCustomer(Params params) {
        String customer = params.string("customer");
        if (customer != null && !customer.isEmpty()) {
            throw ApiError.missing("customer", customer, "customer");
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
