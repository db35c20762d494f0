package cn.eexpo.sandbox.stripe;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's test PaymentMethod tokens the sandbox knows, and what confirming a PaymentIntent with each does.
 * Wallet payments (Alipay, WeChat Pay) always need the buyer's action on the payment page.
 */
final class TestPaymentMethods {

    /** What a confirmation with the method leads to. */
    enum Outcome {
        SUCCEED,
        DECLINE,
        REQUIRE_ACTION
    }

    record Behaviour(
            Outcome outcome,
            @Nullable String code,
            @Nullable String declineCode,
            @Nullable String message) {

        static final Behaviour SUCCEEDS = new Behaviour(Outcome.SUCCEED, null, null, null);
        static final Behaviour NEEDS_ACTION = new Behaviour(Outcome.REQUIRE_ACTION, null, null, null);

        static Behaviour declines(String code, @Nullable String declineCode, String message) {
            return new Behaviour(Outcome.DECLINE, code, declineCode, message);
        }
    }

    record Card(String brand, String last4, String country, String funding) {

        String fingerprint() {
            return "sbx" + Integer.toHexString((brand + last4).hashCode());
        }
    }

    record Token(Card card, Behaviour behaviour) {}

    static final Card NO_CARD = new Card("", "", "", "");

    private static final Behaviour DECLINED =
            Behaviour.declines("card_declined", "generic_decline", "Your card was declined.");

    private static final Map<String, Token> TOKENS = Map.ofEntries(
            Map.entry("pm_card_visa", new Token(new Card("visa", "4242", "US", "credit"), Behaviour.SUCCEEDS)),
            Map.entry("pm_card_visa_debit", new Token(new Card("visa", "5556", "US", "debit"), Behaviour.SUCCEEDS)),
            Map.entry(
                    "pm_card_mastercard",
                    new Token(new Card("mastercard", "4444", "US", "credit"), Behaviour.SUCCEEDS)),
            Map.entry("pm_card_amex", new Token(new Card("amex", "8431", "US", "credit"), Behaviour.SUCCEEDS)),
            Map.entry("pm_card_unionpay", new Token(new Card("unionpay", "0005", "CN", "credit"), Behaviour.SUCCEEDS)),
            Map.entry("pm_card_cn", new Token(new Card("visa", "0002", "CN", "credit"), Behaviour.SUCCEEDS)),
            Map.entry("pm_card_chargeDeclined", new Token(new Card("visa", "0002", "US", "credit"), DECLINED)),
            Map.entry(
                    "pm_card_chargeDeclinedInsufficientFunds",
                    new Token(
                            new Card("visa", "9995", "US", "credit"),
                            Behaviour.declines(
                                    "card_declined", "insufficient_funds", "Your card has insufficient funds."))),
            Map.entry(
                    "pm_card_chargeDeclinedLostCard",
                    new Token(
                            new Card("visa", "9987", "US", "credit"),
                            Behaviour.declines("card_declined", "lost_card", "Your card was declined."))),
            Map.entry(
                    "pm_card_chargeDeclinedExpiredCard",
                    new Token(
                            new Card("visa", "0069", "US", "credit"),
                            Behaviour.declines("expired_card", "expired_card", "Your card has expired."))),
            Map.entry(
                    "pm_card_chargeDeclinedIncorrectCvc",
                    new Token(
                            new Card("visa", "0127", "US", "credit"),
                            Behaviour.declines(
                                    "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."))),
            Map.entry(
                    "pm_card_chargeDeclinedProcessingError",
                    new Token(
                            new Card("visa", "0119", "US", "credit"),
                            Behaviour.declines(
                                    "processing_error",
                                    null,
                                    "An error occurred while processing your card. Try again in a little bit."))),
            Map.entry(
                    "pm_card_authenticationRequired",
                    new Token(new Card("visa", "3184", "US", "credit"), Behaviour.NEEDS_ACTION)),
            Map.entry(
                    "pm_card_threeDSecure2Required",
                    new Token(new Card("visa", "3220", "US", "credit"), Behaviour.NEEDS_ACTION)));

    /** The card a buyer "enters" on the payment page. */
    static final Token PAGE_CARD = TOKENS.get("pm_card_visa");

    private TestPaymentMethods() {}

    static @Nullable Token token(String id) {
        return TOKENS.get(id);
    }
}
