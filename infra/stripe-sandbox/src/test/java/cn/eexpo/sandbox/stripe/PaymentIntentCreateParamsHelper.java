package cn.eexpo.sandbox.stripe;

import com.stripe.param.PaymentIntentCreateParams;

/** The parameters Stripe needs for a WeChat Pay payment on a web page. */
final class PaymentIntentCreateParamsHelper {

    private PaymentIntentCreateParamsHelper() {}

    static PaymentIntentCreateParams.PaymentMethodData wechat() {
        return PaymentIntentCreateParams.PaymentMethodData.builder()
                .setType(PaymentIntentCreateParams.PaymentMethodData.Type.WECHAT_PAY)
                .build();
    }

    static PaymentIntentCreateParams.PaymentMethodOptions wechatWeb() {
        return PaymentIntentCreateParams.PaymentMethodOptions.builder()
                .setWechatPay(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder()
                        .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.WEB)
                        .build())
                .build();
    }
}
