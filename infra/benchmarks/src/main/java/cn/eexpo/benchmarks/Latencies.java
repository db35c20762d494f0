package cn.eexpo.benchmarks;

import java.util.Arrays;

/** Latencies of one engine in one run, in nanoseconds, and the wall time of the run. */
final class Latencies {

    private final long[] nanos;
    private int count;
    private long wallNanos;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    synchronized void add(long latency) {
        nanos[count++] = latency;
    }

    void wall(long nanos) {
        this.wallNanos = nanos;
    }

    int count() {
        return count;
    }

    /** Nearest-rank percentile in milliseconds. */
    synchronized double percentile(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1e6;
    }

    double max() {
        return percentile(100);
    }

    synchronized double meanMillis() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / 1e6 / count;
    }

    /** Queries per second: over the wall time when there was one, else one client's back-to-back rate. */
    double throughput() {
        return wallNanos > 0 ? count / (wallNanos / 1e9) : 1_000.0 / meanMillis();
    }
}
