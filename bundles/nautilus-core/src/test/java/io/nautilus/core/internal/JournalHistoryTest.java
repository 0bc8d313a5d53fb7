package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.JournalGapException;
import io.nautilus.core.api.Scope;
import io.nautilus.core.journal.JournalSegments;
import io.nautilus.core.journal.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The core as a source of history: the results {@link CommandResultListener}s get live, and the same results from a
 * {@link io.nautilus.core.api.JournalHistory} replay of the journal, from any point, while the core trades on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JournalHistoryTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId ABC = InstrumentId.of("ABC");
    static final InstrumentId XYZ = InstrumentId.of("XYZ");
    static final Map<String, Object> ACCOUNTS = Map.of("alice.stp", "none", "alice.capital", "1000",
            "bob.stp", "cancel-resting");
    /** The core's test instruments, ABC with a taker fee and a maker rebate so that fills carry fees. */
    static final Map<String, Object> INSTRUMENTS = withFees();

    @TempDir
    Path dir;

    static Map<String, Object> withFees() {
        Map<String, Object> instruments = new HashMap<>(TradingCoreManagerTest.INSTRUMENTS);
        instruments.put("ABC.takerFeeBps", "5");
        instruments.put("ABC.makerFeeBps", "-2");
        return Map.copyOf(instruments);
    }

    final List<TradingCoreManager> running = new ArrayList<>();
    final Recorder live = new Recorder();

    @AfterEach
    void stopAll() {
        running.forEach(TradingCoreManager::deactivate);
    }

    /** What a listener saw: results (publish times left out: they are when each publication ran) and definitions. */
    static final class Recorder implements CommandResultListener {

        final List<Object> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onCommandResult(CommandResult result) {
            seen.add(withoutPublishTimes(result));
        }

        @Override
        public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
            seen.add(new Defined(seq, timestampNanos, instrument));
        }

        @Override
        public void onAccountDefined(long seq, long timestampNanos, AccountView account, long capital) {
            seen.add(new Defined(seq, timestampNanos, List.of(account, capital)));
        }

        List<Object> between(long afterSeq, long toSeq) {
            List<Object> list = new ArrayList<>();
            for (Object o : seen) {
                if (seqOf(o) > afterSeq && seqOf(o) <= toSeq) {
                    list.add(o);
                }
            }
            return list;
        }

        List<Object> after(long afterSeq) {
            return between(afterSeq, Long.MAX_VALUE);
        }

        long lastSeq() {
            return seen.isEmpty() ? 0 : seqOf(seen.get(seen.size() - 1));
        }
    }

    record Defined(long seq, long timestampNanos, Object what) {
    }

    static long seqOf(Object o) {
        return o instanceof CommandResult r ? r.seq() : ((Defined) o).seq();
    }

    static CommandResult withoutPublishTimes(CommandResult r) {
        List<ExecutionReport> reports = new ArrayList<>();
        for (ExecutionReport e : r.reports()) {
            reports.add(new ExecutionReport(e.execId(), e.clientOrderId(), e.origClientOrderId(), e.orderId(),
                    e.account(), e.strategy(), e.instrument(), e.venue(), e.side(), e.execType(), e.status(),
                    e.rejectReason(), e.cancelReason(), e.liquidity(), e.text(), e.lastPrice(), e.lastQuantity(),
                    e.leavesQuantity(), e.cumulativeQuantity(), e.averagePrice(), e.transactTimeNanos(), 0,
                    e.fee()));
        }
        return new CommandResult(r.seq(), r.orderId(), r.rejectReason(), r.rejectDetail(), r.rejectLimit(),
                r.rejectValue(), reports);
    }

    TradingCoreManager start(CommandResultListener listener, Object... settings) throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        core.addResultListener(listener);
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        for (int i = 0; i < settings.length; i += 2) {
            properties.put((String) settings[i], settings[i + 1]);
        }
        core.activate(CoreConfigs.of(properties));
        running.add(core);
        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(ACCOUNTS);
        return core;
    }

    void stop(TradingCoreManager core) {
        running.remove(core);
        core.deactivate();
    }

    static CommandResult get(CompletableFuture<CommandResult> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    static CommandResult limit(TradingCoreManager core, long clientId, AccountId account, InstrumentId instrument,
                               Side side, long price, long qty) throws Exception {
        return get(core.submit(NewOrder.limit(clientId, account, null, instrument, side, price, qty)));
    }

    /** Waits until the publish thread has handed every command published so far to the listeners. */
    static void settle(TradingCoreManager core) {
        core.orderHistory(1);
    }

    static List<Object> replay(TradingCoreManager core, long afterSeq, long toSeq) throws Exception {
        Recorder replayed = new Recorder();
        core.replay(afterSeq, toSeq, replayed);
        return replayed.seen;
    }

    // ------------------------------------------------------------------ live vs replay

    @Test
    void replaysFromTheStartTheMiddleAndAroundSnapshotsEqualTheLiveResults() throws Exception {
        TradingCoreManager core = start(live);
        CommandResult resting = limit(core, 11, ALICE, ABC, Side.SELL, 100_00, 5);
        CommandResult market = get(core.submit(NewOrder.market(12, BOB, null, ABC, Side.BUY, 3)));
        CommandResult bid = limit(core, 13, ALICE, ABC, Side.BUY, 99_00, 4);
        CommandResult canceled = limit(core, 14, BOB, ABC, Side.SELL, 99_50, 2);
        assertThat(get(core.cancel(canceled.orderId())).accepted()).isTrue();
        assertThat(get(core.replace(bid.orderId(), 99_10, 6)).accepted()).isTrue();
        assertThat(get(core.reduce(bid.orderId(), 1)).accepted()).isTrue();
        assertThat(get(core.cancel(999_999_999L)).accepted()).as("an unknown order: rejected, no report").isFalse();
        assertThat(limit(core, 15, BOB, XYZ, Side.BUY, 100_01, 1).rejectReason())
                .as("off tick").isNotEqualTo(RejectReason.NONE);
        core.applyRiskLimits(Map.of("default.maxOrderQty", "50"));
        assertThat(limit(core, 16, BOB, ABC, Side.BUY, 99_00, 60).rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        long firstSnapshot = core.snapshot().get(10, TimeUnit.SECONDS);

        CommandResult taken = limit(core, 21, BOB, ABC, Side.BUY, 100_00, 2);
        assertThat(taken.reports()).filteredOn(r -> r.liquidity() == Liquidity.MAKER).singleElement()
                .extracting(ExecutionReport::clientOrderId).isEqualTo(11L);
        Map<String, Object> instruments = new HashMap<>(INSTRUMENTS);
        instruments.put("XYZ.makerFeeBps", "1");
        core.applyInstruments(instruments);
        core.applyAccounts(Map.of("alice.stp", "none", "alice.capital", "2500", "bob.stp", "cancel-resting"));
        limit(core, 22, ALICE, XYZ, Side.SELL, 50_00, 3);
        settle(core);
        stop(core);

        core = start(live);
        core.applyInstruments(instruments);
        CommandResult afterRestart = limit(core, 31, BOB, ABC, Side.SELL, 99_10, 5);
        assertThat(afterRestart.reports()).filteredOn(r -> r.liquidity() == Liquidity.MAKER).singleElement()
                .as("an order working since before the snapshot and the restart keeps its client order id")
                .satisfies(r -> {
                    assertThat(r.orderId()).isEqualTo(bid.orderId());
                    assertThat(r.clientOrderId()).isEqualTo(13L);
                });
        long secondSnapshot = core.snapshot().get(10, TimeUnit.SECONDS);
        limit(core, 32, ALICE, ABC, Side.SELL, 101_00, 2);
        limit(core, 33, ALICE, XYZ, Side.SELL, 51_00, 1);
        assertThat(get(core.kill(Scope.of(ALICE))).reports()).hasSize(3);
        get(core.setTradingState(Scope.of(ALICE), CoreTradingState.ACTIVE));
        get(core.submit(NewOrder.market(34, BOB, null, ABC, Side.BUY, 1)));
        settle(core);

        List<Object> all = live.seen;
        assertThat(all).extracting(JournalHistoryTest::seqOf).as("seq order").isSorted().doesNotHaveDuplicates();
        assertThat(all).filteredOn(o -> o instanceof Defined d && d.what() instanceof Instrument i
                && i.symbol().equals("XYZ")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(o -> {
                    Instrument xyz = (Instrument) ((Defined) o).what();
                    assertThat(xyz.venue().value()).isEqualTo("XNYS");
                    assertThat(xyz.currency()).isEqualTo("EUR");
                    assertThat(xyz.tickSize()).isEqualTo(5);
                });
        assertThat(all).filteredOn(Defined.class::isInstance).extracting(o -> ((Defined) o).what())
                .contains(List.of(new AccountView(ALICE, "none", CoreTradingState.ACTIVE), 1000_00L),
                        List.of(new AccountView(ALICE, "none", CoreTradingState.ACTIVE), 2500_00L),
                        List.of(new AccountView(BOB, "cancel-resting", CoreTradingState.ACTIVE), 0L));
        long end = core.durableSeq();
        assertThat(live.lastSeq()).isLessThanOrEqualTo(end);
        List<ExecutionReport> fills = all.stream().filter(CommandResult.class::isInstance)
                .flatMap(o -> ((CommandResult) o).reports().stream()).filter(ExecutionReport::isFill).toList();
        assertThat(fills).as("the replays below compare fees too").anyMatch(r -> r.fee() > 0)
                .anyMatch(r -> r.fee() < 0);

        assertThat(replay(core, 0, Long.MAX_VALUE)).containsExactlyElementsOf(all);
        assertThat(core.replay(0, Long.MAX_VALUE, new Recorder())).isEqualTo(end);
        long middle = market.seq();
        assertThat(replay(core, middle, Long.MAX_VALUE)).containsExactlyElementsOf(live.after(middle));
        assertThat(replay(core, middle, middle + 5)).containsExactlyElementsOf(live.between(middle, middle + 5));
        for (long snapshot : new long[] {firstSnapshot, secondSnapshot}) {
            for (long after = snapshot - 1; after <= snapshot + 1; after++) {
                assertThat(replay(core, after, Long.MAX_VALUE)).as("replay after seq %d", after)
                        .containsExactlyElementsOf(live.after(after));
            }
        }
        assertThat(replay(core, end, Long.MAX_VALUE)).isEmpty();
        assertThat(core.replay(end, Long.MAX_VALUE, new Recorder())).isEqualTo(end);
        assertThat(resting.seq()).isLessThan(firstSnapshot);
    }

    /** A few crossing orders: fills for both sides, a rest left working. */
    static void trade(TradingCoreManager core, long clientBase, int rounds) throws Exception {
        for (int n = 0; n < rounds; n++) {
            limit(core, clientBase + 2L * n, ALICE, ABC, Side.SELL, 100_00 + n % 3, 3);
            get(core.submit(NewOrder.market(clientBase + 2L * n + 1, BOB, null, ABC, Side.BUY, 2)));
        }
    }

    @Test
    void aReplayWhileTheCoreKeepsTradingDeliversWhatWasPublished() throws Exception {
        TradingCoreManager core = start(live, "journal.fsync", "batch", "journal.segment.size", "4k");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread trader = new Thread(() -> {
            try {
                trade(core, 1_000, 200);
                core.snapshot().get(10, TimeUnit.SECONDS);
                trade(core, 5_000, 200);
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "trader");
        trader.start();
        List<Long> ends = new ArrayList<>();
        List<List<Object>> replays = new ArrayList<>();
        while (trader.isAlive() || replays.isEmpty()) {
            Recorder replayed = new Recorder();
            ends.add(core.replay(0, Long.MAX_VALUE, replayed));
            replays.add(replayed.seen);
        }
        trader.join(60_000);
        assertThat(failed.get()).isNull();
        settle(core);

        assertThat(JournalSegments.list(dir.resolve("core"))).as("segments rolled meanwhile").hasSizeGreaterThan(3);
        assertThat(ends).isSorted();
        for (int i = 0; i < replays.size(); i++) {
            assertThat(replays.get(i)).as("replay %d up to seq %d", i, ends.get(i))
                    .containsExactlyElementsOf(live.between(0, ends.get(i)));
        }
        assertThat(replay(core, 0, Long.MAX_VALUE)).containsExactlyElementsOf(live.seen);
    }

    @Test
    void aThrowingListenerNeitherStopsTradingNorTheOtherListeners() throws Exception {
        CommandResultListener throwing = new CommandResultListener() {
            @Override
            public void onCommandResult(CommandResult result) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
                throw new IllegalStateException("listener bug");
            }
        };
        TradingCoreManager core = new TradingCoreManager();
        core.addResultListener(throwing);
        core.addResultListener(live);
        running.add(core);
        core.activate(CoreConfigs.of(Map.of("journal.dir", dir.resolve("core").toString(), "journal.fsync", "none",
                "ring.size", 1024, "snapshot.interval.minutes", 0, "clock.tick.ms", 60_000)));
        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(ACCOUNTS);

        trade(core, 1, 20);
        settle(core);

        assertThat(live.seen).filteredOn(CommandResult.class::isInstance).hasSize(40);
        assertThat(live.seen).extracting(JournalHistoryTest::seqOf).isSorted().doesNotHaveDuplicates();
        assertThat(limit(core, 99, ALICE, ABC, Side.BUY, 90_00, 1).accepted()).isTrue();
        settle(core);
        assertThat(replay(core, 0, Long.MAX_VALUE)).containsExactlyElementsOf(live.seen);
    }

    @Test
    void withoutResultListenersTradingAndReplaysWorkTheSame() throws Exception {
        TradingCoreManager core = start(live);
        core.removeResultListener(live);
        trade(core, 1, 5);
        CommandResult last = limit(core, 50, ALICE, ABC, Side.BUY, 90_00, 1);

        List<Object> replayed = replay(core, 0, Long.MAX_VALUE);

        assertThat(replayed).filteredOn(CommandResult.class::isInstance).hasSize(11);
        assertThat(replayed.get(replayed.size() - 1)).isEqualTo(withoutPublishTimes(last));
    }

    // ------------------------------------------------------------------ gaps and holds

    static final Object[] PRUNING = {"journal.segment.size", "1k", "snapshot.keep", 1,
            "journal.delete.before.snapshot", true};

    static boolean snapshotFile(Path dir, long seq) {
        return Files.exists(dir.resolve(SnapshotStore.fileName(seq)));
    }

    @Test
    void commandsBeforeTheOldestKeptSnapshotAreAGap() throws Exception {
        TradingCoreManager core = start(live, PRUNING);
        trade(core, 1, 20);
        core.snapshot().get(10, TimeUnit.SECONDS);
        trade(core, 100, 20);
        long kept = core.snapshot().get(10, TimeUnit.SECONDS);
        trade(core, 200, 5);
        settle(core);
        assertThat(JournalSegments.list(dir.resolve("core")).get(0).firstSeq()).isGreaterThan(1);

        for (long after : new long[] {0, kept - 1}) {
            assertThatThrownBy(() -> core.replay(after, Long.MAX_VALUE, new Recorder()))
                    .isInstanceOf(JournalGapException.class)
                    .hasMessageContaining("first seq a replay can deliver is " + (kept + 1))
                    .satisfies(e -> assertThat(((JournalGapException) e).firstAvailableSeq()).isEqualTo(kept + 1));
        }
        assertThat(replay(core, kept, Long.MAX_VALUE)).isNotEmpty().containsExactlyElementsOf(live.after(kept));
    }

    @Test
    void aHoldKeepsTheSnapshotAndSegmentsItsReplayNeedsUntilReleased() throws Exception {
        TradingCoreManager core = start(live, PRUNING);
        trade(core, 1, 20);
        long first = core.snapshot().get(10, TimeUnit.SECONDS);
        trade(core, 100, 2);
        long held = first + 3;
        core.hold("history", held);
        trade(core, 200, 20);
        core.snapshot().get(10, TimeUnit.SECONDS);
        trade(core, 300, 20);
        long newest = core.snapshot().get(10, TimeUnit.SECONDS);
        settle(core);
        Path folder = dir.resolve("core");

        assertThat(snapshotFile(folder, first)).as("the held snapshot").isTrue();
        assertThat(snapshotFile(folder, newest)).isTrue();
        assertThat(JournalSegments.list(folder).get(0).firstSeq()).isLessThanOrEqualTo(first + 1);
        assertThat(replay(core, held, Long.MAX_VALUE)).containsExactlyElementsOf(live.after(held));

        core.release("history");
        trade(core, 400, 20);
        long after = core.snapshot().get(10, TimeUnit.SECONDS);

        assertThat(snapshotFile(folder, first)).isFalse();
        assertThat(SnapshotStore.fileName(after)).isNotNull();
        assertThatThrownBy(() -> core.replay(held, Long.MAX_VALUE, new Recorder()))
                .isInstanceOf(JournalGapException.class);
    }

    @Test
    void aHoldBeforeAnySnapshotKeepsTheWholeJournal() throws Exception {
        TradingCoreManager core = start(live, PRUNING);
        core.hold("history", 0);
        for (int i = 0; i < 3; i++) {
            trade(core, 100L * i + 1, 20);
            core.snapshot().get(10, TimeUnit.SECONDS);
        }
        settle(core);

        assertThat(JournalSegments.list(dir.resolve("core")).get(0).firstSeq()).isEqualTo(1);
        assertThat(replay(core, 0, Long.MAX_VALUE)).containsExactlyElementsOf(live.seen);
        assertThatThrownBy(() -> core.hold(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> core.hold("history", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTornTailEndsAReplayAndIsLeftAsItIs() throws Exception {
        TradingCoreManager core = start(live);
        trade(core, 1, 10);
        settle(core);
        long end = core.durableSeq();
        stop(core);
        Path folder = dir.resolve("core");
        List<JournalSegments.Segment> segments = JournalSegments.list(folder);
        Path tail = segments.get(segments.size() - 1).path();
        Files.write(tail, new byte[] {0, 0, 1, 0, 7, 7}, java.nio.file.StandardOpenOption.APPEND);
        long size = Files.size(tail);
        Recorder replayed = new Recorder();

        long last = new JournalReplay(folder, 2, d -> {
            boolean xyz = d.symbol().equals("XYZ");
            return new Instrument(InstrumentId.of(d.symbol()), d.symbol(),
                    io.nautilus.api.VenueId.of(xyz ? "XNYS" : "SIM"), d.tickSize(), d.lotSize(), d.minQuantity(),
                    d.priceScale(), d.quantityScale(), xyz ? "EUR" : "USD");
        }).replay(0, Long.MAX_VALUE, replayed);

        assertThat(last).isEqualTo(end);
        assertThat(replayed.seen).containsExactlyElementsOf(live.seen);
        assertThat(Files.size(tail)).as("never repaired by a replay").isEqualTo(size);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("corrupt"));
        }
    }
}
