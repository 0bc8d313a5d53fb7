package io.nautilus.marketdata.internal.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code nautilus-feed} Camel component: market-data sources as consumer endpoints,
 * {@code nautilus-feed:synthetic?...} (a seeded generated market) and {@code nautilus-feed:replay?file=...}
 * (a CSV file replayed at a speed factor). Their messages are the platform's tick maps, ready for
 * {@code nautilus-md:<feedId>}. See {@link FeedEndpoint} for the options.
 */
public final class FeedComponent extends DefaultComponent {

    /** The component's scheme. */
    public static final String SCHEME = "nautilus-feed";

    /** Creates the component. */
    public FeedComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FeedEndpoint.Kind kind;
        try {
            kind = FeedEndpoint.Kind.valueOf(remaining.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(uri + ": '" + remaining + "' is not synthetic or replay", e);
        }
        FeedEndpoint endpoint = new FeedEndpoint(uri, this, kind);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
