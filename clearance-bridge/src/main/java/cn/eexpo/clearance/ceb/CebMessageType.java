package cn.eexpo.clearance.ceb;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The import message types of the 202205 spec, by their root element name (which is also the DXP MsgType). */
public enum CebMessageType {
    CEB311("CEB311Message", "电子订单"),
    CEB312("CEB312Message", "电子订单回执"),
    CEB411("CEB411Message", "支付凭证"),
    CEB412("CEB412Message", "支付凭证回执"),
    CEB511("CEB511Message", "运单"),
    CEB512("CEB512Message", "运单回执"),
    CEB513("CEB513Message", "运单状态"),
    CEB514("CEB514Message", "运单状态回执"),
    CEB621("CEB621Message", "进口清单"),
    CEB622("CEB622Message", "进口清单回执"),
    CEB623("CEB623Message", "撤销申请单"),
    CEB624("CEB624Message", "撤销申请单回执"),
    CEB625("CEB625Message", "退货申请单"),
    CEB626("CEB626Message", "退货申请单回执"),
    CEB711("CEB711Message", "入库明细单"),
    CEB712("CEB712Message", "入库明细单回执"),
    CEB816("CEB816Message", "电子税单"),
    CEB818("CEB818Message", "电子税单状态"),
    CEB900("CEB900Message", "报文格式校验回执");

    private static final Map<String, CebMessageType> BY_ROOT =
            Arrays.stream(values()).collect(Collectors.toMap(CebMessageType::rootName, Function.identity()));

    private final String rootName;
    private final String title;

    CebMessageType(String rootName, String title) {
        this.rootName = rootName;
        this.title = title;
    }

    /** The root element's local name, e.g. {@code CEB311Message}; also the DXP {@code MsgType}. */
    public String rootName() {
        return rootName;
    }

    /** The spec's Chinese name of the message. */
    public String title() {
        return title;
    }

    public static Optional<CebMessageType> ofRootName(String rootName) {
        return Optional.ofNullable(BY_ROOT.get(rootName));
    }
}
