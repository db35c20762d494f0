package cn.eexpo.orders.identity;

/** An identity key is missing or malformed: the application must not start without a usable one. */
class IdentityKeyException extends IllegalStateException {

    private final String action;

    IdentityKeyException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    String action() {
        return action;
    }
}
