package io.nautilus.marketdata.internal.camel;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.MarketDataEngine;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** A market-data engine over SIM-BTC and SIM-ETH with a plain Camel context holding the components. */
final class CamelFixture implements AutoCloseable {

    /** Prices at 2 decimals, quantities at 4. */
    static final Instrument BTC = new Instrument(InstrumentId.of("SIM-BTC"), "SIM-BTC", VenueId.of("SIM"), 1, 1, 1,
            2, 4, "USD");
    /** Prices at 2 decimals, quantities at 3. */
    static final Instrument ETH = new Instrument(InstrumentId.of("SIM-ETH"), "SIM-ETH", VenueId.of("SIM"), 1, 1, 1,
            2, 3, "USD");

    final MarketDataEngine engine;
    final CamelContext context;

    CamelFixture(MarketDataConfig config, Properties properties) {
        engine = new MarketDataEngine(List.of(BTC, ETH), config);
        context = new DefaultCamelContext();
        if (properties != null) {
            context.getPropertiesComponent().setInitialProperties(properties);
        }
        CamelFeedBinding.register(context, new IngestHandle(engine));
        context.start();
    }

    CamelFixture() {
        this(MarketDataConfig.defaults(), null);
    }

    /** Loads a route file shipped in src/main/resources/routes. */
    void loadShippedRoutes(String name) throws Exception {
        String yaml;
        try (InputStream in = CamelFixture.class.getResourceAsStream("/routes/" + name)) {
            if (in == null) {
                throw new IOException("no route file routes/" + name);
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Resource resource = ResourceHelper.fromString(name, yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }

    FeedStats stats(String feedId) {
        engine.awaitProcessed(10_000);
        return engine.feedStats().stream().filter(s -> s.feedId().equals(feedId)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        context.stop();
        try {
            engine.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
