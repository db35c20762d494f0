package cn.eexpo.orders.identity;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid ID numbers nobody has used before in the test database (the quota of a number persists between runs). */
public final class TestIdNumbers {

    private TestIdNumbers() {}

    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
        String first17 = "%06d%04d%02d%02d%03d"
                .formatted(
                        random.nextInt(110_000, 660_000),
                        birth.getYear(),
                        birth.getMonthValue(),
                        birth.getDayOfMonth(),
                        random.nextInt(1000));
        return first17 + IdNumber.checkDigit(first17);
    }

    /** The same number with its check digit changed: well formed, but refused. */
    public static String withWrongCheckDigit(String valid) {
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
