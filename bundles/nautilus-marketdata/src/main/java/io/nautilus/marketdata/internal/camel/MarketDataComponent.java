package io.nautilus.marketdata.internal.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code nautilus-md} Camel component: {@code nautilus-md:<feedId>?options} endpoints whose producer hands
 * each message to the market-data engine as a tick of that feed. See {@link MarketDataEndpoint} for the options.
 */
public final class MarketDataComponent extends DefaultComponent {

    /** The component's scheme. */
    public static final String SCHEME = "nautilus-md";

    private final IngestHandle ingest;

    /**
     * Creates the component.
     *
     * @param ingest where ticks go
     */
    public MarketDataComponent(IngestHandle ingest) {
        this.ingest = ingest;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": the feed id is missing (nautilus-md:<feedId>)");
        }
        MarketDataEndpoint endpoint = new MarketDataEndpoint(uri, this, remaining, ingest);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
