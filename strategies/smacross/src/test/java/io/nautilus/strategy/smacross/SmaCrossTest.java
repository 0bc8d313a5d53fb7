package io.nautilus.strategy.smacross;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.strategy.smacross.RecordingContext.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmaCrossTest {

    private static final InstrumentId BTC = InstrumentId.of("BTC-USD.SIM");
    /** Price scale 2, quantity scale 2 (0.01). */
    private static final Instrument DEFINITION = new Instrument(BTC, "BTC-USD", VenueId.of("SIM"), 1, 1, 1, 2, 2,
            "USD");
    private static final long MINUTE = 60_000_000_000L;
    /** Fast 2, slow 3, 0.5 (50 units), 1-minute bars. */
    private static final SmaCrossSettings SETTINGS = new SmaCrossSettings(BTC, 2, 3, new BigDecimal("0.5"), MINUTE);

    private RecordingContext context;
    private SmaCross strategy;
    private long execId;
    private long minute = 1_000;

    @BeforeEach
    void setUp() {
        context = started(SETTINGS);
    }

    private RecordingContext started(SmaCrossSettings settings) {
        RecordingContext recording = new RecordingContext();
        recording.instruments.put(BTC, DEFINITION);
        strategy = new SmaCross(settings);
        strategy.start(recording);
        return recording;
    }

    private static Request market(long id, Side side, long quantity) {
        return new Request("submit", id, side, OrderType.MARKET, TimeInForce.IOC, Long.MIN_VALUE, quantity);
    }

    @Test
    void equalAveragesCountAsNotAboveSoTheNextBarAboveBuys() {
        closes(100, 100, 100); // fast 100 = slow 100
        assertThat(context.take()).isEmpty();

        closes(103); // fast 101.5 > slow 101
        assertThat(context.take()).containsExactly(market(101, Side.BUY, 50));
    }

    @Test
    void equalAveragesWhileLongDoNotSellAndTheNextBarBelowDoes() {
        closes(100, 100, 100, 103);
        strategy.onExecutionReport(fill(101, Side.BUY, 50, 50, 0));
        context.take();

        closes(97); // fast (103 + 97) / 2 = 100 = slow (100 + 103 + 97) / 3
        assertThat(context.take()).isEmpty();

        closes(97); // fast 97 < slow 99
        assertThat(context.take()).containsExactly(market(102, Side.SELL, 50));
        strategy.onExecutionReport(fill(102, Side.SELL, 50, 50, 0));
        assertThat(strategy.position()).isZero();
    }

    @Test
    void aFirstComparisonAfterABarWithoutSlowAverageIsNoCross() {
        closes(100, 90); // no slow average yet
        closes(120); // fast 105 > slow 103.33, but the previous bar had no slow average
        closes(121); // still above: no cross
        assertThat(context.take()).isEmpty();

        closes(80, 130); // 80: fast 100.5 < slow 107 (flat: no sell); 130: fast 105 < slow 110.33
        assertThat(context.take()).isEmpty();
        closes(140); // fast 135 > slow 116.67, previous below
        assertThat(context.take()).containsExactly(market(101, Side.BUY, 50));
    }

    @Test
    void aCrossAboveWhileAnOrderIsWorkingOrWhileLongDoesNotBuy() {
        closes(100, 100, 100, 103); // BUY 101 sent, not yet answered
        context.take();
        closes(90, 80); // below: flat by fills, so no sell
        closes(120, 130); // above again, but the BUY is still working
        assertThat(context.take()).isEmpty();

        strategy.onExecutionReport(fill(101, Side.BUY, 50, 50, 0));
        closes(90, 80, 120, 130); // below: SELL 50, unanswered; above: working, no BUY
        assertThat(context.take()).containsExactly(market(102, Side.SELL, 50));
    }

    @Test
    void aPartlyFilledBuySellsItsWholePositionAtTheCrossBelow() {
        closes(100, 100, 100, 103);
        strategy.onExecutionReport(fill(101, Side.BUY, 20, 20, 30));
        strategy.onExecutionReport(canceled(101, Side.BUY, 20));
        context.take();

        closes(90);
        assertThat(context.take()).containsExactly(market(102, Side.SELL, 20));
    }

    @Test
    void onlyTimeBarsOfTheConfiguredIntervalAndInstrumentCount() {
        closes(100, 100, 100);
        strategy.onBar(new Bar(InstrumentId.of("ETH-USD.SIM"), minute * MINUTE, (minute + 1) * MINUTE, 200, 200, 200,
                200, 1, 1));
        strategy.onBar(new Bar(BTC, minute * MINUTE + 1, (minute + 1) * MINUTE + 1, 200, 200, 200, 200, 1, 1));
        strategy.onBar(new Bar(BTC, minute * MINUTE, minute * MINUTE + 5, 200, 200, 200, 200, 1, 100));
        strategy.onBar(new Bar(BTC, minute * MINUTE, (minute + 5) * MINUTE, 200, 200, 200, 200, 1, 1));
        assertThat(context.take()).isEmpty();

        closes(103);
        assertThat(context.take()).containsExactly(market(101, Side.BUY, 50));
    }

    @Test
    void averagesAreComparedExactlyWhereLongsAndDoublesWouldFail() {
        context = started(new SmaCrossSettings(BTC, 2, 9, new BigDecimal("1"), MINUTE));
        long big = 1_000_000_000_000_000_000L; // sums fit a long, sum * length does not
        for (int i = 0; i < 9; i++) {
            closes(big);
        }
        closes(big + 9); // fast (2e18 + 9) * 9 > slow (9e18 + 9) * 2; in doubles both averages are 1e18
        assertThat(context.take()).containsExactly(market(101, Side.BUY, 100));
    }

    @Test
    void productsCompareLikeBigIntegers() {
        SplittableRandom random = new SplittableRandom(42);
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE + 1, 10_000, 3_037_000_500L};
        for (int i = 0; i < 20_000; i++) {
            long a = i < 7 ? edges[i] : random.nextLong();
            long b = random.nextInt(10_001);
            long c = i % 3 == 0 ? a : random.nextLong();
            long d = i % 3 == 0 ? b : random.nextInt(10_001);
            int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                    .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            assertThat(SmaCross.compareProducts(a, b, c, d)).as("%d * %d vs %d * %d", a, b, c, d)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theQuantityIsConvertedWithTheInstrumentsScaleAtStart() {
        RecordingContext recording = new RecordingContext();
        recording.instruments.put(BTC, DEFINITION);
        SmaCross tooFine = new SmaCross(new SmaCrossSettings(BTC, 2, 3, new BigDecimal("0.005"), MINUTE));
        SmaCross unknown = new SmaCross(new SmaCrossSettings(InstrumentId.of("NOPE"), 2, 3, BigDecimal.ONE, MINUTE));

        assertThatThrownBy(() -> tooFine.start(recording)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter quantity '0.005'").hasMessageContaining("scale 2");
        assertThatThrownBy(() -> unknown.start(recording)).hasMessageContaining("instrument NOPE is unknown");
    }

    @Test
    void stateCarriesTheWindowThePreviousComparisonAndThePosition() {
        closes(100, 100, 100, 103);
        strategy.onExecutionReport(fill(101, Side.BUY, 50, 50, 0));
        closes(97); // equal: previous comparison 0
        context.take();
        Map<String, String> state = strategy.exportState();
        SmaCross old = strategy;

        RecordingContext next = started(SETTINGS);
        strategy.importState(state);
        closes(97);
        assertThat(next.take()).containsExactly(market(101, Side.SELL, 50));
        assertThat(strategy.exportState()).containsEntry("closes", "103,97,97").containsEntry("previous", "-1")
                .containsEntry("position", "50").containsEntry("workingId", "101");

        old.onBar(lastBar);
        assertThat(context.take()).containsExactly(market(102, Side.SELL, 50));
    }

    @Test
    void importedStateOfOtherLengthsStartsWithoutAPreviousComparison() {
        closes(100, 100, 100, 100);
        Map<String, String> state = strategy.exportState(); // previous comparison 0 at fast 2, slow 3

        RecordingContext next = started(new SmaCrossSettings(BTC, 1, 3, new BigDecimal("0.5"), MINUTE));
        strategy.importState(state);
        closes(103); // fast 103 > slow 101, but no previous comparison at fast 1
        assertThat(next.take()).isEmpty();
        closes(90, 110); // below, then above
        assertThat(next.take()).containsExactly(market(101, Side.BUY, 50));
    }

    @Test
    void badStateIsRefusedAndChangesNothing() {
        closes(100, 100, 100);
        Map<String, String> good = strategy.exportState();

        assertThatThrownBy(() -> strategy.importState(Map.of("version", "9"))).hasMessageContaining("version '9'");
        Map<String, String> other = new java.util.HashMap<>(good);
        other.put("instrument", "ETH-USD.SIM");
        assertThatThrownBy(() -> strategy.importState(other)).hasMessageContaining("ETH-USD.SIM");
        Map<String, String> bad = new java.util.HashMap<>(good);
        bad.put("position", "x");
        assertThatThrownBy(() -> strategy.importState(bad)).hasMessageContaining("'position' has 'x'");
        assertThat(strategy.exportState()).isEqualTo(good);
    }

    @Test
    void settingsRefuseBadLengthsAndQuantities() {
        assertThatThrownBy(() -> new SmaCrossSettings(BTC, 3, 3, BigDecimal.ONE, MINUTE))
                .hasMessage("smacross: needs 1 <= fast < slow <= 10000; got fast 3, slow 3");
        assertThatThrownBy(() -> new SmaCrossSettings(BTC, 2, 3, BigDecimal.ZERO, MINUTE))
                .hasMessage("smacross: parameter quantity '0' must be greater than zero");
        assertThat(SmaCrossSettings.timeBarNanos("time:250ms")).isEqualTo(250_000_000L);
        assertThat(SmaCrossSettings.timeBarNanos(" time:1h ")).isEqualTo(3_600_000_000_000L);
        for (String bad : List.of("ticks:100", "time:0m", "time:1d", "time:m", "")) {
            assertThatThrownBy(() -> SmaCrossSettings.timeBarNanos(bad)).hasMessageContaining("barSpec '" + bad + "'");
        }
    }

    private Bar lastBar;

    private void closes(long... values) {
        for (long close : values) {
            long start = ++minute * MINUTE;
            lastBar = new Bar(BTC, start, start + MINUTE, close, close, close, close, 1, 1);
            strategy.onBar(lastBar);
        }
    }

    private ExecutionReport fill(long clientOrderId, Side side, long quantity, long cumulative, long leaves) {
        return new ExecutionReport(++execId, clientOrderId, 0, 7, AccountId.of("ACC-1"), null, BTC, null, side,
                leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL,
                leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, RejectReason.NONE,
                CancelReason.NONE, Liquidity.TAKER, null, 10_000, quantity, leaves, cumulative, 10_000, 1, 1);
    }

    private ExecutionReport canceled(long clientOrderId, Side side, long cumulative) {
        return new ExecutionReport(++execId, clientOrderId, 0, 7, AccountId.of("ACC-1"), null, BTC, null, side,
                ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE, CancelReason.IOC_REMAINDER,
                Liquidity.NONE, null, Long.MIN_VALUE, 0, 0, cumulative, 10_000, 1, 1);
    }
}
