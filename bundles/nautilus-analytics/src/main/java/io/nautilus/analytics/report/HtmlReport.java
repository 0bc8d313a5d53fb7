package io.nautilus.analytics.report;

import io.nautilus.analytics.api.Drawdown;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.TradeRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A performance report as one self-contained HTML file: the statistics table, the equity curve against the
 * benchmark, the underwater (drawdown) curve, the monthly returns heat map with a yearly column, the histogram of the
 * period returns, rolling Sharpe and volatility, the worst drawdowns and the trade list. The chart library (uPlot,
 * from its Maven webjar, embedded in this bundle) and the data are inline: the file opens with no network, and its
 * Content-Security-Policy forbids any fetch. Every text that comes from outside (title, instruments, sides) is
 * escaped. The same result and title always give the same bytes: nothing depends on the wall clock or the locale.
 */
public final class HtmlReport {

    /** Trades shown at each end of a long trade list; the rows between are counted, not shown. */
    static final int TRADES_AT_EACH_END = 50;

    private static final String RESOURCES = "/io/nautilus/analytics/report/";
    private static final Pattern LIBRARY_VERSION = Pattern.compile("uPlot \\(v([0-9.]+)\\)");

    private static volatile Assets assets;

    private record Assets(String libraryJs, String libraryCss, String libraryVersion, String reportJs,
                          String reportCss) {
    }

    private HtmlReport() {
    }

    /**
     * Writes the report of {@code result} to {@code file} (UTF-8), replacing it.
     *
     * @param result the statistics and series, e.g. from {@code Performance.analyse}
     * @param title  the report's title (a strategy and its parameters, an account); any text, it is escaped
     * @param file   the HTML file to write; its folder must exist
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if the series of {@code result} do not have one value per date
     */
    public static void write(PerformanceResult result, String title, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String html = render(result, title);
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /**
     * The report as HTML text.
     *
     * @param result the statistics and series
     * @param title  the title, escaped
     * @return the whole document
     */
    static String render(PerformanceResult result, String title) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(title, "title");
        int n = result.dates().size();
        checkLength("equity", result.equity(), n);
        checkLength("underwater", result.underwater(), n);
        checkLength("rollingSharpe", result.rollingSharpe(), n);
        checkLength("rollingVolatility", result.rollingVolatility(), n);
        if (result.benchmarkEquity() != null) {
            checkLength("benchmarkEquity", result.benchmarkEquity(), n);
        }
        Assets a = assets();
        StringBuilder sb = new StringBuilder(a.libraryJs().length() + 64 * 1024 + n * 96);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>");
        Html.text(sb, title).append("</title>\n<style>\n").append(a.libraryCss()).append("\n</style>\n<style>\n")
                .append(a.reportCss()).append("</style>\n</head>\n<body>\n");
        header(sb, result, title);
        sb.append("<main>\n");
        metrics(sb, result);
        chart(sb, "equity", result.benchmarkEquity() != null ? "Equity against the benchmark" : "Equity",
                "chart tall");
        chart(sb, "underwater", "Drawdown (underwater)", "chart short");
        heatMap(sb, result.monthlyReturns(), result.yearlyReturns());
        sb.append("<div class=\"row\">\n");
        chart(sb, "histogram", "Distribution of period returns", "chart");
        chart(sb, "rolling", "Rolling Sharpe and volatility (" + result.rollingWindow() + " periods)", "chart");
        sb.append("</div>\n");
        drawdowns(sb, result.worstDrawdowns());
        trades(sb, result.trades());
        sb.append("</main>\n<footer>Nautilus performance report · charts drawn with uPlot ")
                .append(Html.text(a.libraryVersion())).append(" (MIT licence) · all values computed before this ")
                .append("file was written; it needs no network</footer>\n");
        sb.append("<script type=\"application/json\" id=\"report-data\">");
        data(sb, result);
        sb.append("</script>\n<script>\n").append(a.libraryJs()).append("\n</script>\n<script>\n")
                .append(a.reportJs()).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void checkLength(String name, double[] values, int dates) {
        if (values == null || values.length != dates) {
            throw new IllegalArgumentException("the report needs one " + name + " value per date: "
                    + (values == null ? "none" : values.length) + " values for " + dates + " dates");
        }
    }

    private static void header(StringBuilder sb, PerformanceResult r, String title) {
        sb.append("<header>\n<h1>");
        Html.text(sb, title).append("</h1>\n<p class=\"period\">");
        List<LocalDate> dates = r.dates();
        if (dates.isEmpty()) {
            sb.append("no data");
        } else {
            sb.append(dates.get(0)).append(" – ").append(dates.get(dates.size() - 1)).append(" · ")
                    .append(dates.size()).append(dates.size() == 1 ? " period" : " periods");
        }
        sb.append(" · ").append(r.trades().size()).append(r.trades().size() == 1 ? " trade" : " trades")
                .append("</p>\n</header>\n");
    }

    private static void metrics(StringBuilder sb, PerformanceResult r) {
        sb.append("<section class=\"card\" id=\"metrics\">\n<h2>Statistics</h2>\n<div class=\"metrics\">\n");
        for (MetricFormat.Group g : MetricFormat.groups(r.metrics(), r.undefined())) {
            sb.append("<table class=\"metric-group\">\n<caption>");
            Html.text(sb, g.title()).append("</caption>\n");
            for (MetricFormat.Spec s : g.specs()) {
                Object value = r.metrics().get(s.key());
                String shown = MetricFormat.format(value, s.kind());
                sb.append("<tr data-key=\"");
                Html.text(sb, s.key()).append("\"><th>");
                Html.text(sb, s.label()).append("</th>");
                if (shown == null) {
                    String reason = r.undefined().get(s.key());
                    sb.append("<td class=\"undefined\" title=\"");
                    Html.text(sb, reason == null ? "undefined" : reason).append("\">—</td>");
                } else {
                    sb.append("<td title=\"");
                    Html.text(sb, MetricFormat.exact(value)).append("\">");
                    Html.text(sb, shown).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</div>\n</section>\n");
    }

    private static void chart(StringBuilder sb, String name, String heading, String cssClass) {
        sb.append("<section class=\"card\">\n<h2>");
        Html.text(sb, heading).append("</h2>\n<div class=\"").append(cssClass).append("\" id=\"chart-")
                .append(name).append("\" data-chart=\"").append(name).append("\"></div>\n</section>\n");
    }

    private static void heatMap(StringBuilder sb, SortedMap<YearMonth, Double> monthly,
                                SortedMap<Integer, Double> yearly) {
        sb.append("<section class=\"card\">\n<h2>Monthly returns</h2>\n");
        TreeSet<Integer> years = new TreeSet<>(yearly.keySet());
        for (YearMonth ym : monthly.keySet()) {
            years.add(ym.getYear());
        }
        if (years.isEmpty()) {
            sb.append("<p class=\"empty\">No returns.</p>\n</section>\n");
            return;
        }
        double monthScale = scale(monthly.values());
        double yearScale = scale(yearly.values());
        sb.append("<table class=\"heatmap\" id=\"heatmap\">\n<thead><tr><th></th>");
        for (Month m : Month.values()) {
            sb.append("<th>").append(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append("</th>");
        }
        sb.append("<th class=\"year\">Year</th></tr></thead>\n<tbody>\n");
        for (int year : years) {
            sb.append("<tr><th>").append(year).append("</th>");
            for (Month m : Month.values()) {
                cell(sb, monthly.get(YearMonth.of(year, m)), monthScale, "");
            }
            cell(sb, yearly.get(year), yearScale, " year");
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static double scale(Iterable<Double> values) {
        double max = 0;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static void cell(StringBuilder sb, Double value, double scale, String cssClass) {
        if (value == null || !Double.isFinite(value)) {
            sb.append("<td class=\"none").append(cssClass).append("\"></td>");
            return;
        }
        sb.append("<td class=\"value").append(cssClass).append("\" style=\"background:")
                .append(heatColour(value, scale)).append("\" title=\"").append(value).append("\">")
                .append(String.format(Locale.ROOT, "%.1f%%", value * 100)).append("</td>");
    }

    /** White for 0, towards green for gains and red for losses, full at the largest magnitude. */
    static String heatColour(double value, double scale) {
        double t = scale == 0 ? 0 : Math.min(1, Math.abs(value) / scale);
        int[] to = value >= 0 ? new int[] {46, 160, 90} : new int[] {214, 69, 65};
        int r = (int) Math.round(255 + (to[0] - 255) * t * 0.85);
        int g = (int) Math.round(255 + (to[1] - 255) * t * 0.85);
        int b = (int) Math.round(255 + (to[2] - 255) * t * 0.85);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static void drawdowns(StringBuilder sb, List<Drawdown> drawdowns) {
        sb.append("<section class=\"card\">\n<h2>Worst drawdowns</h2>\n");
        if (drawdowns.isEmpty()) {
            sb.append("<p class=\"empty\">No drawdown.</p>\n</section>\n");
            return;
        }
        sb.append("<table class=\"list\" id=\"drawdowns\">\n<thead><tr><th>#</th><th>Depth</th><th>Start</th>")
                .append("<th>Trough</th><th>Recovery</th><th>Periods</th></tr></thead>\n<tbody>\n");
        int k = 0;
        for (Drawdown d : drawdowns) {
            sb.append("<tr><td>").append(++k).append("</td><td class=\"num\">")
                    .append(MetricFormat.percent(d.depth())).append("</td><td>");
            Html.text(sb, String.valueOf(d.start())).append("</td><td>");
            Html.text(sb, String.valueOf(d.trough())).append("</td><td>");
            Html.text(sb, d.recovery() == null ? "not recovered" : String.valueOf(d.recovery()))
                    .append("</td><td class=\"num\">").append(d.periods()).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void trades(StringBuilder sb, List<TradeRecord> trades) {
        sb.append("<section class=\"card\">\n<h2>Trades (").append(trades.size()).append(")</h2>\n");
        if (trades.isEmpty()) {
            sb.append("<p class=\"empty\">No trades.</p>\n</section>\n");
            return;
        }
        sb.append("<table class=\"list\" id=\"trades\">\n<thead><tr><th>#</th><th>Time (UTC)</th>")
                .append("<th>Instrument</th><th>Side</th><th>Price</th><th>Quantity</th><th>Fee</th></tr></thead>\n")
                .append("<tbody>\n");
        int size = trades.size();
        boolean cut = size > 2 * TRADES_AT_EACH_END;
        for (int k = 0; k < size; k++) {
            if (cut && k == TRADES_AT_EACH_END) {
                int hidden = size - 2 * TRADES_AT_EACH_END;
                sb.append("<tr class=\"gap\"><td colspan=\"7\">… ").append(hidden)
                        .append(" more trades not shown (").append(size).append(" in all) …</td></tr>\n");
                k = size - TRADES_AT_EACH_END;
            }
            TradeRecord t = trades.get(k);
            sb.append("<tr><td>").append(k + 1).append("</td><td>");
            Html.text(sb, String.valueOf(t.time())).append("</td><td>");
            Html.text(sb, t.instrument()).append("</td><td class=\"side\">");
            Html.text(sb, t.side()).append("</td><td class=\"num\">").append(plain(t.price()))
                    .append("</td><td class=\"num\">").append(plain(t.quantity())).append("</td><td class=\"num\">")
                    .append(plain(t.fee())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "";
    }

    private static void data(StringBuilder sb, PerformanceResult r) {
        sb.append("{\"days\":[");
        List<LocalDate> dates = r.dates();
        for (int k = 0; k < dates.size(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(dates.get(k).toEpochDay());
        }
        sb.append("],\n\"equity\":");
        Html.jsonArray(sb, r.equity()).append(",\n\"benchmark\":");
        Html.jsonArray(sb, r.benchmarkEquity()).append(",\n\"underwater\":");
        Html.jsonArray(sb, r.underwater()).append(",\n\"rollingWindow\":").append(r.rollingWindow())
                .append(",\n\"rollingSharpe\":");
        Html.jsonArray(sb, r.rollingSharpe()).append(",\n\"rollingVolatility\":");
        Html.jsonArray(sb, r.rollingVolatility()).append(",\n\"histogram\":");
        histogram(sb, r.returns());
        sb.append("}");
    }

    /**
     * The histogram of the finite returns as JSON: {@code {"centers":[...],"counts":[...],"width":w}}, with
     * √n bins (10 to 60) of equal width between the smallest and the largest return.
     */
    static void histogram(StringBuilder sb, double[] returns) {
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : returns == null ? new double[0] : returns) {
            if (Double.isFinite(v)) {
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            sb.append("{\"centers\":[],\"counts\":[],\"width\":0}");
            return;
        }
        int bins = max > min ? Math.max(10, Math.min(60, (int) Math.ceil(Math.sqrt(n)))) : 1;
        double width = max > min ? (max - min) / bins : Math.max(Math.abs(min) * 0.01, 1e-4);
        double lo = max > min ? min : min - width / 2;
        double[] centers = new double[bins];
        double[] counts = new double[bins];
        for (int b = 0; b < bins; b++) {
            centers[b] = lo + (b + 0.5) * width;
        }
        for (double v : returns) {
            if (Double.isFinite(v)) {
                int b = (int) Math.floor((v - lo) / width);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
        }
        sb.append("{\"centers\":");
        Html.jsonArray(sb, centers).append(",\"counts\":");
        Html.jsonArray(sb, counts).append(",\"width\":");
        Html.jsonNumber(sb, width).append('}');
    }

    private static Assets assets() {
        Assets a = assets;
        if (a == null) {
            String js = resource("uplot/uPlot.iife.min.js");
            Matcher m = LIBRARY_VERSION.matcher(js.substring(0, Math.min(200, js.length())));
            a = new Assets(inlineSafe(js, "uplot/uPlot.iife.min.js"), resource("uplot/uPlot.min.css"),
                    m.find() ? m.group(1) : "", inlineSafe(resource("report.js"), "report.js"),
                    resource("report.css"));
            assets = a;
        }
        return a;
    }

    private static String inlineSafe(String script, String name) {
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("the report's script " + name + " contains </script and cannot be "
                    + "inlined");
        }
        return script;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the report's resource " + RESOURCES + name
                        + " is missing from the nautilus-analytics bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's resource " + RESOURCES + name, e);
        }
    }
}
