package cn.eexpo.orders.account;

/** An account with this e-mail address exists already. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("An account with this e-mail address exists already: sign in, or sign up with another address.");
    }
}
