package cn.eexpo.catalog.search;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import org.jspecify.annotations.Nullable;

/** The Elasticsearch client's transport over {@link BlockingHttpClient}. */
final class BlockingTransport extends ElasticsearchTransportBase {

    BlockingTransport(BlockingHttpClient http, JsonpMapper mapper) {
        super(http, null, mapper);
    }

    private BlockingTransport(
            BlockingHttpClient http,
            @Nullable TransportOptions options,
            JsonpMapper mapper,
            Instrumentation instrumentation) {
        super(http, options, mapper, instrumentation);
    }

    @Override
    protected ElasticsearchTransportBase cloneWith(
            @Nullable TransportOptions options,
            @Nullable JsonpMapper mapper,
            @Nullable Instrumentation instrumentation) {
        return new BlockingTransport(
                (BlockingHttpClient) httpClient,
                options != null ? options : transportOptions,
                mapper != null ? mapper : this.mapper,
                instrumentation != null ? instrumentation : this.instrumentation);
    }
}
