package cn.eexpo.clearance.receipt;

import cn.eexpo.clearance.ceb.CebMessageType;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One customs receipt (回执) for one filed document. Which keys are present depends on the type: 312 has
 * orderNo/ebpCode/ebcCode, 622/624/626 copNo/preNo/invtNo (and customsCode, ebp/ebc, agentCode), 412
 * payCode/payTransactionId, 512/514 logisticsCode/logisticsNo, 900 the original message's id and type.
 *
 * @param guid the receipt's guid (the e-port's; for 900 the original message's)
 * @param returnStatus e.g. {@code 2} declared, {@code 120} accepted, {@code 399}/{@code 800} released, {@code 100}
 *     rejected; negative (e.g. {@code -621005}) for a processing error. Kept as sent.
 * @param returnTime {@code yyyyMMddHHmmssSSS} as sent
 * @param returnInfo the reason or note, e.g. {@code 新增申报成功[guid]}
 */
public record Receipt(
        CebMessageType type,
        String guid,
        @Nullable String orderNo,
        @Nullable String copNo,
        @Nullable String preNo,
        @Nullable String invtNo,
        @Nullable String ebpCode,
        @Nullable String ebcCode,
        @Nullable String agentCode,
        @Nullable String customsCode,
        @Nullable String payCode,
        @Nullable String payTransactionId,
        @Nullable String logisticsCode,
        @Nullable String logisticsNo,
        @Nullable String logisticsStatus,
        String returnStatus,
        String returnTime,
        String returnInfo,
        @Nullable String originalCopMsgId,
        @Nullable String originalMessageType) {

    private static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

    /** The status as a number when it is one (all documented statuses are). */
    public Optional<Integer> status() {
        try {
            return Optional.of(Integer.parseInt(returnStatus.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A negative status: customs could not process the document (format, signature, limits…). */
    public boolean isError() {
        return status().map(s -> s < 0).orElse(false);
    }

    /** {@code returnTime} as China local time, when it has the documented 17-digit form. */
    public Optional<LocalDateTime> returnedAt() {
        try {
            return Optional.of(LocalDateTime.parse(returnTime.strip(), RETURN_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
