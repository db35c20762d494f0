package cn.eexpo.orders.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a sign-up must give: an e-mail address, a password that is not trivially guessed, a name to show. */
final class SignUpRules {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads no further than 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+");

    private SignUpRules() {}

    /** The address as stored and signed in with: trimmed and lowercase. */
    static String email(String raw) {
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new AccountRefusedException("email", "the e-mail address is required");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new AccountRefusedException("email", "this is not an e-mail address (name@example.com)");
        }
        return email;
    }

    static void password(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH) {
            throw new AccountRefusedException(
                    "password", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountRefusedException(
                    "password", "a password has at most " + MAX_PASSWORD_BYTES + " bytes (72 Latin characters)");
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
                    "a password mixes at least two kinds of characters: lowercase, uppercase, digits, others");
        }
    }

    static String displayName(String raw) {
        String name = raw.strip().replaceAll("\\s+", " ");
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            throw new AccountRefusedException("displayName", "a display name is required");
        }
        if (length > 50) {
            throw new AccountRefusedException("displayName", "a display name has at most 50 characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new AccountRefusedException("displayName", "a display name has no control characters");
        }
        return name;
    }
}
