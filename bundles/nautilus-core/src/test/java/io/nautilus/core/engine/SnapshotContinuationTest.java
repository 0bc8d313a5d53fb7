package io.nautilus.core.engine;

import io.nautilus.api.Side;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.matching.OrderView;
import io.nautilus.core.pipeline.CommandTranslator;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine restored from a snapshot taken mid-stream must go on exactly as the engine it was taken from: same events
 * for every later command, same state at the end, over a stream that uses every feature (stops, icebergs, expiry,
 * self-trade prevention, kills, states, limits and throttles).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotContinuationTest {

    static final int COMMANDS = 20_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anEngineRestoredMidStreamGoesOnLikeTheOriginal(long seed) throws IOException {
        RichStream stream = new RichStream(seed);
        TradingEngine original = new TradingEngine(2);
        TradingEngine restored = null;
        Command a = new Command();
        Command b = new Command();
        int[] events = new int[9];
        long[] rejects = new long[RejectReason.values().length];
        long selfTradeCancels = 0;
        for (int k = 0; k < COMMANDS; k++) {
            if (k % 4_000 == 3_000) {
                byte[] bytes = EngineDriver.bytes(original.snapshotParts());
                restored = restore(bytes);
                assertThat(EngineDriver.bytes(restored.snapshotParts())).as("seed %d: round trip at %d", seed, k)
                        .isEqualTo(bytes);
            }
            stream.fill(k, a);
            assertThat(Recovery.process(original, a)).as("seed %d, command %d: %s", seed, k, a).isNull();
            if (restored != null) {
                stream.fill(k, b);
                assertThat(Recovery.process(restored, b)).isNull();
                assertThat(describe(b)).as("seed %d, command %d: %s", seed, k, a).isEqualTo(describe(a));
            }
            rejects[a.rejectReason.ordinal()]++;
            for (int i = 0; i < a.events.size(); i++) {
                events[a.events.type(i)]++;
                if (a.events.type(i) == Events.CANCELED && a.events.reason(i) == CancelReason.SELF_TRADE.ordinal()) {
                    selfTradeCancels++;
                }
            }
        }
        assertThat(EngineDriver.bytes(restored.snapshotParts())).isEqualTo(EngineDriver.bytes(original.snapshotParts()));

        assertThat(events[Events.TRADE]).as("trades").isGreaterThan(500);
        assertThat(events[Events.TRIGGERED]).as("triggered stops").isPositive();
        assertThat(events[Events.EXPIRED]).as("expired orders").isPositive();
        assertThat(events[Events.REPLACED]).as("replaces").isPositive();
        assertThat(events[Events.REDUCED]).as("reduces").isPositive();
        assertThat(selfTradeCancels).as("self-trade cancels").isPositive();
        assertThat(rejects[RejectReason.RISK_LIMIT.ordinal()]).as("risk limit rejects").isPositive();
        assertThat(rejects[RejectReason.KILL_SWITCH.ordinal()]
                + rejects[RejectReason.TRADING_HALTED.ordinal()]).as("state rejects").isPositive();
        assertThat(rejects[RejectReason.OTHER.ordinal()]).as("processor exceptions").isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void riskFollowsTheBookAndPositionsNetToZero(long seed) {
        RichStream stream = new RichStream(seed);
        TradingEngine engine = new TradingEngine(2);
        Command c = new Command();
        for (int k = 0; k < COMMANDS; k++) {
            stream.fill(k, c);
            assertThat(Recovery.process(engine, c)).isNull();
            if (k % 50 != 0) {
                continue;
            }
            List<OrderView> working = engine.matching().workingOrders();
            assertThat(engine.risk().workingOrders()).as("seed %d, after command %d", seed, k)
                    .isEqualTo(working.size());
            for (int account = 0; account < 4; account++) {
                for (int instrument = 0; instrument < 2; instrument++) {
                    for (Side side : Side.values()) {
                        int a = account;
                        int i = instrument;
                        long open = working.stream()
                                .filter(o -> o.account() == a && o.instrument() == i && o.side() == side)
                                .mapToLong(OrderView::openQty).sum();
                        assertThat(engine.risk().workingQuantity(account, instrument, side))
                                .as("seed %d, after command %d: %s of account %d in %d", seed, k, side, a, i)
                                .isEqualTo(open);
                    }
                }
            }
            for (int instrument = 0; instrument < 2; instrument++) {
                long net = 0;
                for (int account = 0; account < 4; account++) {
                    net += engine.positions().quantity(account, instrument);
                }
                assertThat(net).as("seed %d, after command %d: net position in %d", seed, k, instrument).isZero();
            }
        }
    }

    @Test
    void theJournalOfARichStreamRecoversTheStateOfADirectRun() throws Exception {
        RichStream stream = new RichStream(4);
        TradingEngine engine = new TradingEngine(2);
        PipelineConfig config = PipelineConfig.from(Map.of("journal.dir", dir.resolve("journal").toString(),
                "journal.fsync", "none", "ring.size", 1024));
        CorePipeline<TradingEngine> pipeline = new CorePipeline<>(config, engine, engine.snapshotParts(),
                (c, end) -> { });
        byte[] end;
        try {
            pipeline.start();
            CommandTranslator<Integer> fromStream = (c, k) -> stream.fill(k, c);
            for (int k = 0; k < COMMANDS; k++) {
                pipeline.publish(fromStream, k);
                if (k == COMMANDS / 2) {
                    assertThat(pipeline.snapshot().get(10, TimeUnit.SECONDS)).isEqualTo(k + 1);
                }
            }
            end = pipeline.query(e -> EngineDriver.bytes(e.snapshotParts())).get(10, TimeUnit.SECONDS);
        } finally {
            pipeline.stop();
        }
        TradingEngine direct = new TradingEngine(2);
        Command c = new Command();
        for (int k = 0; k < COMMANDS; k++) {
            stream.fill(k, c);
            Recovery.process(direct, c);
        }
        TradingEngine recovered = new TradingEngine(2);

        Recovery.Result result = Recovery.run(config.journalDir(), recovered.snapshotParts(), recovered, line -> { });

        assertThat(result.snapshotSeq()).isEqualTo(COMMANDS / 2 + 1);
        assertThat(result.lastSeq()).isEqualTo(COMMANDS);
        byte[] expected = EngineDriver.bytes(direct.snapshotParts());
        assertThat(end).as("pipeline").isEqualTo(expected);
        assertThat(EngineDriver.bytes(recovered.snapshotParts())).as("recovered").isEqualTo(expected);
    }

    static TradingEngine restore(byte[] bytes) throws IOException {
        TradingEngine engine = new TradingEngine(2);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        for (Snapshotable part : engine.snapshotParts()) {
            part.readSnapshot(in);
        }
        assertThat(in.available()).as("bytes left after reading every part").isZero();
        return engine;
    }

    /** Outcome and every event field, including the averages the engine adds. */
    static String describe(Command c) {
        StringBuilder sb = new StringBuilder().append(c.rejectReason).append('/').append(c.rejectDetail).append('/')
                .append(c.rejectLimit).append('/').append(c.rejectValue);
        Events e = c.events;
        for (int i = 0; i < e.size(); i++) {
            sb.append("\n ").append(Events.typeName(e.type(i))).append(' ').append(e.orderId(i)).append(' ')
                    .append(e.counterOrderId(i)).append(' ').append(e.account(i)).append(' ')
                    .append(e.counterAccount(i)).append(' ').append(e.instrument(i)).append(' ').append(e.side(i))
                    .append(' ').append(e.price(i)).append(' ').append(e.qty(i)).append(' ').append(e.leaves(i))
                    .append(' ').append(e.counterLeaves(i)).append(' ').append(e.reason(i)).append(' ')
                    .append(e.value(i)).append(' ').append(e.value2(i)).append(' ').append(e.average(i)).append(' ')
                    .append(e.counterAverage(i)).append(' ').append(e.cumulative(i));
        }
        return sb.toString();
    }
}
