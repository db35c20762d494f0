package cn.eexpo.clearance.ceb;

import org.jspecify.annotations.Nullable;

/**
 * The transmitting enterprise ({@code BaseTransfer}, required in every outgoing message): {@code copCode} must match
 * the identity of the DXP access client, {@code dxpId} is the DXP user id issued by the e-port data centre.
 */
public record BaseTransfer(
        String copCode,
        String copName,
        String dxpMode,
        String dxpId,
        @Nullable String note) {

    /** The sender with {@code dxpMode} {@code DXP}, the only mode the spec names. */
    public static BaseTransfer dxp(String copCode, String copName, String dxpId) {
        return new BaseTransfer(copCode, copName, "DXP", dxpId, null);
    }
}
