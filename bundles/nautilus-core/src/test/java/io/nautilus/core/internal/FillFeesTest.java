package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.core.Command;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.matching.ExchangeCoreMix;
import io.nautilus.core.position.PositionKeeper;
import io.nautilus.core.position.PositionView;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fee on each fill report is the fee the positions charged for it, so the reports' fees add up to the positions'
 * fee totals, whatever the fee schedule: maker and taker basis points, fees per unit, rebates.
 */
class FillFeesTest {

    static final int INSTRUMENT = ExchangeCoreMix.INSTRUMENT;

    final TradingEngine engine = new TradingEngine(2);
    final ReportBuilder builder = new ReportBuilder();
    final Command c = new Command();
    final Map<String, Long> reportedFees = new HashMap<>();
    final int[] fillsByPhase = new int[5];
    long seq;

    List<ExecutionReport> process() {
        c.seq = ++seq;
        c.timestamp = seq;
        assertThat(Recovery.process(engine, c)).isNull();
        return builder.reports(c, engine.registry().view(), seq);
    }

    /** Fees through the journaled path: an ADD_INSTRUMENT redefinition (per-unit fee 0). */
    void defineFees(long makerBps, long takerBps) {
        String symbol = engine.registry().view().instrument(INSTRUMENT).symbol();
        c.clear();
        Registry.encode(new Registry.InstrumentDef(INSTRUMENT, symbol, 1, 1, 1, 0, 0, 0, 0, makerBps, takerBps), c);
        assertThat(process()).isEmpty();
        assertThat(c.rejected()).isFalse();
    }

    /** Fees with a per-unit part, which only the position keeper takes (the instruments file has no key for it). */
    void defineFees(long makerBps, long takerBps, long perUnit) {
        engine.positions().defineInstrument(INSTRUMENT, 0, 0, makerBps, takerBps, perUnit);
    }

    @Test
    void fillReportsCarryExactlyTheFeesThePositionsCharge() {
        ExchangeCoreMix mix = ExchangeCoreMix.generate(20_261_206, 40_000);
        int setup = mix.setupSize();
        int phase = 0;
        for (int i = 0; i < mix.size(); i++) {
            int measured = i - setup;
            if (measured >= 0 && measured % 8_000 == 0) {
                phase = measured / 8_000;
                switch (phase) {
                    case 0 -> defineFees(-3, 7);
                    case 1 -> defineFees(2, 5, 3);
                    case 2 -> defineFees(-10, 0);
                    case 3 -> defineFees(0, 4, -1);
                    default -> defineFees(1, -1, 7);
                }
            }
            mix.fill(i, c);
            for (ExecutionReport r : process()) {
                if (!r.isFill()) {
                    assertThat(r.fee()).as("report %s", r).isZero();
                    continue;
                }
                fillsByPhase[phase]++;
                long charged = engine.positions().fee(INSTRUMENT, r.lastPrice(), r.lastQuantity(),
                        r.liquidity() == Liquidity.MAKER);
                assertThat(r.fee()).as("fee of %s", r).isEqualTo(charged);
                reportedFees.merge(r.account().value(), r.fee(), Long::sum);
            }
        }

        assertThat(java.util.Arrays.stream(fillsByPhase).min().orElseThrow()).as("fills under each fee schedule")
                .isGreaterThan(100);
        PositionKeeper positions = engine.positions();
        Map<String, Long> positionFees = new HashMap<>();
        for (int account : positions.accounts()) {
            PositionView view = positions.view(account, INSTRUMENT);
            positionFees.put(engine.registry().view().account(account).name(), view.fees());
        }
        assertThat(reportedFees).as("fees per account and instrument").isEqualTo(positionFees);
        assertThat(reportedFees.values()).anyMatch(fee -> fee < 0).anyMatch(fee -> fee > 0);
    }

    @Test
    void takerFeesRoundUpAndMakerRebatesRoundTowardZero() {
        c.clear();
        Registry.encode(new Registry.InstrumentDef(0, "ABC", 1, 1, 1, 0, 0, 2, 0, -3, 7), c);
        process();
        for (int id = 0; id < 2; id++) {
            c.clear();
            Registry.encode(new Registry.AccountDef(id, id == 0 ? "alice" : "bob", SelfTradePrevention.NONE), c);
            process();
        }
        order(1, 0, Side.SELL, 100_01, 3);

        List<ExecutionReport> reports = order(2, 1, Side.BUY, 100_01, 3);

        assertThat(reports).filteredOn(ExecutionReport::isFill)
                .extracting(ExecutionReport::account, ExecutionReport::liquidity, ExecutionReport::fee)
                .as("notional 300.03: taker 7 bps = 0.210021 -> 0.22, maker -3 bps = -0.090009 -> -0.09")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AccountId.of("bob"), Liquidity.TAKER, 22L),
                        org.assertj.core.groups.Tuple.tuple(AccountId.of("alice"), Liquidity.MAKER, -9L));
        assertThat(reports).filteredOn(r -> !r.isFill()).extracting(ExecutionReport::fee).containsOnly(0L);
        assertThat(reports.get(0).instrument()).isEqualTo(InstrumentId.of("ABC"));
    }

    List<ExecutionReport> order(long id, int account, Side side, long price, long qty) {
        c.clear();
        c.op = io.nautilus.core.Op.NEW;
        c.orderId = id;
        c.clientOrderId = 100 + id;
        c.account = account;
        c.instrument = 0;
        c.side = side;
        c.type = io.nautilus.api.OrderType.LIMIT;
        c.tif = io.nautilus.api.TimeInForce.GTC;
        c.price = price;
        c.qty = qty;
        return process();
    }
}
