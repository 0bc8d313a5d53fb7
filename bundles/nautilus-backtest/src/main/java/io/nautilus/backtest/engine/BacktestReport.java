package io.nautilus.backtest.engine;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.TradeRecord;
import io.nautilus.analytics.performance.Performance;
import io.nautilus.analytics.report.HtmlReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a backtest's {@code report.html} from the run's own {@code equity.csv} and {@code fills.csv}: the daily
 * equity against the starting capital, analysed by {@link Performance#analyse}, with the fills as the trade list.
 * The report shows exactly what those files hold and, like them, does not depend on the wall clock.
 */
final class BacktestReport {

    static final String FILE = "report.html";

    private BacktestReport() {
    }

    /**
     * Writes {@code out/report.html}, or removes an older one when the run has no day of equity or its equity was
     * not positive on every day (the statistics of its returns are then undefined).
     *
     * @param out        the run's folder, holding its {@code equity.csv} and {@code fills.csv}
     * @param capital    the starting equity
     * @param strategy   the strategy's factory name
     * @param parameters the strategy's parameters
     * @param seed       the run's seed
     * @return whether a report was written
     */
    static boolean write(Path out, double capital, String strategy, Map<String, String> parameters, long seed)
            throws IOException {
        Path file = out.resolve(FILE);
        List<LocalDate> dates = new ArrayList<>();
        List<String> rows = Files.readAllLines(out.resolve("equity.csv"), StandardCharsets.UTF_8);
        double[] equity = new double[rows.size() - 1];
        for (int k = 1; k < rows.size(); k++) {
            String[] f = rows.get(k).split(",", -1);
            dates.add(LocalDate.parse(f[0]));
            equity[k - 1] = Double.parseDouble(f[1]);
        }
        if (equity.length == 0 || !(capital > 0) || !allPositive(equity)) {
            Files.deleteIfExists(file);
            return false;
        }
        PerformanceInput input = PerformanceInput.ofEquity(dates, equity, capital).withTrades(trades(out));
        HtmlReport.write(Performance.analyse(input), title(strategy, parameters, seed), file);
        return true;
    }

    private static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static List<TradeRecord> trades(Path out) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("fills.csv"), StandardCharsets.UTF_8);
        List<TradeRecord> trades = new ArrayList<>(Math.max(0, rows.size() - 1));
        for (int k = 1; k < rows.size(); k++) {
            String[] f = rows.get(k).split(",", -1);
            trades.add(new TradeRecord(Instant.parse(f[0]), f[2], f[3], Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
        return trades;
    }

    /** "smacross · fast=5, instrument=SIM-ACME, quantity=10, slow=20 · seed 1" (parameters by name). */
    static String title(String strategy, Map<String, String> parameters, long seed) {
        StringBuilder sb = new StringBuilder(strategy);
        Map<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove("account");
        sorted.remove("id");
        if (!sorted.isEmpty()) {
            sb.append(" · ");
            int n = 0;
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                sb.append(n++ > 0 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.append(" · seed ").append(seed).toString();
    }
}
