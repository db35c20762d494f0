package cn.eexpo.orders.account;

import java.util.List;
import java.util.Optional;

/**
 * The signed-in buyer's address book: at most {@link AddressRules#MAX_ADDRESSES} addresses, one of them the default
 * (the first one added becomes it; deleting it makes the oldest remaining one the default). Every method works on the
 * account of the current request and refuses an anonymous one with an {@code AccessDeniedException}; another
 * account's address is answered as unknown.
 */
public interface Addresses {

    /** The default address first, then the others in the order they were added. */
    List<Address> mine();

    /** The default address, for checkout to start from; empty without one (or when no one is signed in). */
    Optional<Address> preferred();

    /**
     * Adds an address; refuses a bad field ({@link AddressRefusedException} naming it) and a full book (field
     * {@code addresses}).
     */
    Address add(AddressDetails details);

    Address update(long id, AddressDetails details);

    void delete(long id);

    /** Makes the address the default one (and the previous default an ordinary one). */
    Address makePreferred(long id);
}
