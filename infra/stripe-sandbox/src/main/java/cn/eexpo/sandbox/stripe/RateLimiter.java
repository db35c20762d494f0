package cn.eexpo.sandbox.stripe;

/** A token bucket of {@code rate} requests a second, refilled continuously. */
final class RateLimiter {

    private int rate;
    private double tokens;
    private long last;

    synchronized boolean tryAcquire(int requestsPerSecond) {
        if (requestsPerSecond <= 0) {
            rate = 0;
            return true;
        }
        long now = System.nanoTime();
        if (requestsPerSecond != rate) {
            rate = requestsPerSecond;
            tokens = rate;
            last = now;
        }
        tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
