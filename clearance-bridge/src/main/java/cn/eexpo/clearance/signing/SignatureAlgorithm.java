package cn.eexpo.clearance.signing;

/** The two signature methods the customs spec allows (§6.2.1.2), each with its digest method (§6.2.1.3.2). */
public enum SignatureAlgorithm {
    /** 通用算法: RSA with SHA-1 digests. */
    RSA_SHA1(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            "http://www.w3.org/2000/09/xmldsig#sha1",
            "SHA1withRSA",
            "SHA-1"),
    /** 国密算法 (preferred): SM2 signatures over SM3 digests. */
    SM2_SM3(
            "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3",
            "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3",
            "SM3withSM2",
            "SM3");

    private final String signatureMethod;
    private final String digestMethod;
    private final String jcaSignature;
    private final String jcaDigest;

    SignatureAlgorithm(String signatureMethod, String digestMethod, String jcaSignature, String jcaDigest) {
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
        this.jcaSignature = jcaSignature;
        this.jcaDigest = jcaDigest;
    }

    /** The {@code SignatureMethod Algorithm} URI. */
    public String signatureMethod() {
        return signatureMethod;
    }

    /** The {@code DigestMethod Algorithm} URI. */
    public String digestMethod() {
        return digestMethod;
    }

    /** The JCA signature name, e.g. {@code SM3withSM2}. */
    public String jcaSignature() {
        return jcaSignature;
    }

    /** The JCA digest name, e.g. {@code SM3}. */
    public String jcaDigest() {
        return jcaDigest;
    }
}
