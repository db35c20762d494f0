package cn.eexpo.sandbox.stripe;

import java.util.Map;

/** An object the sandbox keeps: listed newest first by its sequence number, rendered as Stripe's JSON. */
interface StoredObject {

    String id();

    long sequence();

    long created();

    Map<String, Object> toJson();
}
