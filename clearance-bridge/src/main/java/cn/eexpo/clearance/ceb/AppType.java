package cn.eexpo.clearance.ceb;

/** 企业报送类型: a new declaration, or a change (the resubmission of an operator-corrected filing). */
public enum AppType {
    NEW("1"),
    CHANGE("2");

    private final String code;

    AppType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
