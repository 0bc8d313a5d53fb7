package io.nautilus.api.venue;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VenueSessionTest {

    private static final VenueId VENUE = VenueId.of("XTST");

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private VenueSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private VenueSession listened(VenueSession created) {
        created.setListener(report -> {
            threads.add(Thread.currentThread().getName());
            heard.add("report " + report.clientOrderId());
        });
        created.setStateListener((venue, from, to, reason) -> {
            threads.add(Thread.currentThread().getName());
            heard.add(venue.value() + " " + from + "->" + to + " " + reason);
        });
        return created;
    }

    private static ExecutionReport ack(long clientOrderId) {
        return new ExecutionReport(clientOrderId, clientOrderId, 0, 0, AccountId.of("acct"), null,
                InstrumentId.of("X-BTC"), VENUE, Side.BUY, ExecType.NEW, OrderStatus.NEW, RejectReason.NONE,
                CancelReason.NONE, Liquidity.NONE, null, FixedPoint.NULL, 0, 1, 0, FixedPoint.NULL, 1, 1);
    }

    /** Waits (bounded) until the session thread has run everything queued before this call. */
    private static void drain(VenueSession session) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        assertThat(session.execute(done::countDown)).isTrue();
        assertThat(done.await(5, TimeUnit.SECONDS)).as("session thread drained").isTrue();
    }

    @Test
    void startsDownAndChangesOnlyToAnotherState() {
        session = VenueSession.builder(VENUE).clock(() -> 42).build();

        assertThat(session.state()).isEqualTo(ConnectionState.DOWN);
        assertThat(session.lastStateChange()).isZero();
        assertThat(session.changeState(ConnectionState.DOWN, "again")).isFalse();
        assertThat(session.changeState(ConnectionState.LOGGED_ON, "logon")).isTrue();
        assertThat(session.state()).isEqualTo(ConnectionState.LOGGED_ON);
        assertThat(session.lastStateChange()).isEqualTo(42);
        assertThat(session.changeState(ConnectionState.LOGGED_ON, "logon")).isFalse();
    }

    @Test
    void aConditionalChangeHappensOnlyFromTheGivenState() {
        session = VenueSession.builder(VENUE).build();
        session.changeState(ConnectionState.LOGGED_ON, "logon");

        assertThat(session.changeState(ConnectionState.DEGRADED, ConnectionState.LOGGED_ON, "flowing")).isFalse();
        assertThat(session.changeState(ConnectionState.LOGGED_ON, ConnectionState.DEGRADED, "gap")).isTrue();
        assertThat(session.changeState(ConnectionState.DEGRADED, ConnectionState.LOGGED_ON, "flowing")).isTrue();
        assertThat(session.state()).isEqualTo(ConnectionState.LOGGED_ON);
    }

    @Test
    void listenersHearStateChangesAndReportsInOrderOnTheSessionThreadOnly() throws Exception {
        session = listened(VenueSession.builder(VENUE).threadName("xtst-session").build());

        session.changeState(ConnectionState.CONNECTED, "connected");
        session.changeState(ConnectionState.LOGGED_ON, "logon");
        for (long id = 1; id <= 100; id++) {
            session.dispatch(ack(id));
        }
        session.changeState(ConnectionState.DOWN, "line cut");
        drain(session);

        List<String> expected = new ArrayList<>(List.of("XTST DOWN->CONNECTED connected",
                "XTST CONNECTED->LOGGED_ON logon"));
        for (long id = 1; id <= 100; id++) {
            expected.add("report " + id);
        }
        expected.add("XTST LOGGED_ON->DOWN line cut");
        assertThat(heard).containsExactlyElementsOf(expected);
        assertThat(threads).containsOnly("xtst-session");
        assertThat(session.counters()).containsEntry(VenueSession.REPORTS, 100L);
    }

    @Test
    void changesFromManyThreadsAreHeardInTheOrderTheyWereMade() throws Exception {
        session = VenueSession.builder(VENUE).build();
        List<ConnectionState[]> seen = new CopyOnWriteArrayList<>();
        session.setStateListener((venue, from, to, reason) -> seen.add(new ConnectionState[] {from, to}));
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            ConnectionState target = ConnectionState.values()[w];
            writers.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    session.changeState(target, "writer");
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        drain(session);

        assertThat(seen).isNotEmpty();
        ConnectionState previous = ConnectionState.DOWN;
        for (ConnectionState[] change : seen) {
            assertThat(change[0]).as("each change starts where the one heard before it ended").isEqualTo(previous);
            previous = change[1];
        }
        assertThat(previous).isEqualTo(session.state());
    }

    @Test
    void aThrowingListenerIsCountedAndTheNextReportStillArrives() throws Exception {
        session = VenueSession.builder(VENUE).build();
        List<Long> delivered = new CopyOnWriteArrayList<>();
        session.setListener(report -> {
            if (report.clientOrderId() == 2) {
                throw new IllegalStateException("listener bug");
            }
            delivered.add(report.clientOrderId());
        });
        session.setStateListener((venue, from, to, reason) -> {
            throw new IllegalStateException("state listener bug");
        });

        session.changeState(ConnectionState.LOGGED_ON, "logon");
        session.dispatch(ack(1));
        session.dispatch(ack(2));
        session.dispatch(ack(3));
        drain(session);

        assertThat(delivered).containsExactly(1L, 3L);
        assertThat(session.counters()).containsEntry(VenueSession.REPORTS, 3L)
                .containsEntry(VenueSession.LISTENER_FAILURES, 2L)
                .containsEntry(VenueSession.UNDELIVERED, 0L);
    }

    @Test
    void aReportWithoutListenerIsCountedUndelivered() throws Exception {
        session = VenueSession.builder(VENUE).build();

        session.dispatch(ack(1));
        drain(session);

        assertThat(session.counters()).containsEntry(VenueSession.REPORTS, 1L)
                .containsEntry(VenueSession.UNDELIVERED, 1L);
    }

    @Test
    void labelledCountersKeepTheirOrderAndOneCounterPerLabel() {
        session = VenueSession.builder(VENUE).build();
        VenueSession.Counter sent = session.counter("sent");
        VenueSession.Counter working = session.counter("working");

        sent.increment();
        sent.add(2);
        working.add(3);
        working.add(-1);

        assertThat(session.counter("sent")).isSameAs(sent);
        assertThat(session.counters()).containsExactly(
                java.util.Map.entry(VenueSession.REPORTS, 0L), java.util.Map.entry(VenueSession.UNDELIVERED, 0L),
                java.util.Map.entry(VenueSession.LISTENER_FAILURES, 0L), java.util.Map.entry("sent", 3L),
                java.util.Map.entry("working", 2L));
        assertThatIllegalArgumentException().isThrownBy(() -> session.counter(" "))
                .withMessage("venue XTST: a counter label must not be blank");
    }

    @Test
    void theLastProblemKeepsItsTextAndTimeAndShowsInTheInfo() {
        long[] now = {1_000};
        session = VenueSession.builder(VENUE).clock(() -> now[0]).build();
        session.changeState(ConnectionState.LOGGED_ON, "logon");
        now[0] = 2_000;
        session.problem("HTTP 503: busy");
        session.problem(" ");

        VenueSessionInfo info = session.info("REST http://127.0.0.1", -1, -1);

        assertThat(session.lastProblemTime()).isEqualTo(2_000);
        assertThat(info).isEqualTo(new VenueSessionInfo(VENUE, ConnectionState.LOGGED_ON, "REST http://127.0.0.1",
                -1, -1, 1_000, "HTTP 503: busy"));
    }

    @Test
    void closeGoesDownTellsTheListenerStopsTheThreadAndTakesNothingMore() {
        session = listened(VenueSession.builder(VENUE).build());
        session.changeState(ConnectionState.LOGGED_ON, "logon");
        session.dispatch(ack(1));

        session.close("stopped");

        assertThat(heard).containsExactly("XTST DOWN->LOGGED_ON logon", "report 1", "XTST LOGGED_ON->DOWN stopped");
        assertThat(session.isClosed()).isTrue();
        assertThat(session.changeState(ConnectionState.LOGGED_ON, "logon")).isFalse();
        session.dispatch(ack(2));
        assertThat(session.counters()).containsEntry(VenueSession.UNDELIVERED, 1L);
        assertThat(session.execute(() -> heard.add("late"))).isFalse();
        assertThat(heard).hasSize(3);
    }

    @Test
    void aGivenSessionThreadRunsTheListenersWhenTheGatewayRunsIt() {
        Queue<Runnable> venueThread = new ArrayDeque<>();
        session = listened(VenueSession.builder(VENUE).sessionThread(venueThread::add).build());

        session.changeState(ConnectionState.LOGGED_ON, "logon");
        session.dispatch(ack(7));
        assertThat(heard).isEmpty();

        for (Runnable task; (task = venueThread.poll()) != null; ) {
            task.run();
        }
        assertThat(heard).containsExactly("XTST DOWN->LOGGED_ON logon", "report 7");
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }
}
