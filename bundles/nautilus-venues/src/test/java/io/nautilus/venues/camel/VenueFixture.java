package io.nautilus.venues.camel;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain Camel context with the venue components, a recording publisher and listeners. */
final class VenueFixture implements AutoCloseable {

    /** Prices at 2 decimals, quantities at 4. */
    static final Instrument BTC = new Instrument(InstrumentId.of("X-BTC"), "BTC-USD", VenueId.of("TEST"), 1, 1, 1, 2,
            4, "USD");

    final CamelContext context = new DefaultCamelContext();
    final List<CamelVenueGateway> published = new CopyOnWriteArrayList<>();
    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    final VenueGateways gateways;

    VenueFixture(Properties properties) {
        gateways = new VenueGateways(gateway -> {
            published.add(gateway);
            return () -> published.remove(gateway);
        }, VenueGateways.Instruments.of(List.of(BTC)));
        if (properties != null) {
            context.getPropertiesComponent().setInitialProperties(properties);
        }
        CamelVenueBinding.register(context, gateways);
    }

    /** The gateway of a venue, listened to by this fixture. */
    CamelVenueGateway listen(String venue) {
        CamelVenueGateway gateway = gateways.gateway(VenueId.of(venue));
        gateway.setListener(reports::add);
        gateway.setStateListener((v, from, to, reason) -> states.add(v + " " + from + "->" + to));
        return gateway;
    }

    static boolean usable(CamelVenueGateway gateway) {
        return gateway.state() == ConnectionState.LOGGED_ON;
    }

    @Override
    public void close() {
        context.stop();
    }
}
