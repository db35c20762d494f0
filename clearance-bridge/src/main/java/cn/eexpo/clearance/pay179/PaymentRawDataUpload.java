package cn.eexpo.clearance.pay179;

/**
 * Posts a signed 179 upload (form field {@code payExInfoStr}) to the customs {@code realTimeDataUpload} service
 * (production {@code customs.chinaport.gov.cn}, test {@code swapptest.singlewindow.cn}, path
 * {@code /ceb2grab/grab/realTimeDataUpload}). An adapter implements it; none is built yet.
 */
public interface PaymentRawDataUpload {

    Result upload(PayExchangeUpload.Signed upload);

    /** The service's answer: {@code 10000} uploaded, {@code 20000} failed, 20001–21000 other errors. */
    record Result(String code, String message, long serviceTime) {
        public boolean uploaded() {
            return "10000".equals(code);
        }
    }
}
