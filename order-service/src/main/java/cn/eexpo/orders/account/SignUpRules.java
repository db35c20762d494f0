package cn.eexpo.orders.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a sign-up must give: an e-mail address, a password that is not trivially guessed, a name to show. Public so that
 * a sign-up form can check each field as it is typed, with the same rules {@link Accounts#signUp} applies.
 */
public final class SignUpRules {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads no further than 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final int MAX_DISPLAY_NAME = 50;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+");

    private SignUpRules() {}

    /** The address as stored and signed in with: trimmed and lowercase. */
    public static String email(String raw) {
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new AccountRefusedException("email", "email.required", "the e-mail address is required");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new AccountRefusedException(
                    "email", "email.invalid", "this is not an e-mail address (name@example.com)");
        }
        return email;
    }

    public static void password(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH) {
            throw new AccountRefusedException(
                    "password", "password.short", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountRefusedException(
                    "password",
                    "password.long",
                    "a password has at most " + MAX_PASSWORD_BYTES + " bytes (72 Latin characters)");
        }
        boolean lower = false, upper = false, digit = false, other = false;
        for (int c : password.codePoints().toArray()) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < 2) {
            throw new AccountRefusedException(
                    "password",
                    "password.mixed",
                    "a password mixes at least two kinds of characters: lowercase, uppercase, digits, others");
        }
    }

    public static String displayName(String raw) {
        String name = raw.strip().replaceAll("\\s+", " ");
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            throw new AccountRefusedException("displayName", "displayName.required", "a display name is required");
        }
        if (length > MAX_DISPLAY_NAME) {
            throw new AccountRefusedException(
                    "displayName",
                    "displayName.long",
                    "a display name has at most " + MAX_DISPLAY_NAME + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new AccountRefusedException(
                    "displayName", "displayName.control", "a display name has no control characters");
        }
        return name;
    }
}
