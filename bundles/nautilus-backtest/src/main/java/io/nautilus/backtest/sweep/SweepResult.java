package io.nautilus.backtest.sweep;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished (or canceled) sweep.
 *
 * @param rows      the ended runs, best first (the rows of {@code sweep.csv})
 * @param total     the runs the sweep had
 * @param failed    runs that failed
 * @param seconds   wall-clock seconds of the sweep
 * @param objective the objective, as given
 * @param out       the sweep's folder
 * @param canceled  true when the sweep was canceled before every run ended
 */
public record SweepResult(List<Row> rows, int total, int failed, double seconds, String objective, Path out,
                          boolean canceled) {

    /**
     * One ranked run.
     *
     * @param rank           1 for the best
     * @param outcome        how the run ended
     * @param value          its objective figure, or null when it has none
     * @param constraintsMet true when it completed and met every constraint
     */
    public record Row(int rank, SweepOutcome outcome, Double value, boolean constraintsMet) {
    }

    /** Copies the rows. */
    public SweepResult {
        rows = List.copyOf(rows);
    }

    /** @return the best run: the first row, when it completed; null when none did */
    public Row best() {
        return rows.isEmpty() || rows.get(0).outcome().failed() ? null : rows.get(0);
    }

    /**
     * @return the one JSON line {@code bin/nautilus-backtest} prints for a sweep:
     *         {@code {"runs":N,"failed":F,"seconds":S,"best":{...},"objective":"sharpe","value":V,"out":"DIR"}}
     */
    public String jsonLine() {
        Row best = best();
        StringBuilder sb = new StringBuilder("{\"runs\":").append(rows.size()).append(",\"failed\":").append(failed)
                .append(",\"seconds\":").append(number(seconds)).append(",\"best\":");
        if (best == null) {
            sb.append("null");
        } else {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : best.outcome().parameters().entrySet()) {
                sb.append(first ? "" : ",").append(string(e.getKey())).append(':').append(string(e.getValue()));
                first = false;
            }
            sb.append('}');
        }
        sb.append(",\"objective\":").append(string(objective)).append(",\"value\":")
                .append(best == null || best.value() == null ? "null" : number(best.value()))
                .append(",\"out\":").append(string(out.toString()));
        if (canceled) {
            sb.append(",\"canceled\":true");
        }
        return sb.append('}').toString();
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
