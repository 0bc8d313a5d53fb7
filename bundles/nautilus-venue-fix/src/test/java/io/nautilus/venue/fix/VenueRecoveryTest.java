package io.nautilus.venue.fix;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.venues.Venues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery after a disconnect or a sequence gap, end to end: the real trading core, the venue layer and the FIX
 * gateway against a real QuickFIX/J acceptor that keeps its own book. Each scenario runs {@value #ROUNDS} rounds with
 * seeded random timing ({@code -Dvenue.recovery.seed=<seed>} replays a run; the seed is in every failure message).
 * After each round: the core's fills of every order equal the venue's (quantity, no duplicate), no order works in the
 * core that the venue does not know, and the venue never failed closed. The four scenarios run at the same time (each
 * waits mostly for QuickFIX/J's once-a-second reconnect and logon timers), each with its own venue, FIX session,
 * venue layer and core.
 */
class VenueRecoveryTest {

    private static final int ROUNDS = 20;
    private static final InstrumentId ACME = InstrumentId.of("ACME");
    private static final AccountId ALICE = AccountId.of("alice");
    private static final String VENUE = "TEST-FIX";
    private static final long PRICE = 10_000;     // 100.00
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final long seed = Long.getLong("venue.recovery.seed", System.nanoTime());

    @Test
    void afterDisconnectsAndSequenceGapsTheCoreHasTheVenuesFillsOnceAndNoFalseFailClosed() throws Exception {
        List<Scenario> scenarios = List.of(
                new Scenario("disconnect right after an order arrives (FIX 4.4)", 1, "FIX.4.4",
                        Scenario::disconnectRightAfterAnOrder),
                new Scenario("fills while the session is down (FIX 4.2)", 2, "FIX.4.2", Scenario::fillsWhileDown),
                new Scenario("outbound sequence gap: skipped number (FIX 4.2)", 3, "FIX.4.2", s -> s.gap(false)),
                new Scenario("outbound sequence gap: withheld message resent (FIX 4.4)", 4, "FIX.4.4",
                        s -> s.gap(true)));
        ExecutorService pool = Executors.newFixedThreadPool(scenarios.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                runs.add(pool.submit(() -> {
                    try (scenario) {
                        scenario.run();
                    }
                    return null;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<?> run : runs) {
                try {
                    run.get(3, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            assertThat(failures).as("seed %d (-Dvenue.recovery.seed=%d)", seed, seed).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One round of a scenario. */
    private interface Round {
        void run(Scenario scenario) throws Exception;
    }

    /** A scenario's own venue, core, venue layer and gateway, and its rounds. */
    private final class Scenario implements AutoCloseable {

        private final String name;
        private final Round round;
        private final Random random;
        private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
        private final List<Long> orders = new CopyOnWriteArrayList<>();
        private final TestVenue venue;
        private final TradingCoreManager core;
        private final Venues venues;
        private final FixVenueGateway gateway;
        private long clientIds = 1;

        Scenario(String name, int number, String beginString, Round round) throws Exception {
            this.name = name;
            this.round = round;
            this.random = new Random(seed + number);
            // QuickFIX/J keeps one session per id in the JVM: one comp id per scenario
            String ourCompId = "NAUTILUS-" + number;
            venue = new TestVenue(beginString, TestVenue.VENUE_COMP_ID, ourCompId);
            venue.keepBook();
            AtomicReference<Venues> layer = new AtomicReference<>();
            Path home = dir.resolve("scenario-" + number);
            core = RealCore.start(home.resolve("core"), reports::add, command -> layer.get().route(command),
                    Map.of("ACME.priceScale", "2", "ACME.tickSize", "0.01", "ACME.lotSize", "1", "ACME.venue", VENUE,
                            "ACME.routing", "external"),
                    Map.of("alice.stp", "none"), Map.of());
            venues = new Venues(core, core, new Venues.Settings(5_000, true));
            layer.set(venues);
            FixVenueSettings settings = FixVenueSettings.parse(Map.of("venue.id", VENUE, "begin.string", beginString,
                    "host", "127.0.0.1", "port", String.valueOf(venue.port), "sender.comp.id", ourCompId,
                    "target.comp.id", TestVenue.VENUE_COMP_ID, "reconnect.interval", "0", "heartbeat.seconds", "5",
                    "logout.timeout.seconds", "1", "store.path", home.resolve("store").toString()), null);
            gateway = new FixVenueGateway(settings, id -> id.equals(ACME) ? new InstrumentScales.Scales(2, 0) : null);
            venues.addGateway(gateway);
        }

        void run() throws Exception {
            gateway.connect();
            await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON
                    && venues.venues().get(0).reconciliation().startsWith("ok"));
            for (int n = 1; n <= ROUNDS; n++) {
                try {
                    venue.received.clear();
                    round.run(this);
                    awaitConsistent();
                    assertThat(venues.failures(VENUE)).as("times the venue failed closed").isZero();
                } catch (Exception | AssertionError e) {
                    throw new AssertionError(name + ", round " + n + " (seed " + seed + "): " + e.getMessage()
                            + "\nvenue: " + venues.venues().get(0), e);
                }
            }
        }

        // ------------------------------------------------------------ the scenarios' rounds

        void disconnectRightAfterAnOrder() throws Exception {
            long order = submit(10);
            venue.next("D");
            if (random.nextBoolean()) {
                venue.ackBooked(key(order));
            }
            // a second order on its way as the venue drops: it arrives, is lost in the dead connection (and
            // gap-filled on the resend) or is refused at once
            if (random.nextBoolean()) {
                submit(5);
                pause(200);
                venue.drop();
            } else {
                int delay = random.nextInt(301);
                CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> {
                    LockSupport.parkNanos(delay * 1_000L);
                    submit(5);
                });
                venue.drop();
                inFlight.get(10, TimeUnit.SECONDS);
            }
            if (random.nextBoolean()) {
                venue.fillBooked(key(order), 1 + random.nextInt(10), "100.00", true);
            }
        }

        void fillsWhileDown() throws Exception {
            long order = submit(10);
            venue.next("D");
            venue.ackBooked(key(order));
            long left = 10;
            if (random.nextBoolean()) {
                long quantity = 1 + random.nextInt(3);
                venue.fillBooked(key(order), quantity, "100.00", true);
                left -= quantity;
            }
            venue.drop();
            if (random.nextBoolean()) {
                await().atMost(WAIT).until(() -> !gateway.state().isUsable());
            }
            List<Message> late = new ArrayList<>();
            int fills = 1 + random.nextInt(3);
            for (int i = 0; i < fills && left > 0; i++) {
                long quantity = i == fills - 1 && random.nextBoolean() ? left : 1 + random.nextInt((int) left);
                left -= quantity;
                pause(3_000);
                // stored and resent with PossDupFlag=Y on the gateway's resend request, or (a venue that gap-fills
                // its reports) never resent: reconciliation books it, and the venue sends it again later
                boolean stored = random.nextInt(3) > 0;
                Message fill = venue.fillBooked(key(order), quantity, random.nextBoolean() ? "100.00" : "99.99",
                        stored);
                if (!stored) {
                    venue.skipNextSeqNum();
                    late.add(fill);
                }
            }
            if (!late.isEmpty()) {
                awaitConsistent();
                for (Message fill : late) {
                    fill.getHeader().setBoolean(97, true);     // PossResend: sent before, maybe processed
                    venue.send(fill);
                }
                // a status round trip after them: every late fill has been handled when its answer is back
                assertThat(venues.reconcile(VENUE)).contains("ok");
            }
        }

        void gap(boolean withhold) throws Exception {
            long order = submit(10);
            venue.next("D");
            venue.ackBooked(key(order));
            venue.fillBooked(key(order), 1 + random.nextInt(3), "100.00", true);
            if (withhold) {
                venue.withhold(venue.fillBooked(key(order), 1 + random.nextInt(3), "100.01", false));
            } else {
                venue.skipNextSeqNum();
            }
            pause(2_000);
            if (random.nextBoolean()) {
                venue.fillBooked(key(order), 1 + random.nextInt(3), "99.99", true);   // shows the gap
            } else {
                long other = submit(3);
                venue.next("D");
                venue.ackBooked(key(other));                                           // shows the gap
                if (random.nextBoolean()) {
                    venue.fillBooked(key(order), 1, "100.00", true);
                }
            }
            if (random.nextBoolean()) {
                await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.DEGRADED
                        || venues.venues().get(0).reconciliation().startsWith("ok"));
                venues.reconcile(VENUE);   // an operator's reconciliation while the resend may still run
            }
        }

        // ------------------------------------------------------------ checks and helpers

        /** Waits until the session is up, reconciled, and every order's fills in the core equal the venue's. */
        private void awaitConsistent() {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
                assertThat(venues.venues().get(0).reconciliation()).startsWith("ok");
                for (long order : orders) {
                    TestVenue.Booked atVenue = venue.book.get(key(order));
                    OrderView inCore = core.order(order).orElse(null);
                    long coreFilled = reports.stream().filter(r -> r.orderId() == order && r.isFill())
                            .mapToLong(ExecutionReport::lastQuantity).sum();
                    if (atVenue == null) {
                        assertThat(inCore).as("order %d the venue does not know is not working", order).isNull();
                        assertThat(coreFilled).as("fills of order %d the venue does not know", order).isZero();
                        assertThat(reports).as("order %d the venue does not know ends rejected", order)
                                .anyMatch(r -> r.orderId() == order && r.execType() == ExecType.REJECTED);
                        continue;
                    }
                    long venueCum;
                    boolean venueWorking;
                    synchronized (venue) {
                        venueCum = atVenue.cum;
                        venueWorking = atVenue.leaves() > 0;
                    }
                    assertThat(coreFilled).as("order %d: the core's fills vs the venue's", order).isEqualTo(venueCum);
                    assertThat(inCore != null).as("order %d working in the core as at the venue", order)
                            .isEqualTo(venueWorking);
                    if (inCore != null) {
                        assertThat(inCore.filledQuantity()).as("order %d filled in the core", order)
                                .isEqualTo(venueCum);
                    }
                }
            });
            assertThat(venues.venues().get(0).failedClosed()).isFalse();
        }

        private long submit(long quantity) {
            try {
                CommandResult result = core.submit(NewOrder.limit(clientIds++, ALICE, null, ACME, Side.BUY, PRICE,
                        quantity)).get(10, TimeUnit.SECONDS);
                assertThat(result.accepted()).as(result.describe()).isTrue();
                orders.add(result.orderId());
                return result.orderId();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A random delay of up to the given microseconds: the varied timing of the rounds. */
        private void pause(int maxMicros) {
            LockSupport.parkNanos(random.nextInt(maxMicros + 1) * 1_000L);
        }

        @Override
        public void close() {
            venues.close();
            gateway.close();
            venue.close();
            RealCore.stop(core);
        }
    }

    private static String key(long orderId) {
        return Long.toString(orderId);
    }
}
