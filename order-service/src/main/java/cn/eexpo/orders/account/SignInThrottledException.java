package cn.eexpo.orders.account;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused without checking the password: too many failed attempts for this e-mail address or from this
 * client address. Says when to try again, not which of the two limits was reached.
 */
public class SignInThrottledException extends LockedException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-in attempts: try again in " + minutes(retryAfter) + " minutes.");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt is checked again (at least one second). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole minutes, rounded up (at least 1): for messages. */
    public long retryAfterMinutes() {
        return minutes(retryAfter);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
