package io.nautilus.venue.fix;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.venues.Venues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A FIX venue's reject text, end to end: QuickFIX/J acceptor → FIX gateway (Text(58)) → venue layer → the real
 * trading core's VENUE_REPORT → its execution report and order memory (what {@code nautilus:order} shows).
 */
class VenueRejectTextTest {

    private static final InstrumentId EXT = InstrumentId.of("EXT");
    private static final AccountId ACCOUNT = AccountId.of("desk-1");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private TestVenue venue;
    private FixVenueGateway gateway;
    private Venues venues;
    private TradingCoreManager core;

    @AfterEach
    void stop() {
        if (venues != null) {
            venues.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.close();
        }
        if (core != null) {
            RealCore.stop(core);
        }
    }

    private void start(String beginString) throws Exception {
        AtomicReference<Venues> layer = new AtomicReference<>();
        core = RealCore.start(dir.resolve("core"), reports::add, command -> layer.get().route(command),
                Map.of("EXT.priceScale", "2", "EXT.tickSize", "0.01", "EXT.lotSize", "1", "EXT.venue", "TEST-FIX",
                        "EXT.routing", "external"),
                Map.of("desk-1.stp", "none"), Map.of());
        venues = new Venues(core, core, new Venues.Settings(2_000, true));
        layer.set(venues);
        venue = new TestVenue(beginString);
        FixVenueSettings settings = FixVenueSettings.parse(Map.of("venue.id", "TEST-FIX", "begin.string",
                venue.beginString, "host", "127.0.0.1", "port", String.valueOf(venue.port), "sender.comp.id",
                TestVenue.OUR_COMP_ID, "target.comp.id", TestVenue.VENUE_COMP_ID, "reconnect.interval", "1",
                "logout.timeout.seconds", "1", "store.path", dir.resolve("store").toString()), null);
        gateway = new FixVenueGateway(settings, id -> id.equals(EXT) ? new InstrumentScales.Scales(2, 0) : null);
        venues.addGateway(gateway);
        gateway.connect();
        // the logon's reconciliation (told on the gateway's session thread) is done before the test's order goes out
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON
                && venues.venues().get(0).reconciliation().startsWith("ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void aFixVenuesRejectTextReachesTheCoresReportAndOrderMemory(String beginString) throws Exception {
        start(beginString);
        CommandResult submitted = core.submit(NewOrder.limit(5, ACCOUNT, null, EXT, Side.BUY, 10_150, 100))
                .get(10, TimeUnit.SECONDS);
        assertThat(submitted.accepted()).as(submitted.describe()).isTrue();
        long orderId = submitted.orderId();
        Message order = venue.next("D");

        Message reject = venue.report(order.getString(11), null, '8', '8', "EXT", '1', "0", "0", "0", null, null);
        reject.setInt(103, 0);
        reject.setString(58, "Unknown symbol EXT at this venue");
        venue.send(reject);

        await().atMost(WAIT).until(() -> core.orderHistory(orderId).map(OrderHistory::finished).orElse(false));
        OrderHistory remembered = core.orderHistory(orderId).orElseThrow();
        assertThat(remembered.state()).isEqualTo(OrderStatus.REJECTED);
        assertThat(remembered.reason()).isEqualTo("rejected by venue: Unknown symbol EXT at this venue");
        assertThat(remembered.reports()).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.PENDING_NEW, ExecType.REJECTED);
        assertThat(reports).filteredOn(r -> r.orderId() == orderId && r.execType() == ExecType.REJECTED)
                .singleElement().satisfies(r -> assertThat(r.text()).isEqualTo(remembered.reason()));
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.REJECTED))
                .extracting(OrderHistory::orderId).containsExactly(orderId);
    }
}
