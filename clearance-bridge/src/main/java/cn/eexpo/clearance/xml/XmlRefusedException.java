package cn.eexpo.clearance.xml;

/** XML that was refused: not well-formed, or carrying a DTD or entities. The message says where and why. */
public class XmlRefusedException extends RuntimeException {

    public XmlRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    public XmlRefusedException(String message) {
        super(message);
    }
}
