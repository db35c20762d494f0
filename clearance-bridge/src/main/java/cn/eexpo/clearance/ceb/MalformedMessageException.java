package cn.eexpo.clearance.ceb;

/** A well-formed XML document that is not the CEB message it should be; the message names the field. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }
}
