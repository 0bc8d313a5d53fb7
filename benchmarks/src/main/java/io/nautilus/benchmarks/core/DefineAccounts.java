package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.risk.RiskLimits;

import java.util.Locale;

/**
 * How long the trading engine takes to define N accounts (ADD_ACCOUNT commands, as the core's start-up and a
 * journal replay send them) with risk limits in force, for each N given: the time should grow with N, not N².
 * Prints one line per N, then one JSON line.
 *
 * <p>Usage: {@code java -cp benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.core.DefineAccounts
 * [N ...]} (default 2000 20000 100000).
 */
public final class DefineAccounts {

    private DefineAccounts() {
    }

    public static void main(String[] args) {
        int[] counts = args.length == 0 ? new int[] {2_000, 20_000, 100_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        StringBuilder json = new StringBuilder("{\"benchmark\":\"define-accounts\",\"results\":[");
        for (int k = 0; k < counts.length; k++) {
            int n = counts[k];
            TradingEngine engine = new TradingEngine(0);
            Command c = new Command();
            c.clear();
            c.op = Op.SET_LIMITS;
            c.text = "default.maxOrderQty=1000\ndefault.maxOrdersPerSecond=20000\naccount.a7.maxOrderQty=10\n";
            c.attachment = RiskLimits.parse(c.text);
            engine.process(c);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c.clear();
                Registry.encode(new Registry.AccountDef(i, "a" + i, SelfTradePrevention.NONE, 0), c);
                engine.process(c);
                if (c.rejected()) {
                    throw new IllegalStateException("account " + i + " rejected: " + c.rejectDetail);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%,d accounts defined in %.3f s (%.2f µs each)%n", n, seconds,
                    seconds * 1e6 / n);
            json.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"accounts\":%d,\"seconds\":%.3f}", n,
                    seconds));
        }
        System.out.println(json.append("]}"));
    }
}
