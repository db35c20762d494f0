package cn.eexpo.clearance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Customs receipts as the e-port writes them (default namespace, as in the official samples). */
public final class TestReceipts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private TestReceipts() {}

    public static String guid() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    public static byte[] ceb312(String guid, String orderNo, String status, String info) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB312Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%1$s" version="1.0">
                  <OrderReturn>
                    <guid>%1$s</guid><ebpCode>4101660000</ebpCode><ebcCode>4101964A01</ebcCode>
                    <orderNo>%2$s</orderNo><returnStatus>%3$s</returnStatus><returnTime>%4$s</returnTime>
                    <returnInfo>%5$s</returnInfo>
                  </OrderReturn>
                </CEB312Message>
                """).formatted(guid, orderNo, status, now(), info).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] ceb622(String guid, String copNo, String invtNo, String status, String info) {
        return list("CEB622Message", "InventoryReturn", guid, copNo, invtNo, status, info);
    }

    public static byte[] ceb624(String guid, String copNo, String invtNo, String status, String info) {
        return list("CEB624Message", "InvtCancelReturn", guid, copNo, invtNo, status, info);
    }

    public static byte[] ceb626(String guid, String copNo, String invtNo, String status, String info) {
        return list("CEB626Message", "InvtRefundReturn", guid, copNo, invtNo, status, info);
    }

    public static byte[] ceb900(String guid, String originalGuid, String originalType, String status, String info) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB900Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%1$s" version="1.0">
                  <MessageReturn>
                    <guid>%1$s</guid><returnStatus>%4$s</returnStatus><returnInfo>%5$s</returnInfo>
                    <returnTime>%6$s</returnTime><oriCopMsgId>%2$s</oriCopMsgId><oriMessageType>%3$s</oriMessageType>
                    <oriBizMessage></oriBizMessage>
                  </MessageReturn>
                </CEB900Message>
                """)
                .formatted(guid, originalGuid, originalType, status, info, now())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A CEB816 electronic tax bill for one list: VAT only, on one line. */
    public static byte[] ceb816(String guid, String invtNo, String vat) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB816Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%1$s" version="1.0">
                  <Tax>
                    <TaxHeadRd>
                      <guid>%1$s</guid><returnTime>%4$s</returnTime><invtNo>%2$s</invtNo><taxNo>%2$s-T</taxNo>
                      <customsTax>0</customsTax><valueAddedTax>%3$s</valueAddedTax><consumptionTax>0</consumptionTax>
                      <status>1</status><customsCode>4600</customsCode>
                    </TaxHeadRd>
                    <TaxListRd>
                      <gnum>1</gnum><gcode>0402290000</gcode><taxPrice>100</taxPrice><customsTax>0</customsTax>
                      <valueAddedTax>%3$s</valueAddedTax><consumptionTax>0</consumptionTax>
                    </TaxListRd>
                  </Tax>
                </CEB816Message>
                """).formatted(guid, invtNo, vat, now()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] list(
            String root, String node, String guid, String copNo, String invtNo, String status, String info) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <%1$s xmlns="http://www.chinaport.gov.cn/ceb" guid="%3$s" version="1.0">
                  <%2$s>
                    <guid>%3$s</guid><customsCode>4600</customsCode><ebpCode>4101660000</ebpCode>
                    <ebcCode>4101964A01</ebcCode><agentCode>4101980009</agentCode><copNo>%4$s</copNo>
                    <preNo>B2026112800000%5$s</preNo><invtNo>%6$s</invtNo><returnStatus>%7$s</returnStatus>
                    <returnTime>%8$s</returnTime><returnInfo>%9$s</returnInfo>
                  </%2$s>
                </%1$s>
                """)
                .formatted(root, node, guid, copNo, copNo.substring(copNo.length() - 4), invtNo, status, now(), info)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String now() {
        return LocalDateTime.now().format(TIME);
    }
}
