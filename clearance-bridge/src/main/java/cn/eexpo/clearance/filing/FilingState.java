package cn.eexpo.clearance.filing;

/**
 * Where a customs filing stands. PENDING → QUEUED (built, signed and stored, waiting for the transport) → SENT, then
 * as customs answers: DECLARED, ACCEPTED, INSPECTION, DETAINED, RELEASED or REJECTED. ERROR: customs could not
 * process a message (a CEB900 with a negative code) and DEAD_LETTER: a message broke a rule or the schema before it
 * left; an operator corrects and resubmits both. CANCELLED: withdrawn before release (CEB623), or never sent.
 * RETURNED: customs accepted the return of released goods (CEB625).
 */
enum FilingState {
    PENDING,
    QUEUED,
    SENT,
    DECLARED,
    ACCEPTED,
    INSPECTION,
    DETAINED,
    RELEASED,
    REJECTED,
    ERROR,
    DEAD_LETTER,
    CANCELLED,
    RETURNED;

    boolean resubmittable() {
        return this == ERROR || this == DEAD_LETTER;
    }
}
