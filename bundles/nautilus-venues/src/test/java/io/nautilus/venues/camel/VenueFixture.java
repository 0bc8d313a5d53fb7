package io.nautilus.venues.camel;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A plain Camel context with the venue components, a recording publisher and listeners. */
final class VenueFixture implements AutoCloseable {

    /** Prices at 2 decimals, quantities at 4. */
    static final Instrument BTC = new Instrument(InstrumentId.of("X-BTC"), "BTC-USD", VenueId.of("TEST"), 1, 1, 1, 2,
            4, "USD");

    private static final Duration WAIT = Duration.ofSeconds(10);

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

    /** The reports once at least {@code count} arrived (listeners run on the gateway's session thread). */
    List<ExecutionReport> reports(int count) {
        await().atMost(WAIT).until(() -> reports.size() >= count);
        return reports;
    }

    /** The report at an index, once it arrived. */
    ExecutionReport report(int index) {
        return reports(index + 1).get(index);
    }

    /** The state changes heard once at least {@code count} arrived. */
    List<String> states(int count) {
        await().atMost(WAIT).until(() -> states.size() >= count);
        return states;
    }

    static boolean usable(CamelVenueGateway gateway) {
        return gateway.state() == ConnectionState.LOGGED_ON;
    }

    @Override
    public void close() {
        context.stop();
    }
}
