package cn.eexpo.sandbox.stripe;

import java.time.Instant;

/** An event the sandbox recorded: its type and the id of the object it is about. */
public record EventSnapshot(String id, String type, String objectId, Instant created) {}
