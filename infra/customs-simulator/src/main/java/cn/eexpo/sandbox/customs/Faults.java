package cn.eexpo.sandbox.customs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Faults injected into the simulator, settable at any time. Each kind has a rate (percent, decided with a seedable
 * random, {@link #seed(long)}) and a deterministic counter ("the next N"), which wins while it lasts: tests use the
 * counters. Receipt faults act on every receipt message (312, 622, 624, 626, 816, 900); list faults on inventory
 * lists (CEB621) when they arrive. Thread-safe.
 */
public final class Faults {

    /** The reason a rejected list carries unless another is given. */
    public static final String DEFAULT_REJECT_REASON = "海关退单：模拟退单 (simulated rejection)";

    private Random random = new Random();
    private int dropPercent;
    private int dropNext;
    private int duplicatePercent;
    private int duplicateNext;
    private Duration delay = Duration.ZERO;
    private int reorderPercent;
    private int reorderNext;
    private int rejectPercent;
    private int rejectNext;
    private String rejectReason = DEFAULT_REJECT_REASON;
    private int inspectPercent;
    private int inspectNext;
    private boolean detain;
    private int mismatchPercent;
    private int mismatchNext;

    Faults() {}

    /** Makes the percentages repeatable. */
    public synchronized Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** Drops this percentage of receipts (never published). */
    public synchronized Faults dropReceipts(int percent) {
        dropPercent = percent(percent);
        return this;
    }

    /** Drops the next {@code count} receipts. */
    public synchronized Faults dropNextReceipts(int count) {
        dropNext = count(count);
        return this;
    }

    /** Publishes this percentage of receipts twice: identical bytes, the same receipt guid. */
    public synchronized Faults duplicateReceipts(int percent) {
        duplicatePercent = percent(percent);
        return this;
    }

    public synchronized Faults duplicateNextReceipts(int count) {
        duplicateNext = count(count);
        return this;
    }

    /** Holds every receipt this long more before publishing it. */
    public synchronized Faults delayReceipts(Duration extra) {
        if (extra.isNegative()) throw new IllegalArgumentException("a delay cannot be negative");
        delay = extra;
        return this;
    }

    /** Delivers all the receipts of this percentage of lists at once, in reverse order, when the list is done. */
    public synchronized Faults reorderLists(int percent) {
        reorderPercent = percent(percent);
        return this;
    }

    public synchronized Faults reorderNextLists(int count) {
        reorderNext = count(count);
        return this;
    }

    /** Rejects (100 退单) this percentage of lists that pass the three-document match. */
    public synchronized Faults rejectLists(int percent) {
        rejectPercent = percent(percent);
        return this;
    }

    public synchronized Faults rejectNextLists(int count) {
        return rejectNextLists(count, DEFAULT_REJECT_REASON);
    }

    public synchronized Faults rejectNextLists(int count, String reason) {
        rejectNext = count(count);
        rejectReason = reason;
        return this;
    }

    /** Inspects (500 查验) this percentage of lists after 120; then 800, or 501 with {@link #detainOnInspection}. */
    public synchronized Faults inspectLists(int percent) {
        inspectPercent = percent(percent);
        return this;
    }

    public synchronized Faults inspectNextLists(int count) {
        inspectNext = count(count);
        return this;
    }

    /** Whether an inspection ends in 501 扣留 instead of 800 放行. */
    public synchronized Faults detainOnInspection(boolean detain) {
        this.detain = detain;
        return this;
    }

    /** The logistics company writes a different consignee on this percentage of waybills. */
    public synchronized Faults mismatchWaybills(int percent) {
        mismatchPercent = percent(percent);
        return this;
    }

    public synchronized Faults mismatchNextWaybills(int count) {
        mismatchNext = count(count);
        return this;
    }

    /** No faults (the seed stays). */
    public synchronized Faults clear() {
        dropPercent = dropNext = duplicatePercent = duplicateNext = 0;
        reorderPercent = reorderNext = rejectPercent = rejectNext = 0;
        inspectPercent = inspectNext = mismatchPercent = mismatchNext = 0;
        delay = Duration.ZERO;
        detain = false;
        rejectReason = DEFAULT_REJECT_REASON;
        return this;
    }

    // ------------------------------------------------------------------------------------ decisions (internal)

    synchronized boolean drop() {
        if (dropNext > 0) {
            dropNext--;
            return true;
        }
        return roll(dropPercent);
    }

    synchronized boolean duplicate() {
        if (duplicateNext > 0) {
            duplicateNext--;
            return true;
        }
        return roll(duplicatePercent);
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized boolean reorder() {
        if (reorderNext > 0) {
            reorderNext--;
            return true;
        }
        return roll(reorderPercent);
    }

    /** The reason when this list is to be rejected, else {@code null}. */
    synchronized @Nullable String reject() {
        if (rejectNext > 0) {
            rejectNext--;
            return rejectReason;
        }
        return roll(rejectPercent) ? rejectReason : null;
    }

    synchronized boolean inspect() {
        if (inspectNext > 0) {
            inspectNext--;
            return true;
        }
        return roll(inspectPercent);
    }

    synchronized boolean detain() {
        return detain;
    }

    synchronized boolean mismatchWaybill() {
        if (mismatchNext > 0) {
            mismatchNext--;
            return true;
        }
        return roll(mismatchPercent);
    }

    private boolean roll(int percent) {
        return percent > 0 && random.nextInt(100) < percent;
    }

    /** The current settings, as the control endpoint shows them. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dropPercent", dropPercent);
        map.put("dropNext", dropNext);
        map.put("duplicatePercent", duplicatePercent);
        map.put("duplicateNext", duplicateNext);
        map.put("delayMs", delay.toMillis());
        map.put("reorderPercent", reorderPercent);
        map.put("reorderNext", reorderNext);
        map.put("rejectPercent", rejectPercent);
        map.put("rejectNext", rejectNext);
        map.put("rejectReason", rejectReason);
        map.put("inspectPercent", inspectPercent);
        map.put("inspectNext", inspectNext);
        map.put("detain", detain);
        map.put("waybillMismatchPercent", mismatchPercent);
        map.put("waybillMismatchNext", mismatchNext);
        return map;
    }

    private static int percent(int percent) {
        if (percent < 0 || percent > 100) throw new IllegalArgumentException("a percentage is 0 to 100: " + percent);
        return percent;
    }

    private static int count(int count) {
        if (count < 0) throw new IllegalArgumentException("a count cannot be negative: " + count);
        return count;
    }
}
