package cn.eexpo.orders.identity;

/**
 * A buyer's real-name identity (订购人) as every other part of the module may see it: the ID number only masked, sealed
 * (AES-GCM, to be unsealed for the customs filing alone) and as a keyed hash (for quota look-ups).
 */
public record BuyerIdentity(
        long accountId, String name, String maskedIdNumber, String sealedIdNumber, String idNumberHash, String phone) {

    @Override
    public String toString() {
        return "BuyerIdentity[accountId=" + accountId + ", idNumber=" + maskedIdNumber + "]";
    }
}
