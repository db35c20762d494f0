package cn.eexpo.clearance.signing;

/** Signing could not be done (a key that does not fit, a provider failure); the message says which. */
public class SigningException extends RuntimeException {

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }

    public SigningException(String message) {
        super(message);
    }
}
