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
 * A seeded random command stream over many accounts and instruments that are defined while trading goes on (so the
 * risk and position layouts grow with live state in them): {@value #ACCOUNTS} accounts with capital and
 * {@value #INSTRUMENTS} instruments, the k-th of each defined every {@value #DEFINE_EVERY} commands; limits with
 * per-account, per-instrument and per-pair values, leverage and concentration (so working-order exposure is
 * tracked), throttles; trading states and kills on every scope, marks, end of day. Command k is the same for the
 * same seed, whoever asks.
 */
final class WideStream {

    static final long T0 = 1_700_000_000_000_000_000L;
    /** Accounts defined over the stream. */
    static final int ACCOUNTS = 37;
    /** Instruments defined over the stream. */
    static final int INSTRUMENTS = 11;
    /** One definition every this many commands, accounts and instruments alternating until all are defined. */
    static final int DEFINE_EVERY = 40;
    private static final TimeInForce[] TIFS = {TimeInForce.GTC, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.DAY};
    private static final SelfTradePrevention[] STP = SelfTradePrevention.values();

    static final String LIMITS_A = """
            default.maxOrderQty=400
            default.maxLong=900
            default.maxShort=900
            default.maxOrdersPerSecond=200
            default.maxCancelsPerSecond=150
            default.maxLeverage=40
            default.maxConcentration=0.9
            default.minConcentrationExposure=200000
            account.w3.maxOrderNotional=300000
            account.w7.maxLeverage=2
            instrument.S2.maxOrderQty=50
            account.w5.instrument.S4.maxLong=60
            account.w30.instrument.S9.maxShort=40
            """;
    static final String LIMITS_B = """
            default.maxOrderQty=350
            default.maxGrossExposure=90000000
            default.maxDailyLoss=4000000
            default.maxOrdersPerSecond=120
            account.w11.maxOrdersPerSecond=15
            account.w20.instrument.S10.maxOrderQty=5
            """;

    private final long seed;

    WideStream(long seed) {
        this.seed = seed;
    }

    /** @return the index of the command that defines the last account or instrument */
    static int lastDefinition() {
        return (ACCOUNTS + INSTRUMENTS) * DEFINE_EVERY;
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
        c.timestamp = T0 + (k + 1) * 3_000_000L;
        if (k == 0) {
            c.op = Op.SET_LIMITS;
            c.text = LIMITS_A;
            return;
        }
        int definition = k / DEFINE_EVERY;
        if (k % DEFINE_EVERY == 0 && definition <= ACCOUNTS + INSTRUMENTS) {
            define(definition - 1, c);
            return;
        }
        int accounts = Math.min(ACCOUNTS, Math.max(1, definedAccounts(k)));
        int instruments = Math.min(INSTRUMENTS, Math.max(1, definedInstruments(k)));
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + k);
        int instrument = random.nextInt(instruments);
        long mid = 1_000 + 100L * instrument;
        int r = random.nextInt(1000);
        long someId = Math.max(1, k - random.nextInt(400));
        if (r < 500) {
            c.op = Op.NEW;
            c.orderId = k + 1;
            c.account = random.nextInt(accounts);
            c.instrument = instrument;
            c.side = random.nextBoolean() ? Side.BUY : Side.SELL;
            c.type = random.nextInt(10) == 0 ? OrderType.MARKET : OrderType.LIMIT;
            c.tif = c.type == OrderType.MARKET ? TimeInForce.IOC : TIFS[random.nextInt(TIFS.length)];
            long offset = random.nextInt(21) - 10;
            c.price = c.type == OrderType.MARKET ? 0 : mid + (c.side == Side.BUY ? offset : -offset);
            c.qty = 1 + random.nextInt(random.nextInt(20) == 0 ? 500 : 40);
            c.flags = random.nextInt(30) == 0 ? OrderFlags.REDUCE_ONLY : OrderFlags.NONE;
        } else if (r < 650) {
            c.op = Op.CANCEL;
            c.orderId = someId;
        } else if (r < 850) {
            c.op = Op.REPLACE;
            c.orderId = someId;
            c.price = mid + random.nextInt(21) - 10;
            c.qty = random.nextBoolean() ? Command.UNCHANGED : 1 + random.nextInt(60);
        } else if (r < 900) {
            c.op = Op.REDUCE;
            c.orderId = someId;
            c.qty = 1 + random.nextInt(10);
        } else if (r < 950) {
            c.op = Op.MARK;
            c.instrument = instrument;
            c.price = mid + random.nextInt(41) - 20;
        } else if (r < 960) {
            c.op = Op.CLOCK;
            c.flags = random.nextInt(5) == 0 ? Op.CLOCK_END_OF_DAY : 0;
        } else if (r < 966) {
            c.op = Op.KILL;
            c.account = random.nextInt(accounts);
            c.instrument = random.nextBoolean() ? instrument : Command.ANY;
        } else if (r < 995) {
            c.op = Op.SET_TRADING_STATE;
            int scope = random.nextInt(8);
            c.account = scope < 1 || scope == 7 ? Command.ANY : random.nextInt(accounts);
            c.instrument = scope < 4 ? Command.ANY : instrument;
            int s = random.nextInt(10);
            c.flags = s < 6 ? TradingState.ACTIVE.ordinal() : s < 8 ? TradingState.REDUCING.ordinal()
                    : TradingState.HALTED.ordinal();
        } else {
            c.op = Op.SET_LIMITS;
            c.text = random.nextBoolean() ? LIMITS_A : LIMITS_B;
        }
    }

    /** Definition d: accounts at even d, instruments at odd d, until each kind is complete. */
    private static void define(int d, Command c) {
        int accounts = 0;
        int instruments = 0;
        for (int j = 0; j < d; j++) {
            if (isAccount(j, accounts, instruments)) {
                accounts++;
            } else {
                instruments++;
            }
        }
        if (isAccount(d, accounts, instruments)) {
            Registry.encode(new Registry.AccountDef(accounts, "w" + accounts, STP[accounts % STP.length],
                    5_000_000L + 1_000L * accounts), c);
        } else {
            Registry.encode(new Registry.InstrumentDef(instruments, "S" + instruments, 1, 1, 1, 0, 0, 2, 0,
                    instruments % 3 - 1, instruments % 4), c);
        }
    }

    private static boolean isAccount(int d, int accounts, int instruments) {
        return instruments >= INSTRUMENTS || (accounts < ACCOUNTS && (d % 4 != 3));
    }

    private static int definedAccounts(int k) {
        int accounts = 0;
        int instruments = 0;
        for (int d = 0; d < Math.min(k / DEFINE_EVERY, ACCOUNTS + INSTRUMENTS); d++) {
            if (isAccount(d, accounts, instruments)) {
                accounts++;
            } else {
                instruments++;
            }
        }
        return accounts;
    }

    private static int definedInstruments(int k) {
        int accounts = 0;
        int instruments = 0;
        for (int d = 0; d < Math.min(k / DEFINE_EVERY, ACCOUNTS + INSTRUMENTS); d++) {
            if (isAccount(d, accounts, instruments)) {
                accounts++;
            } else {
                instruments++;
            }
        }
        return instruments;
    }
}
