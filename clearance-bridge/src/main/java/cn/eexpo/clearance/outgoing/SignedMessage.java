package cn.eexpo.clearance.outgoing;

import cn.eexpo.clearance.ceb.CebMessage;

/** A message signed and validated against the XSD: {@code xml} is exactly what is sent (UTF-8). */
public record SignedMessage(CebMessage message, byte[] xml) {

    @Override
    public byte[] xml() {
        return xml.clone();
    }

    @Override
    public String toString() {
        return "SignedMessage[" + message.type() + " " + message.guid() + ", " + xml.length + " bytes]";
    }
}
