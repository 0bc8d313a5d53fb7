package io.nautilus.venues;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.OrderFilter;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The venue layer between the real trading core and a scripted venue: routing, report mapping, reconciliation after a
 * reconnect, failing closed.
 */
class VenuesTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final InstrumentId EXT = InstrumentId.of("EXT");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    final AtomicReference<Venues> layer = new AtomicReference<>();
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
        venues = new Venues(core, core, new Venues.Settings(2_000, true));
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
    void ordersReachTheVenueAndItsReportsReachTheCore() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        assertThat(venue.news.get(0).clientOrderId()).as("the core's order id is the venue's id").isEqualTo(id);
        assertThat(venue.news.get(0).price()).isEqualTo(10_000);

        venue.ack(id);
        venue.fill(id, 9_990, 4, false);
        venue.fill(id, 10_000, 6, true);

        await().atMost(WAIT).until(() -> typesOf(id).contains(ExecType.FILL));
        assertThat(typesOf(id)).containsExactly(ExecType.PENDING_NEW, ExecType.NEW, ExecType.PARTIAL_FILL,
                ExecType.FILL);
        assertThat(core.position(ALICE, EXT).orElseThrow().quantity()).isEqualTo(10);
        assertThat(venues.venues()).singleElement().satisfies(s -> {
            assertThat(s.commandsSent()).isEqualTo(1);
            assertThat(s.reportsApplied()).isEqualTo(3);
            assertThat(s.duplicateFills()).isZero();
            assertThat(s.failures()).isZero();
        });
    }

    @Test
    void aCancelGoesOutWithItsOwnIdAndTheVenuesAnswerApplies() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.ack(id);

        core.cancel(id).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> venue.cancels.size() == 1);
        long request = venue.cancels.get(0).clientOrderId();
        assertThat(venue.cancels.get(0).origClientOrderId()).isEqualTo(id);
        assertThat(VenueClientOrderIds.orderId(request)).isEqualTo(id);

        venue.cancelRejected(request, id);
        await().atMost(WAIT).until(() -> venues.venues().get(0).reportsRefused() == 1);
        assertThat(core.order(id)).as("a refused cancel leaves the order working").isPresent();

        core.cancel(id).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> venue.cancels.size() == 2);
        long second = venue.cancels.get(1).clientOrderId();
        assertThat(second).isNotEqualTo(request);
        venue.canceled(second, id);
        await().atMost(WAIT).until(() -> core.order(id).isEmpty());
        assertThat(reports).filteredOn(r -> r.orderId() == id && r.execType() == ExecType.CANCELED)
                .extracting(ExecutionReport::cancelReason).containsExactly(CancelReason.USER);
    }

    @Test
    void anUnusableVenueRefusesAtOnceAndAVenueRejectReachesTheOrder() throws Exception {
        venue.state = ConnectionState.DOWN;
        long refused = buy(10_000, 10);
        await().atMost(WAIT).until(() -> typesOf(refused).contains(ExecType.REJECTED));
        assertThat(reports).filteredOn(r -> r.orderId() == refused && r.execType() == ExecType.REJECTED)
                .singleElement().satisfies(r -> {
                    assertThat(r.rejectReason()).isEqualTo(RejectReason.VENUE_REJECT);
                    assertThat(r.text()).contains("venue unavailable").contains("DOWN");
                });

        venue.state = ConnectionState.LOGGED_ON;
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.rejectNew(id, "insufficient buying power");
        await().atMost(WAIT).until(() -> core.order(id).isEmpty());
        assertThat(reports).filteredOn(r -> r.orderId() == id && r.execType() == ExecType.REJECTED)
                .singleElement().satisfies(r -> assertThat(r.text()).contains("insufficient buying power"));
    }

    @Test
    void afterAReconnectFillsMissedWhileDownAreAppliedAndOrdersTheVenueNeverGotRejected() throws Exception {
        long filledWhileDown = buy(10_000, 10);
        long forgotten = buy(10_100, 5);
        long untouched = buy(10_200, 3);
        await().atMost(WAIT).until(() -> venue.news.size() == 3);
        venue.ack(filledWhileDown);
        venue.ack(untouched);
        await().atMost(WAIT).until(() -> typesOf(untouched).contains(ExecType.NEW));

        venue.setState(ConnectionState.DOWN);
        venue.fill(filledWhileDown, 9_995, 6, true);
        venue.book.remove(forgotten);
        venue.setState(ConnectionState.LOGGED_ON);

        await().atMost(WAIT).until(() -> venues.venues().get(0).reconciliation().startsWith("ok"));
        assertThat(venue.queries).hasSize(3);
        assertThat(core.order(filledWhileDown).orElseThrow().filledQuantity()).isEqualTo(6);
        assertThat(core.position(ALICE, EXT).orElseThrow().averagePrice()).isEqualTo(9_995);
        assertThat(core.order(forgotten)).isEmpty();
        assertThat(core.order(untouched).orElseThrow().filledQuantity()).isZero();
        assertThat(reports).filteredOn(r -> r.orderId() == forgotten && r.execType() == ExecType.REJECTED)
                .singleElement().satisfies(r -> assertThat(r.text()).contains("does not know the order")
                        .contains("unknown order"));
        assertThat(venues.venues().get(0).reconciliation()).contains("3 order(s) checked", "1 missed fill(s)",
                "1 order(s) finished");
        assertThat(core.tradingStates()).noneMatch(s -> s.state() == CoreTradingState.HALTED);
    }

    @Test
    void anAcknowledgedOrderTheVenueForgotIsCanceledAndOneWithFillsFailsClosed() throws Exception {
        long forgotten = buy(10_000, 5);
        long filled = buy(10_000, 5);
        await().atMost(WAIT).until(() -> venue.news.size() == 2);
        venue.ack(forgotten);
        venue.fill(filled, 10_000, 2, false);
        await().atMost(WAIT).until(() -> core.order(filled).map(o -> o.filledQuantity() == 2).orElse(false));
        venue.book.remove(forgotten);

        assertThat(venues.reconcile("XV")).contains("ok", "1 order(s) finished");
        assertThat(typesOf(forgotten)).contains(ExecType.CANCELED);

        venue.book.remove(filled);
        assertThat(venues.reconcile("XV")).contains("FAILED", "the venue does not know the order",
                "the core has 2 filled");
        assertThat(venues.venues().get(0).failedClosed()).isTrue();
    }

    @Test
    void aFillBookedByReconciliationIsNotAppliedAgainWhenItArrivesLate() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.ack(id);
        venue.setState(ConnectionState.DOWN);
        venue.fill(id, 10_000, 4, false);          // missed: reconciliation books it
        venue.setState(ConnectionState.LOGGED_ON);
        await().atMost(WAIT).until(() -> venues.venues().get(0).reconciliation().startsWith("ok"));
        assertThat(core.order(id).orElseThrow().filledQuantity()).isEqualTo(4);

        venue.redeliverLastFill();                  // the same fill, late (resent by the venue)
        venue.fill(id, 10_100, 6, false);           // the rest, live
        await().atMost(WAIT).until(() -> core.order(id).isEmpty());
        assertThat(core.position(ALICE, EXT).orElseThrow().quantity()).isEqualTo(10);
        assertThat(venues.venues().get(0).reportsRefused()).isZero();
        assertThat(venues.venues().get(0).failedClosed()).isFalse();
        assertThat(venues.duplicateFills("XV")).isEqualTo(1);
        assertThat(venues.venues().get(0).duplicateFills()).isEqualTo(1);
        assertThat(venues.venues().get(0).failures()).isZero();
    }

    @Test
    void aFillResentAfterItArrivedLiveIsAppliedOnceAndCountedAsADuplicate() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.fill(id, 10_000, 4, false);
        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 4).orElse(false));

        venue.redeliverLastFill();                  // resent with PossDupFlag after a gap

        await().atMost(WAIT).until(() -> venues.venues().get(0).duplicateFills() == 1);
        assertThat(core.order(id).orElseThrow().filledQuantity()).isEqualTo(4);
        assertThat(core.position(ALICE, EXT).orElseThrow().quantity()).isEqualTo(4);
        VenueStatus status = venues.venues().get(0);
        assertThat(status.reportsApplied()).as("the live fill only").isEqualTo(1);
        assertThat(status.reportsRefused()).isZero();
        assertThat(status.failures()).isZero();
        assertThat(status.failedClosed()).isFalse();
    }

    @Test
    void aFillPartlyAppliedAlreadyAppliesOnlyTheRestAndCountsAsADuplicate() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.fill(id, 10_000, 4, false);
        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 4).orElse(false));

        venue.fillAsReported(id, 10_000, 5, 7, 3);  // 5 of which the core has 2: cumulative 7

        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 7).orElse(false));
        assertThat(venues.duplicateFills("XV")).isEqualTo(1);
        assertThat(venues.venues().get(0).duplicateFills()).isEqualTo(1);
        assertThat(core.position(ALICE, EXT).orElseThrow().quantity()).isEqualTo(7);
    }

    @Test
    void aVenueThatContradictsTheCoreIsFailedClosedUntilItReconcilesAgain() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.fill(id, 10_000, 4, false);
        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 4).orElse(false));
        venue.book.get(id).cum = 2; // the venue now claims less than it reported

        String outcome = venues.reconcile("XV");

        assertThat(outcome).contains("FAILED").contains("the venue has 2 filled, the core 4")
                .contains("trading on the venue stopped");
        VenueStatus status = venues.venues().get(0);
        assertThat(status.failedClosed()).isTrue();
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.reconciliation()).startsWith("FAILED: ").contains("the venue has 2 filled, the core 4");
        long blocked = buy(10_000, 1);
        await().atMost(WAIT).until(() -> typesOf(blocked).contains(ExecType.REJECTED));
        assertThat(reports).filteredOn(r -> r.orderId() == blocked && r.execType() == ExecType.REJECTED)
                .singleElement().satisfies(r -> assertThat(r.text()).contains("failed closed"));
        assertThat(venue.news).as("nothing new reaches the venue").hasSize(1);
        core.cancel(id).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> venue.cancels.size() == 1);
        assertThat(core.order(id).orElseThrow().filledQuantity()).as("nothing guessed").isEqualTo(4);
        assertThat(core.tradingStates()).noneMatch(s -> s.state() == CoreTradingState.HALTED);

        venue.book.get(id).cum = 4; // the venue's view is right again
        assertThat(venues.reconcile("XV")).contains("ok").contains("trading resumed");
        assertThat(venues.venues().get(0).failedClosed()).isFalse();
        assertThat(venues.venues().get(0).failures()).as("counted since start, not reset by a success")
                .isEqualTo(1);
        assertThat(venues.failures("XV")).isEqualTo(1);
        buy(10_000, 1);
        await().atMost(WAIT).until(() -> venue.news.size() == 2);
    }

    @Test
    void aVenueThatDoesNotAnswerIsFailedClosed() throws Exception {
        buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.answerStatus = false;

        String outcome = venues.reconcile("XV");

        assertThat(outcome).contains("1 of 1 order status requests unanswered");
        assertThat(venues.venues().get(0).failedClosed()).isTrue();
    }

    @Test
    void anOverfillReportedAtRunTimeFailsTheVenueClosed() throws Exception {
        long id = buy(10_000, 3);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.fill(id, 10_000, 2, false);
        await().atMost(WAIT).until(() -> core.order(id).map(o -> o.filledQuantity() == 2).orElse(false));

        venue.fillAsReported(id, 10_000, 2, 4, 0); // 2 more of an order with 1 open

        await().atMost(WAIT).until(() -> venues.venues().get(0).failedClosed());
        assertThat(venues.venues().get(0).failures()).isEqualTo(1);
        assertThat(core.position(ALICE, EXT).orElseThrow().quantity()).isEqualTo(2);
        assertThat(core.order(id).orElseThrow().openQuantity()).isEqualTo(1);
    }

    @Test
    void anOperatorReconciliationOfADownVenueIsRefusedAndLeavesItsStateAlone() throws Exception {
        long id = buy(10_000, 10);
        await().atMost(WAIT).until(() -> venue.news.size() == 1);
        venue.setState(ConnectionState.DOWN);

        assertThatIllegalStateException().isThrownBy(() -> venues.reconcile("XV"))
                .withMessageContaining("venue XV is DOWN").withMessageContaining("next logon reconciles");
        assertThat(venues.venues().get(0).failedClosed()).isFalse();
        assertThat(core.order(id)).isPresent();
    }

    @Test
    void operatorRequestsNameUnknownVenuesClearly() {
        assertThatIllegalArgumentException().isThrownBy(() -> venues.reconcile("NOPE"))
                .withMessageContaining("no venue NOPE");
        assertThat(venues.disconnect("XV")).contains("disconnecting");
        assertThat(core.orders(OrderFilter.ALL)).isEmpty();
    }
}
