package cn.eexpo.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands. The happy path runs CREATED → PAYMENT_PENDING → PAID → DECLARED → ACCEPTED → RELEASED →
 * SHIPPED → DELIVERED; customs may also reject, inspect or detain it, the buyer may cancel it before release or return
 * it after. Customs receipts can arrive out of order or skip a step (a 800 "released" with no 120 before it), so a
 * clearance status may move forward past the ones in between, never back.
 */
public enum OrderStatus {
    CREATED,
    PAYMENT_PENDING,
    PAID,
    DECLARED,
    ACCEPTED,
    INSPECTION,
    DETAINED,
    RELEASED,
    SHIPPED,
    DELIVERED,
    REJECTED,
    CANCELLED,
    RETURN_REQUESTED,
    RETURNED,
    REFUNDED;

    /** Whether the order may move from this state to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    public Set<OrderStatus> allowedNext() {
        return switch (this) {
            case CREATED -> EnumSet.of(PAYMENT_PENDING, PAID, CANCELLED);
            case PAYMENT_PENDING -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(DECLARED, ACCEPTED, INSPECTION, DETAINED, RELEASED, REJECTED, CANCELLED);
            case DECLARED -> EnumSet.of(ACCEPTED, INSPECTION, DETAINED, RELEASED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(INSPECTION, DETAINED, RELEASED, REJECTED, CANCELLED);
            case INSPECTION -> EnumSet.of(DETAINED, RELEASED, REJECTED);
            case DETAINED -> EnumSet.of(RELEASED, REJECTED);
            case RELEASED -> EnumSet.of(SHIPPED, RETURN_REQUESTED);
            case SHIPPED -> EnumSet.of(DELIVERED, RETURN_REQUESTED);
            case DELIVERED -> EnumSet.of(RETURN_REQUESTED);
            case RETURN_REQUESTED -> EnumSet.of(RETURNED);
            case REJECTED, RETURNED -> EnumSet.of(REFUNDED);
            case CANCELLED -> EnumSet.of(REFUNDED);
            case REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Paid for and not yet handed back: the buyer's money is with us and the goods are his. */
    public boolean isPaid() {
        return switch (this) {
            case PAID, DECLARED, ACCEPTED, INSPECTION, DETAINED, RELEASED, SHIPPED, DELIVERED, RETURN_REQUESTED -> true;
            default -> false;
        };
    }
}
