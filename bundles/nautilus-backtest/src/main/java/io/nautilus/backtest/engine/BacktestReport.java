package io.nautilus.backtest.engine;

import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.report.HtmlReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a backtest's {@code report.html} from the analysis behind its {@code stats.json} (the daily equity against
 * the capital, the fills as trades, the run's seed), titled with the strategy, its parameters and the seed. Like the
 * other files it does not depend on the wall clock.
 */
final class BacktestReport {

    static final String FILE = "report.html";

    private BacktestReport() {
    }

    /**
     * Writes {@code out/report.html}, or removes an older one when the run has no analysis (no day of data).
     *
     * @param out        the run's folder
     * @param analysis   the analysis of {@code stats.json}, {@code null} when there is none
     * @param strategy   the strategy's factory name
     * @param parameters the strategy's parameters
     * @param seed       the run's seed
     * @return whether a report was written
     */
    static boolean write(Path out, PerformanceResult analysis, String strategy, Map<String, String> parameters,
                         long seed) throws IOException {
        Path file = out.resolve(FILE);
        if (analysis == null) {
            Files.deleteIfExists(file);
            return false;
        }
        HtmlReport.write(analysis, title(strategy, parameters, seed), file);
        return true;
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
