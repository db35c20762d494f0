package cn.eexpo.benchmarks;

/**
 * Latencies in nanoseconds in log-linear buckets, as HdrHistogram does: exact below 128 ns, then 64 buckets per power
 * of two (under 1.6 % error), the maximum kept exactly. Fixed size, so recording costs the same whatever the run
 * length; one per thread, merged at the end.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 64;
    private final long[] counts = new long[64 * SUB_BUCKETS + 2 * SUB_BUCKETS];
    private long total;
    private long max;
    private long sum;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        sum += value;
        if (value > max) {
            max = value;
        }
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    /** The nearest-rank percentile in milliseconds: the upper bound of the bucket it falls in, never above the max. */
    double percentileMillis(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max) / 1e6;
            }
        }
        return max / 1e6;
    }

    double maxMillis() {
        return max / 1e6;
    }

    double meanMillis() {
        return total == 0 ? 0 : sum / 1e6 / total;
    }

    static int index(long value) {
        if (value < 2 * SUB_BUCKETS) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - 6;
        return (int) (shift * SUB_BUCKETS + (value >>> shift));
    }

    static long upperBound(int index) {
        if (index < 2 * SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = index - (long) shift * SUB_BUCKETS;
        return ((mantissa + 1) << shift) - 1;
    }
}
