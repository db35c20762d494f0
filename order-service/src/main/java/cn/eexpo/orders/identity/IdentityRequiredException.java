package cn.eexpo.orders.identity;

/** The signed-in account has no real-name identity yet, and what it asked for needs one (a quota, an order). */
public class IdentityRequiredException extends RuntimeException {

    public IdentityRequiredException() {
        super("Register your real-name identity first (PUT /api/v1/me/identity with name, idNumber and phone): the"
                + " cross-border quota and customs filings belong to a buyer's ID number.");
    }
}
