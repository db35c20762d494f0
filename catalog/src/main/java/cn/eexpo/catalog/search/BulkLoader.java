package cn.eexpo.catalog.search;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a new index with a full rebuild's documents: NDJSON bulk requests of about {@code maxBytes}, each sent in one
 * piece with its length, up to {@code inFlight} at a time; adding blocks while that many are on the node, so memory
 * stays bounded. Only errors come back ({@code filter_path}): a million per-item acknowledgements cost the client about
 * as much as reading the documents. A request rejected for load (429, whole or for some items) is sent again after a
 * pause; every operation indexes a document under its SKU, so sending one twice changes nothing.
 */
final class BulkLoader implements AutoCloseable {

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");
    private static final int ATTEMPTS = 7;

    private final Rest5Client client;
    private final String endpoint;
    private final int maxBytes;
    private final int inFlight;
    private final Semaphore slots;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private long waitedNanos;
    private byte[] buffer;
    private int length;
    private int documents;

    BulkLoader(Rest5Client client, String index, int maxBytes, int inFlight) {
        this.client = client;
        this.endpoint = "/" + index + "/_bulk";
        this.maxBytes = maxBytes;
        this.inFlight = inFlight;
        this.slots = new Semaphore(inFlight);
        this.buffer = new byte[maxBytes + maxBytes / 8];
    }

    /** Adds the document {@code json} under the id {@code id}; sends a request when the buffer is full. */
    void add(String id, byte[] json) throws IOException {
        if (failure.get() != null) {
            throw new IOException("bulk indexing failed, first error " + failure.get());
        }
        append("{\"index\":{\"_id\":\"".getBytes(StandardCharsets.UTF_8));
        append(JsonStringEncoder.getInstance().quoteAsUTF8(id));
        append("\"}}\n".getBytes(StandardCharsets.UTF_8));
        append(json);
        append(new byte[] {'\n'});
        documents++;
        if (length >= maxBytes) {
            send();
        }
    }

    /** How long adding waited for a request slot: the time the node, not the reader, set the pace. */
    long waitedNanos() {
        return waitedNanos;
    }

    /** Sends what is left, waits for every request and returns how many documents were indexed. */
    int finish() throws IOException {
        if (documents > 0) {
            send();
        }
        acquire(inFlight);
        slots.release(inFlight);
        if (failure.get() != null) {
            throw new IOException("bulk indexing failed, first error " + failure.get());
        }
        return Math.toIntExact(indexed.get());
    }

    @Override
    public void close() {
        senders.close();
    }

    private void append(byte[] bytes) {
        if (length + bytes.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void send() throws IOException {
        acquire(1);
        byte[] body = buffer;
        int bodyLength = length;
        int count = documents;
        buffer = new byte[maxBytes + maxBytes / 8];
        length = 0;
        documents = 0;
        senders.execute(() -> {
            try {
                sendWithRetries(body, bodyLength, count);
            } finally {
                slots.release();
            }
        });
    }

    private void acquire(int permits) throws IOException {
        long start = System.nanoTime();
        try {
            slots.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while bulk indexing", e);
        }
        waitedNanos += System.nanoTime() - start;
    }

    private void sendWithRetries(byte[] body, int bodyLength, int count) {
        try {
            for (int attempt = 1; ; attempt++) {
                Request request = new Request("POST", endpoint);
                request.addParameter("filter_path", "errors,items.*.status,items.*.error.reason");
                request.setEntity(new ByteArrayEntity(body, 0, bodyLength, NDJSON));
                String rejected;
                try {
                    JsonNode result;
                    try (InputStream response =
                            client.performRequest(request).getEntity().getContent()) {
                        result = JsonMapper.shared().readTree(response);
                    }
                    if (!result.path("errors").asBoolean()) {
                        indexed.addAndGet(count);
                        return;
                    }
                    rejected = rejectedForLoad(result);
                    if (rejected == null) {
                        return;
                    }
                } catch (ResponseException e) {
                    if (e.getResponse().getStatusCode() != 429) {
                        throw e;
                    }
                    rejected = e.getMessage();
                }
                if (attempt == ATTEMPTS) {
                    failure.compareAndSet(null, "still rejected after " + ATTEMPTS + " attempts: " + rejected);
                    return;
                }
                Thread.sleep(200L << Math.min(attempt - 1, 5));
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
        }
    }

    /**
     * Of a bulk response with errors: the reason to send it again when every failed item was rejected for load (429);
     * otherwise null, with the first other error recorded as the failure.
     */
    private @Nullable String rejectedForLoad(JsonNode result) {
        String rejected = null;
        for (JsonNode item : result.path("items")) {
            for (JsonNode outcome : item) {
                if (!outcome.has("error")) {
                    continue;
                }
                String reason = outcome.path("error").path("reason").asString();
                if (outcome.path("status").asInt() != 429) {
                    failure.compareAndSet(null, reason);
                    return null;
                }
                rejected = reason;
            }
        }
        if (rejected == null) {
            failure.compareAndSet(null, "a bulk response reported errors without naming one");
        }
        return rejected;
    }
}
