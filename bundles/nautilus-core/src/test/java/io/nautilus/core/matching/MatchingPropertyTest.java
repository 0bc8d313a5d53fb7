package io.nautilus.core.matching;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command streams over a narrow price range and four accounts (one per self-trade prevention mode), checked
 * after every command against {@link ReferenceEngine} and against invariants that need no model.
 */
class MatchingPropertyTest {

    private static final int[] INSTRUMENTS = {0, 1};
    private static final int UNDEFINED_ACCOUNT = 9;
    private static final SelfTradePrevention[] MODES = SelfTradePrevention.values();
    private static final int STEP_FIELDS = 12;

    @Provide
    Arbitrary<List<int[]>> streams() {
        return Arbitraries.integers().between(0, 999_999).array(int[].class).ofSize(STEP_FIELDS).list().ofSize(300);
    }

    @Property(tries = 200)
    void engineMatchesTheReferenceModelAndKeepsItsInvariants(@ForAll("streams") List<int[]> steps) {
        MatchingEngine engine = new MatchingEngine();
        ReferenceEngine model = new ReferenceEngine();
        for (int instrument : INSTRUMENTS) {
            engine.defineInstrument(instrument, 1, 1, 1, 0, 0);
            model.defineInstrument(instrument, 1, 1, 1, 0, 0);
        }
        for (int account = 0; account < MODES.length; account++) {
            engine.defineAccount(account, MODES[account]);
            model.defineAccount(account, MODES[account]);
        }
        Ledger ledger = new Ledger();
        Command c = new Command();
        long nextId = 1;
        long now = 0;
        for (int n = 0; n < steps.size(); n++) {
            int[] s = steps.get(n);
            now += 10;
            c.clear();
            c.timestamp = now;
            int kind = s[0] % 100;
            if (kind < 45 || kind >= 93) {
                c.op = Op.NEW;
                c.orderId = s[1] % 20 == 0 ? s[1] / 20 % nextId : nextId++;
                c.account = s[2] % 50 == 49 ? UNDEFINED_ACCOUNT : s[2] % MODES.length;
                c.instrument = s[2] / 4 % 5 == 0 ? 1 : 0;
                c.side = s[3] % 2 == 0 ? Side.BUY : Side.SELL;
                int type = s[4] % 20;
                c.type = type < 14 ? OrderType.LIMIT : type < 17 ? OrderType.MARKET
                        : type < 19 ? OrderType.STOP : OrderType.STOP_LIMIT;
                int tif = s[5] % 20;
                c.tif = tif < 10 ? TimeInForce.GTC : tif < 13 ? TimeInForce.IOC : tif < 15 ? TimeInForce.FOK
                        : tif < 17 ? TimeInForce.DAY : TimeInForce.GTD;
                c.price = s[6] % 50 == 0 ? 0 : 95 + s[6] % 11;
                c.qty = s[7] % 50 == 0 ? 0 : 1 + s[7] % 10;
                c.stopPrice = 95 + s[8] % 11;
                c.displayQty = s[9] % 4 == 0 ? 1 + s[9] / 4 % 3 : 0;
                c.flags = s[10] % 10 == 0 ? OrderFlags.POST_ONLY : 0;
                c.expiry = c.tif == TimeInForce.GTD ? now + s[11] % 100 : 0;
            } else if (kind < 60) {
                c.op = Op.CANCEL;
                c.orderId = s[1] % (nextId + 1);
            } else if (kind < 75) {
                c.op = Op.REPLACE;
                c.orderId = s[1] % (nextId + 1);
                c.price = s[6] % 3 == 0 ? Command.UNCHANGED : 95 + s[6] % 11;
                c.qty = s[7] % 3 == 0 ? Command.UNCHANGED : s[7] % 13;
            } else if (kind < 85) {
                c.op = Op.REDUCE;
                c.orderId = s[1] % (nextId + 1);
                c.qty = s[7] % 6;
            } else if (kind < 88) {
                c.op = Op.MASS_CANCEL;
                c.account = s[2] % 5 == 4 ? Command.ANY : s[2] % 4;
                c.instrument = s[3] % 3 == 2 ? Command.ANY : s[3] % 2;
            } else if (kind < 92) {
                c.op = Op.CLOCK;
                c.flags = s[3] % 4 == 0 ? Op.CLOCK_END_OF_DAY : 0;
            } else {
                c.op = Op.KILL;
                c.account = s[2] % 4;
                c.instrument = Command.ANY;
            }
            String step = "step " + n + ": " + c;
            List<Ev> expected = normalize(model.process(c));
            engine.process(c);
            List<Ev> actual = normalize(Ev.copy(c.events));

            assertThat(actual).as(step).isEqualTo(expected);
            assertThat(c.rejectReason).as(step).isEqualTo(model.lastReject());
            ledger.apply(actual);
            checkBooks(engine, model, step);
            ledger.check(engine, step);
        }
    }

    /** Rejects are compared by reason; the limit and would-be value are informative only. */
    private static List<Ev> normalize(List<Ev> events) {
        return events.stream().map(e -> e.type() != Events.REJECTED ? e
                : new Ev(e.type(), e.orderId(), 0, e.account(), e.counterAccount(), e.instrument(), e.side(), 0, 0, 0,
                0, e.reason(), 0, 0)).toList();
    }

    private static void checkBooks(MatchingEngine engine, ReferenceEngine model, String step) {
        for (int instrument : INSTRUMENTS) {
            ReferenceEngine.Inst inst = model.instruments.get(instrument);
            long bid = engine.bestBid(instrument);
            long ask = engine.bestAsk(instrument);
            if (bid != MatchingEngine.NO_PRICE && ask != MatchingEngine.NO_PRICE) {
                assertThat(bid).as("crossed book after %s", step).isLessThan(ask);
            }
            for (Side side : Side.values()) {
                List<String> actual = engine.bookOrders(instrument, side).stream()
                        .map(o -> o.orderId() + ":" + o.price() + ":" + o.openQty() + "/" + o.visibleQty()).toList();
                List<String> expected = inst.side(side == Side.BUY).stream()
                        .map(o -> o.id + ":" + o.price + ":" + o.open + "/" + o.visible).toList();
                assertThat(actual).as("%s queue of instrument %d after %s", side, instrument, step)
                        .isEqualTo(expected);
                long displayed = engine.depth(instrument, side, Integer.MAX_VALUE).stream()
                        .mapToLong(LevelView::qty).sum();
                assertThat(displayed).as(step).isEqualTo(inst.side(side == Side.BUY).stream()
                        .mapToLong(o -> o.visible).sum());
            }
            assertThat(engine.stopOrders(instrument).stream().map(OrderView::orderId).toList()).as(step)
                    .isEqualTo(inst.stops.stream().map(o -> o.id).toList());
            assertThat(engine.lastTradePrice(instrument)).as(step).isEqualTo(inst.last);
        }
        assertThat(engine.workingOrderCount()).as(step).isEqualTo(model.working.size());
    }

    /** Per-order quantity accounting rebuilt from the events alone. */
    private static final class Ledger {
        private final Map<Long, long[]> orders = new HashMap<>();
        private final Map<Long, Side> sides = new HashMap<>();
        private long bought;
        private long sold;

        // fields: 0 ordered, 1 total now, 2 filled, 3 canceled+expired, 4 reduced
        void apply(List<Ev> events) {
            for (Ev e : events) {
                switch (e.type()) {
                    case Events.ACCEPTED -> {
                        orders.put(e.orderId(), new long[] {e.qty(), e.qty(), 0, 0, 0});
                        sides.put(e.orderId(), e.side());
                    }
                    case Events.TRADE -> {
                        orders.get(e.orderId())[2] += e.qty();
                        orders.get(e.counterOrderId())[2] += e.qty();
                        Side maker = sides.get(e.counterOrderId());
                        assertThat(maker).as("maker side of %s", e).isEqualTo(e.side().opposite());
                        if (e.side() == Side.BUY) {
                            bought += e.qty();
                        } else {
                            sold += e.qty();
                        }
                        if (maker == Side.BUY) {
                            bought += e.qty();
                        } else {
                            sold += e.qty();
                        }
                    }
                    case Events.CANCELED, Events.EXPIRED -> orders.get(e.orderId())[3] += e.qty();
                    case Events.REDUCED -> {
                        long[] o = orders.get(e.orderId());
                        o[4] += e.qty();
                        o[1] -= e.qty();
                    }
                    case Events.REPLACED -> {
                        long[] o = orders.get(e.orderId());
                        o[0] += e.qty() - o[1];
                        o[1] = e.qty();
                    }
                    default -> {
                    }
                }
            }
        }

        void check(MatchingEngine engine, String step) {
            assertThat(bought).as("bought vs sold after %s", step).isEqualTo(sold);
            for (Map.Entry<Long, long[]> entry : orders.entrySet()) {
                long id = entry.getKey();
                long[] o = entry.getValue();
                long open = engine.openQty(id);
                assertThat(o[2] + open + o[3] + o[4]).as("quantity of order %d after %s", id, step).isEqualTo(o[0]);
                engine.order(id).ifPresent(v -> {
                    assertThat(v.qty()).as("total of order %d after %s", id, step).isEqualTo(o[1]);
                    assertThat(v.filledQty()).isEqualTo(o[2]);
                });
            }
        }
    }
}
