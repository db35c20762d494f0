package cn.eexpo.orders.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are tolerated before further attempts are refused unchecked: per e-mail address (someone
 * guessing one account's password) and, higher, per client address (someone trying many accounts), each within a
 * window that starts with the first failure.
 *
 * @param maxFailuresPerEmail failures after which the address is locked until its window ends
 * @param maxFailuresPerAddress failures from one client IP address after which it is locked until its window ends
 * @param window how long failures are counted for, from the first one
 */
@ConfigurationProperties("eexpo.sign-in.throttle")
record SignInThrottleProperties(
        @DefaultValue("5") int maxFailuresPerEmail,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window) {

    SignInThrottleProperties {
        if (maxFailuresPerEmail < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("eexpo.sign-in.throttle: the limits are at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("eexpo.sign-in.throttle.window must be positive");
        }
    }
}
