package cn.eexpo.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Random resident ID numbers with a real birth date and a valid GB 11643 check digit, for synthetic buyers. */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {}

    static String random() {
        var random = ThreadLocalRandom.current();
        var birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
        var body = "410105" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }
}
