/**
 * XML plumbing shared by the clearance bridge: hardened parser factories ({@link cn.eexpo.clearance.xml.SecureXml})
 * and inclusive C14N 1.0 ({@link cn.eexpo.clearance.xml.Canonicalizer}), which is also how outgoing messages are
 * serialised, so that what is signed is byte for byte what is sent.
 */
@NullMarked
package cn.eexpo.clearance.xml;

import org.jspecify.annotations.NullMarked;
