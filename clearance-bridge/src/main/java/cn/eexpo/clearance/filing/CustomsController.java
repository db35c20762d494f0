package cn.eexpo.clearance.filing;

import cn.eexpo.orders.Orders;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customs clearance over REST: a buyer's view of his order's filing; for operators the filings, the exact signed
 * messages, dead letters, quarantined receipts, resubmission; and receipt intake for customs gateways that deliver
 * over HTTP. {@code /api/v1/customs/**} needs the operator role (see the API security chain).
 */
@RestController
class CustomsController {

    private final FilingStore store;
    private final ReceiptIntake intake;
    private final Orders orders;
    private final FilingWorker worker;

    CustomsController(FilingStore store, ReceiptIntake intake, Orders orders, FilingWorker worker) {
        this.store = store;
        this.intake = intake;
        this.orders = orders;
        this.worker = worker;
    }

    record MessageView(
            String messageType,
            String guid,
            String appType,
            String state,
            int attempts,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable String lastError,
            List<ReceiptView> receipts) {}

    record ReceiptView(
            String messageType,
            String returnStatus,
            String returnInfo,
            String returnTime,
            Instant receivedAt,
            String source) {}

    record FilingView(
            String orderNo,
            String state,
            @Nullable String statusCode,
            @Nullable String statusInfo,
            @Nullable String copNo,
            @Nullable String invtNo,
            int attempts,
            @Nullable String lastError,
            Instant createdAt,
            Instant updatedAt,
            List<MessageView> messages,
            List<ReceiptView> receipts) {}

    @GetMapping("/api/v1/orders/{orderNo}/customs")
    FilingView ofOrder(@PathVariable String orderNo) {
        if (!orders.visibleToCurrentUser(orderNo)) {
            throw new NotFound("There is no order " + orderNo + ".");
        }
        return store.find(orderNo)
                .map(this::view)
                .orElseThrow(() -> new NotFound("Order " + orderNo + " has not been filed with customs yet."));
    }

    @GetMapping("/api/v1/customs/filings")
    List<FilingView> filings(
            @RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "50") int limit) {
        FilingState state = null;
        if (status != null && !status.isBlank()) {
            try {
                state = FilingState.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("Unknown filing status " + status + "; one of "
                        + java.util.Arrays.toString(FilingState.values()) + ".");
            }
        }
        return store.list(state, Math.clamp(limit, 1, 500)).stream()
                .map(this::view)
                .toList();
    }

    @GetMapping(value = "/api/v1/customs/messages/{guid}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> message(@PathVariable String guid) {
        return store.signedXml(guid)
                .map(xml -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .body(xml))
                .orElseThrow(() -> new NotFound("No message " + guid + " was sent."));
    }

    @GetMapping("/api/v1/customs/dead-letters")
    List<FilingStore.DeadLetterRow> deadLetters(
            @RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "50") int limit) {
        return store.deadLetters(open, Math.clamp(limit, 1, 500));
    }

    @GetMapping("/api/v1/customs/quarantine")
    List<FilingStore.Quarantined> quarantine(@RequestParam(defaultValue = "50") int limit) {
        return store.quarantined(Math.clamp(limit, 1, 500));
    }

    /** Files again an operator-corrected filing that was dead-lettered or that customs could not process. */
    @PostMapping("/api/v1/customs/filings/{orderNo}/resubmit")
    FilingView resubmit(@PathVariable String orderNo) {
        var filing = store.find(orderNo).orElseThrow(() -> new NotFound("Order " + orderNo + " has no filing."));
        if (!filing.state().resubmittable()) {
            throw new Conflict("The filing of " + orderNo + " is " + filing.state()
                    + "; only a dead-lettered filing or one customs could not process can be resubmitted.");
        }
        store.resubmit(filing.id());
        worker.wake();
        return view(store.find(orderNo).orElseThrow());
    }

    @PostMapping(
            value = "/api/v1/customs/receipts",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.ALL_VALUE})
    ReceiptIntake.Result receipt(@RequestBody byte[] body) {
        if (body.length == 0) throw new BadRequest("The receipt is empty.");
        return intake.accept(body, "rest");
    }

    private FilingView view(FilingStore.FilingRow f) {
        var receipts = store.receipts(f.id());
        var messages = store.messages(f.id()).stream()
                .map(m -> new MessageView(
                        m.msgType(),
                        m.guid(),
                        m.appType(),
                        m.state(),
                        m.attempts(),
                        m.createdAt(),
                        m.sentAt(),
                        m.lastError(),
                        receipts.stream()
                                .filter(r -> m.guid().equals(r.messageGuid()))
                                .map(CustomsController::receipt)
                                .toList()))
                .toList();
        return new FilingView(
                f.orderNo(),
                f.state().name(),
                f.statusCode(),
                f.statusInfo(),
                f.copNo(),
                f.invtNo(),
                f.attempts(),
                f.lastError(),
                f.createdAt(),
                f.updatedAt(),
                messages,
                receipts.stream().map(CustomsController::receipt).toList());
    }

    private static ReceiptView receipt(FilingStore.ReceiptRow r) {
        return new ReceiptView(
                r.msgType(), r.returnStatus(), r.returnInfo(), r.returnTime(), r.receivedAt(), r.source());
    }

    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ReceiptIntake.UnreadableReceiptException.class)
    ProblemDetail unreadable(ReceiptIntake.UnreadableReceiptException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "This is not a customs receipt we can read (" + e.getMessage()
                        + "). It was kept in quarantine for an operator.");
    }
}
