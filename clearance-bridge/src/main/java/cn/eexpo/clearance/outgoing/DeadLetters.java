package cn.eexpo.clearance.outgoing;

/**
 * Where unsendable messages go, for operators to see and correct (and resubmit with appType 2). The filing
 * workflow keeps them in PostgreSQL.
 */
public interface DeadLetters {

    void add(DeadLetter deadLetter);
}
