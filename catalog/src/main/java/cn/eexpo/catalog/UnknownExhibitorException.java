package cn.eexpo.catalog;

/** No exhibitor has the given code. */
public class UnknownExhibitorException extends RuntimeException {

    public UnknownExhibitorException(String exhibitorCode) {
        super("There is no exhibitor " + exhibitorCode + ".");
    }
}
