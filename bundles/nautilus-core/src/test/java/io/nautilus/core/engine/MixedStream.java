package io.nautilus.core.engine;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.TradingState;
import io.nautilus.core.matching.ExchangeCoreMix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link ExchangeCoreMix} stream (setup included) with admin commands woven in: risk limits (set before the
 * accounts they name exist, then changed), marks, an end of day, kills of 50 accounts and trading-state changes. Command k has seq
 * k + 1 and logical time {@link #T0} + (k + 1) * {@link #STEP}, about 50,000 commands a second, so the rate limits
 * bite now and then.
 */
final class MixedStream {

    static final long T0 = 1_700_000_000_000_000_000L;
    static final long STEP = 20_000;

    static final String FIRST_LIMITS = """
            default.maxOrderQty=95
            default.maxPosition=600
            default.maxOrdersPerSecond=40
            default.maxCancelsPerSecond=6
            account.acct-5.maxOrderQty=20
            account.acct-7.instrument.XCORE.maxLong=50
            instrument.XCORE.maxOrderQty=90
            """;
    static final String SECOND_LIMITS = """
            default.maxOrderQty=80
            default.maxPosition=400
            default.maxOrdersPerSecond=30
            default.maxCancelsPerSecond=8
            default.maxDailyLoss=20000000
            account.acct-11.maxOrderNotional=2000000
            """;

    private final ExchangeCoreMix mix;
    private final int[] source;
    private final List<Consumer<Command>> extras = new ArrayList<>();

    /**
     * @param seed the mix's seed
     * @param commands the mix's measured commands (after its setup)
     */
    MixedStream(long seed, int commands) {
        mix = ExchangeCoreMix.generate(seed, commands);
        int setup = mix.setupSize();
        List<int[]> plan = new ArrayList<>();
        plan.add(new int[] {-1, extra(limits(FIRST_LIMITS))});
        for (int i = 0; i < mix.size(); i++) {
            if (i == setup) {
                plan.add(new int[] {-1, extra(mark(ExchangeCoreMix.START_PRICE))});
            }
            int measured = i - setup;
            if (measured > 0) {
                if (measured % 7_919 == 0) {
                    long price = ExchangeCoreMix.START_PRICE + (measured / 7_919 % 5) - 2;
                    plan.add(new int[] {-1, extra(mark(price))});
                }
                switch (measured) {
                    case 20_000 -> plan.add(new int[] {-1, extra(state(Command.ANY, 0, TradingState.REDUCING))});
                    case 22_000 -> plan.add(new int[] {-1, extra(state(Command.ANY, 0, TradingState.ACTIVE))});
                    case 30_000 -> plan.add(new int[] {-1, extra(limits(SECOND_LIMITS))});
                    case 45_000 -> plan.add(new int[] {-1, extra(endOfDay())});
                    case 60_000 -> {
                        for (int a = 0; a < 50; a++) {
                            plan.add(new int[] {-1, extra(kill(a))});
                        }
                    }
                    case 70_000 -> {
                        for (int a = 0; a < 50; a++) {
                            plan.add(new int[] {-1, extra(state(a, Command.ANY, TradingState.ACTIVE))});
                        }
                    }
                    case 90_000 -> plan.add(new int[] {-1, extra(state(3, 0, TradingState.HALTED))});
                    case 140_000 -> plan.add(new int[] {-1, extra(limits(FIRST_LIMITS))});
                    default -> {
                    }
                }
            }
            plan.add(new int[] {i, 0});
        }
        source = new int[plan.size()];
        for (int k = 0; k < source.length; k++) {
            int[] p = plan.get(k);
            source[k] = p[0] >= 0 ? p[0] : -1 - p[1];
        }
    }

    /** @return number of commands */
    int size() {
        return source.length;
    }

    /** @return number of admin commands woven in */
    int extras() {
        return extras.size();
    }

    /**
     * Fills command k (input fields; seq k + 1, its logical time).
     *
     * @param k 0 &lt;= k &lt; {@link #size()}
     * @param c the slot
     */
    void fill(int k, Command c) {
        int s = source[k];
        if (s >= 0) {
            mix.fill(s, c);
        } else {
            c.clear();
            extras.get(-1 - s).accept(c);
        }
        c.seq = k + 1;
        c.timestamp = T0 + (k + 1) * STEP;
    }

    private int extra(Consumer<Command> filler) {
        extras.add(filler);
        return extras.size() - 1;
    }

    private static Consumer<Command> limits(String text) {
        return c -> {
            c.op = Op.SET_LIMITS;
            c.text = text;
        };
    }

    private static Consumer<Command> mark(long price) {
        return c -> {
            c.op = Op.MARK;
            c.instrument = ExchangeCoreMix.INSTRUMENT;
            c.price = price;
        };
    }

    private static Consumer<Command> endOfDay() {
        return c -> {
            c.op = Op.CLOCK;
            c.flags = Op.CLOCK_END_OF_DAY;
        };
    }

    private static Consumer<Command> kill(int account) {
        return c -> {
            c.op = Op.KILL;
            c.account = account;
            c.instrument = Command.ANY;
        };
    }

    private static Consumer<Command> state(int account, int instrument, TradingState state) {
        return c -> {
            c.op = Op.SET_TRADING_STATE;
            c.account = account;
            c.instrument = instrument;
            c.flags = state.ordinal();
        };
    }
}
