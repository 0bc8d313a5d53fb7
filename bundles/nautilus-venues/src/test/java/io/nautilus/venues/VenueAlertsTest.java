package io.nautilus.venues;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The venue layer's alerts through a recording {@link AlertService}, between the real trading core and a scripted
 * venue: venue down and its resolve on logon, reconnect, failed closed, reconciliation, order rejects and refused
 * reports keyed {@code venue-reject:<venue>:...} with the venue label.
 */
class VenueAlertsTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final InstrumentId EXT = InstrumentId.of("EXT");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    final AtomicReference<Venues> layer = new AtomicReference<>();
    final RecordingAlertService alerts = new RecordingAlertService();
    TradingCoreManager core;
    Venues venues;
    ScriptedVenue venue = new ScriptedVenue("XV");
    long clientIds = 1;

    @BeforeEach
    void start() throws Exception {
        core = RealCore.start(dir.resolve("core"), reports::add, command -> layer.get().route(command),
                Map.of("EXT.priceScale", "2", "EXT.tickSize", "0.01", "EXT.lotSize", "1", "EXT.venue", "XV",
                        "EXT.routing", "external"),
                Map.of("alice.stp", "none"), Map.of());
        VenueAlerts venueAlerts = new VenueAlerts();
        venueAlerts.bind(alerts);
        venues = new Venues(core, core, new Venues.Settings(2_000, true), venueAlerts);
        layer.set(venues);
        venues.addGateway(venue);
    }

    @AfterEach
    void stop() {
        venues.close();
        RealCore.stop(core);
    }

    long buy(long price, long qty) throws Exception {
        CommandResult r = core.submit(NewOrder.limit(clientIds++, ALICE, null, EXT, Side.BUY, price, qty))
                .get(10, TimeUnit.SECONDS);
        assertThat(r.accepted()).as(r.describe()).isTrue();
        return r.orderId();
    }

    List<ExecType> typesOf(long orderId) {
        return reports.stream().filter(r -> r.orderId() == orderId).map(ExecutionReport::execType).toList();
    }

    @Test
    void aDisconnectIsACriticalVenueDownResolvedByTheNextLogon() {
        venue.setState(ConnectionState.DOWN);

        Alert down = alerts.raised("venue-down:").get(0);
        assertThat(down.key()).isEqualTo("venue-down:XV");
        assertThat(down.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(down.source()).isEqualTo(AlertService.VENUES);
        assertThat(down.labels()).containsEntry(Alert.VENUE, "XV");
        assertThat(down.text()).contains("DOWN", "was LOGGED_ON");

        venue.setState(ConnectionState.LOGGED_ON);

        assertThat(alerts.resolved()).contains("venue-down:XV | venue XV logged on");
        assertThat(alerts.raised("venue-reconnected:XV")).singleElement()
                .extracting(Alert::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void aFirstLogonIsNoReconnectAndDegradedIsAWarning() {
        venue.setState(ConnectionState.DEGRADED);
        venue.setState(ConnectionState.LOGGED_ON);

        assertThat(alerts.raised("venue-degraded:XV")).singleElement()
                .extracting(Alert::severity).isEqualTo(Severity.WARNING);
        assertThat(alerts.raised("venue-down:")).isEmpty();
        assertThat(alerts.raised("venue-reconnected:")).isEmpty();
        assertThat(alerts.resolved()).contains("venue-degraded:XV | venue XV logged on");
    }

    @Test
    void ordersRefusedWhileTheVenueIsDownAreVenueRejectsTheShippedInhibitionMatches() throws Exception {
        venue.setState(ConnectionState.DOWN);
        long refused = buy(10_000, 10);
        await().atMost(WAIT).until(() -> typesOf(refused).contains(ExecType.REJECTED));

        Alert reject = alerts.raised("venue-reject:").get(0);
        assertThat(reject.key()).isEqualTo("venue-reject:XV:unavailable");
        assertThat(reject.key()).matches("venue-reject:.*");
        assertThat(reject.labels()).containsEntry(Alert.VENUE, "XV").containsEntry(Alert.ACCOUNT, "alice")
                .containsEntry(Alert.INSTRUMENT, "EXT");
        assertThat(alerts.raised("venue-down:").get(0).labels().get(Alert.VENUE))
                .as("inhibit.1.equal = venue").isEqualTo(reject.labels().get(Alert.VENUE));
    }

    @Test
    void aVenueRejectRaisesOneAlertPerReject() throws Exception {
        long first = buy(10_000, 10);
        long second = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 2);

        venue.rejectNew(first, "insufficient buying power");
        venue.rejectNew(second, "insufficient buying power");
        await().atMost(WAIT).until(() -> core.order(second).isEmpty());

        assertThat(alerts.raised("venue-reject:XV:rejected")).hasSize(2).first().satisfies(a -> {
            assertThat(a.text()).contains("insufficient buying power", "order " + first);
            assertThat(a.labels()).containsEntry(Alert.VENUE, "XV").containsEntry(Alert.ACCOUNT, "alice");
        });
    }

    @Test
    void failingClosedIsCriticalAndASuccessfulReconciliationResolvesIt() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.fill(id, 10_000, 4, false);
        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 4).orElse(false));
        venue.book.get(id).cum = 2;

        venues.reconcile("XV");

        Alert closed = alerts.raised("venue-failed-closed:").get(0);
        assertThat(closed.key()).isEqualTo("venue-failed-closed:XV");
        assertThat(closed.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(closed.text()).contains("the venue has 2 filled, the core 4");

        venue.book.get(id).cum = 4;
        venues.reconcile("XV");

        assertThat(alerts.resolved()).anyMatch(r -> r.startsWith("venue-failed-closed:XV | venue XV reconciled: ok"));
        assertThat(alerts.raised("venue-reconciled:XV")).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("trading resumed"));
    }

    @Test
    void aReconciliationThatFindsNothingRaisesNothing() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.ack(id);
        await().atMost(WAIT).until(() -> typesOf(id).contains(ExecType.NEW));

        assertThat(venues.reconcile("XV")).contains("ok");

        assertThat(alerts.raised()).isEmpty();
    }

    @Test
    void aReportTheCoreRefusesIsAVenueReject() throws Exception {
        long id = buy(10_000, 3);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.fill(id, 10_000, 2, false);
        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 2).orElse(false));

        venue.fillAsReported(id, 10_000, 2, 4, 0);

        await().atMost(WAIT).until(() -> !alerts.raised("venue-failed-closed:XV").isEmpty());
        assertThat(alerts.raised("venue-reject:XV:report-refused")).singleElement()
                .satisfies(a -> assertThat(a.labels()).containsEntry(Alert.VENUE, "XV"));
    }
}
