package cn.eexpo.orders.payment;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces calls out to at most {@code perSecond}: each caller takes the next free slot and waits for it. Stripe answers
 * 429 above its limit; queueing here keeps a burst of orders from turning into a burst of retries.
 */
final class RequestRate {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    RequestRate(int perSecond) {
        this.intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
    }

    void acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(nextSlot, now);
            nextSlot = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Takes a slot only if one is free now; a request thread uses this so it never queues behind a backlog. */
    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        if (nextSlot > now) {
            return false;
        }
        nextSlot = now + intervalNanos;
        return true;
    }
}
