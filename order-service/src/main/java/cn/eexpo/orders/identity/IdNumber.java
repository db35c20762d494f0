package cn.eexpo.orders.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * An 18-digit resident ID number (居民身份证号码, GB 11643): six digits of region, the birth date {@code yyyyMMdd}, three
 * digits of sequence and a check digit (0–9 or X). Reasons for refusing one never repeat the number: they end up in
 * responses and may end up in logs.
 */
public final class IdNumber {

    /** No resident of the PRC alive today was born before this; the GB 11643 birth-date field starts here too. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_DIGITS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /**
     * Reads an ID number as a person types it: spaces are ignored and a lowercase {@code x} is read as {@code X}.
     *
     * @param today the current date in China (Asia/Shanghai): no one is born after it
     * @throws InvalidIdentityException naming what is wrong, never the number itself
     */
    public static IdNumber parse(String raw, LocalDate today) {
        String candidate = normalise(raw);
        problem(candidate, today).ifPresent(problem -> {
            throw new InvalidIdentityException("idNumber", problem.code(), problem.reason());
        });
        return new IdNumber(candidate);
    }

    /** Why the ID number is not valid, or empty when it is. */
    public static Optional<String> check(String raw, LocalDate today) {
        return problem(normalise(raw), today).map(Problem::reason);
    }

    /** {@code 4101**********123X}: the first four and the last four characters, for any screen, response or log. */
    public static String mask(String idNumber) {
        if (idNumber.length() <= 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    private static String normalise(String raw) {
        StringBuilder kept = new StringBuilder(18);
        raw.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(kept::appendCodePoint);
        return kept.toString().replace('x', 'X');
    }

    private static Optional<Problem> problem(String id, LocalDate today) {
        if (id.isEmpty()) {
            return Problem.of("required", "the ID number is required");
        }
        if (id.length() != 18) {
            return Problem.of(
                    "length",
                    "an ID number has 18 characters (17 digits and a check digit), this one has "
                            + id.codePointCount(0, id.length()));
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return Problem.of(
                        "digits",
                        "the first 17 characters of an ID number are digits; character " + (i + 1) + " is not");
            }
        }
        char last = id.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Problem.of("lastCharacter", "the last character of an ID number is a digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            return Problem.of(
                    "birthDate",
                    "characters 7 to 14 of an ID number are the birth date (yyyyMMdd); they are not a" + " real date");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return Problem.of("birthDate.early", "the birth date in the ID number is before 1900-01-01");
        }
        if (birth.isAfter(today)) {
            return Problem.of("birthDate.future", "the birth date in the ID number is in the future");
        }
        if (checkDigit(id) != last) {
            return Problem.of(
                    "checkDigit",
                    "the check digit (last character) does not match the other 17 digits: a character is"
                            + " mistyped");
        }
        return Optional.empty();
    }

    private record Problem(String code, String reason) {

        static Optional<Problem> of(String rule, String reason) {
            return Optional.of(new Problem("idNumber." + rule, reason));
        }
    }

    /** The GB 11643 check digit of the first 17 digits: ISO 7064 MOD 11-2. */
    static char checkDigit(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS[sum % 11];
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number itself: for sealing and hashing only. */
    String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    public LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
