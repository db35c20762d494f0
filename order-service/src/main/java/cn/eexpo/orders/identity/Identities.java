package cn.eexpo.orders.identity;

import java.util.Optional;

/** Buyers' real-name identities: one per account, validated by the GB 11643 rules before it is stored. */
public interface Identities {

    Optional<BuyerIdentity> of(long accountId);

    /** Records or replaces the account's identity; refuses an invalid name, ID number or phone with a reason. */
    BuyerIdentity register(long accountId, String name, String idNumber, String phone);

    /** The plain ID number of a sealed one: for the customs filing only, never to be logged or shown. */
    String unseal(String sealedIdNumber);
}
