package io.nautilus.core.engine;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.TradingState;

import java.util.SplittableRandom;

/**
 * A seeded random command stream using every feature of the engine: two instruments (one with a band and fees), four
 * accounts with different self-trade prevention, every order type and time in force, icebergs, post-only and
 * reduce-only, cancels, replaces, reduces, mass cancels, marks, clocks (GTD expiry and end of day), trading states,
 * kills and risk limits with rate throttles. Command k is the same for the same seed, whoever asks.
 */
final class RichStream {

    static final long T0 = 1_700_000_000_000_000_000L;
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final SelfTradePrevention[] STP = SelfTradePrevention.values();
    private static final int SETUP = 7;

    private final long seed;

    RichStream(long seed) {
        this.seed = seed;
    }

    /**
     * Fills command k (seq k + 1).
     *
     * @param k command index
     * @param c the slot
     */
    void fill(int k, Command c) {
        c.clear();
        c.seq = k + 1;
        c.timestamp = T0 + (k + 1) * 7_000_000L;
        if (k < SETUP) {
            setup(k, c);
            return;
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + k);
        int instrument = random.nextInt(2);
        long mid = instrument == 0 ? 10_000 : 500;
        long tick = instrument == 0 ? 5 : 1;
        int r = random.nextInt(1000);
        long someId = Math.max(1, k - random.nextInt(300));
        if (r < 480) {
            c.op = Op.NEW;
            c.orderId = k + 1;
            c.clientOrderId = k + 1_000_000L;
            c.account = random.nextInt(4);
            c.instrument = instrument;
            c.side = random.nextBoolean() ? Side.BUY : Side.SELL;
            c.type = TYPES[random.nextInt(10) < 6 ? 1 : random.nextInt(TYPES.length)];
            c.tif = TIFS[random.nextInt(10) < 5 ? 0 : random.nextInt(TIFS.length)];
            c.price = (mid / tick + random.nextInt(21) - 10) * tick;
            c.stopPrice = (mid / tick + random.nextInt(21) - 10) * tick;
            c.qty = (1 + random.nextInt(30)) * (instrument == 0 ? 10 : 1);
            c.displayQty = random.nextInt(8) == 0 ? c.qty / 3 / 10 * 10 : 0;
            c.expiry = c.tif == TimeInForce.GTD ? c.timestamp + random.nextInt(40) * 7_000_000L : 0;
            int f = random.nextInt(30);
            c.flags = f == 0 ? OrderFlags.POST_ONLY : f == 1 ? OrderFlags.REDUCE_ONLY : 0;
        } else if (r < 600) {
            c.op = Op.CANCEL;
            c.orderId = someId;
        } else if (r < 800) {
            c.op = Op.REPLACE;
            c.orderId = someId;
            c.price = random.nextBoolean() ? Command.UNCHANGED : (mid / tick + random.nextInt(21) - 10) * tick;
            c.qty = random.nextInt(3) == 0 ? Command.UNCHANGED : (1 + random.nextInt(30)) * 10;
        } else if (r < 880) {
            c.op = Op.REDUCE;
            c.orderId = someId;
            c.qty = (1 + random.nextInt(10)) * (random.nextBoolean() ? 10 : 1);
        } else if (r < 920) {
            c.op = Op.MARK;
            c.instrument = instrument;
            c.price = (mid / tick + random.nextInt(11) - 5) * tick;
        } else if (r < 960) {
            c.op = Op.CLOCK;
            c.flags = random.nextInt(10) == 0 ? Op.CLOCK_END_OF_DAY : 0;
        } else if (r < 970) {
            c.op = Op.MASS_CANCEL;
            c.account = random.nextBoolean() ? Command.ANY : random.nextInt(4);
            c.instrument = random.nextBoolean() ? Command.ANY : instrument;
        } else if (r < 972) {
            c.op = Op.KILL;
            c.account = random.nextInt(4);
            c.instrument = random.nextInt(4) == 0 ? instrument : Command.ANY;
        } else if (r < 992) {
            c.op = Op.SET_TRADING_STATE;
            int scope = random.nextInt(8);
            c.account = scope < 2 || scope == 7 ? Command.ANY : random.nextInt(4);
            c.instrument = scope < 6 ? Command.ANY : instrument;
            int s = random.nextInt(20);
            c.flags = s < 16 ? TradingState.ACTIVE.ordinal() : s < 19 ? TradingState.REDUCING.ordinal()
                    : TradingState.HALTED.ordinal();
        } else {
            c.op = Op.SET_LIMITS;
            c.text = random.nextBoolean() ? LIMITS_A : LIMITS_B;
        }
    }

    static final String LIMITS_A = """
            default.maxOrderQty=250
            default.maxPosition=400
            default.maxOrdersPerSecond=60
            default.maxCancelsPerSecond=40
            account.a1.maxOrderNotional=200000
            instrument.SMALL.maxOrderQty=25
            account.a2.instrument.BIG.maxLong=150
            """;
    static final String LIMITS_B = """
            default.maxOrderQty=300
            default.maxGrossExposure=9000000
            default.maxDailyLoss=500000
            default.maxOrdersPerSecond=80
            account.a3.maxOrdersPerSecond=20
            """;

    private static void setup(int k, Command c) {
        switch (k) {
            case 0 -> {
                c.op = Op.SET_LIMITS;
                c.text = LIMITS_A;
            }
            case 1 -> Registry.encode(new Registry.InstrumentDef(0, "BIG", 5, 10, 10, 500, 10_000, 2, 0, -1, 3), c);
            case 2 -> Registry.encode(new Registry.InstrumentDef(1, "SMALL", 1, 1, 1, 0, 0, 2, 0, 0, 0), c);
            default -> Registry.encode(new Registry.AccountDef(k - 3, "a" + (k - 3), STP[k - 3]), c);
        }
    }
}
