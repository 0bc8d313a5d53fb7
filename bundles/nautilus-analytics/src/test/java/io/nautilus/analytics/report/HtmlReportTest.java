package io.nautilus.analytics.report;

import io.nautilus.analytics.api.PerformanceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {

    private static final String HOSTILE = "</script><img src=x onerror=alert(1)>\"'&";

    @Test
    void titleAndInstrumentsAreEscapedEverywhere() {
        String html = HtmlReport.render(SampleResults.random(HOSTILE, 3), HOSTILE);

        assertThat(html).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(html).contains("<title>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</title>");
        assertThat(html).contains("<td>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</td>");
        assertThat(html.toLowerCase()).containsOnlyOnce("<script type=\"application/json\"");
        assertThat(countOf(html.toLowerCase(), "</script")).isEqualTo(3);
    }

    @Test
    void jsonStringsCannotCloseTheScriptElement() {
        String json = Html.jsonString(new StringBuilder(), "</script><!-- & \u2028\"\\").toString();

        assertThat(json).isEqualTo("\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\\"\\\\\"");
    }

    @Test
    void undefinedStatisticShowsADashWithItsReason() {
        String html = HtmlReport.render(SampleResults.random("SIM-ACME", 3), "t");

        assertThat(html).contains("<tr data-key=\"profitFactor\"><th>Profit factor</th>"
                + "<td class=\"undefined\" title=\"no losing trade\">—</td></tr>");
        assertThat(html).contains("<tr data-key=\"maxDrawdown\"><th>Max drawdown</th><td title=\"-0.153\">-15.30%</td>");
        String data = html.substring(html.indexOf("id=\"report-data\">"), html.indexOf("</script>"));
        assertThat(data).contains("\"rollingSharpe\":[null,").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void longTradeListShowsBothEndsAndCountsTheRest() {
        String html = HtmlReport.render(SampleResults.random("SIM-ACME", 1234), "t");

        assertThat(html).contains("<h2>Trades (1234)</h2>");
        assertThat(html).contains("… 1134 more trades not shown (1234 in all) …");
        assertThat(html).contains("<tr><td>50</td>").doesNotContain("<tr><td>51</td>")
                .doesNotContain("<tr><td>1184</td>").contains("<tr><td>1185</td>").contains("<tr><td>1234</td>");
    }

    @Test
    void shortTradeListIsWhole() {
        String html = HtmlReport.render(SampleResults.random("SIM-ACME", 100), "t");

        assertThat(html).contains("<tr><td>100</td>").doesNotContain("more trades not shown");
    }

    @Test
    void reportIsSelfContained() {
        String html = HtmlReport.render(SampleResults.random("SIM-ACME", 3), "t");

        assertThat(html).contains("content=\"default-src 'none'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; img-src data:\"");
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]*\\s(src|href)=");
        assertThat(html).contains("var uPlot=function()").contains("uPlot 1.6.30 (MIT licence)");
    }

    @Test
    void sameResultGivesTheSameBytes(@TempDir Path dir) throws Exception {
        PerformanceResult result = SampleResults.random("SIM-ACME", 20);
        HtmlReport.write(result, "run", dir.resolve("a.html"));
        HtmlReport.write(result, "run", dir.resolve("b.html"));

        assertThat(Files.readAllBytes(dir.resolve("a.html"))).isEqualTo(Files.readAllBytes(dir.resolve("b.html")));
    }

    @Test
    void heatMapHasOneRowPerYearAndAYearlyColumn() {
        String html = HtmlReport.render(SampleResults.random("SIM-ACME", 3), "t");

        assertThat(html).contains("<tr><th>2021</th>").contains("<tr><th>2022</th>").contains("<tr><th>2023</th>");
        assertThat(countOf(html, "class=\"value year\"")).isEqualTo(3);
        assertThat(HtmlReport.heatColour(0, 1)).isEqualTo("#ffffff");
        assertThat(HtmlReport.heatColour(0.05, 0.05)).isEqualTo("#4dae73");
        assertThat(HtmlReport.heatColour(-0.05, 0.05)).isEqualTo("#dc615e");
    }

    @Test
    void histogramCountsEveryFiniteReturnOnce() {
        StringBuilder sb = new StringBuilder();
        HtmlReport.histogram(sb, new double[] {Double.NaN, -0.02, 0.0, 0.01, 0.02, 0.02});

        Matcher m = Pattern.compile("\"counts\":\\[([^]]*)]").matcher(sb);
        assertThat(m.find()).isTrue();
        int total = 0;
        for (String c : m.group(1).split(",")) {
            total += Integer.parseInt(c);
        }
        assertThat(total).isEqualTo(5);
        assertThat(m.group(1).split(",")).hasSize(10).startsWith("1").endsWith("2");
    }

    @Test
    void seriesOfTheWrongLengthAreRefused(@TempDir Path dir) {
        PerformanceResult ok = SampleResults.random("SIM-ACME", 3);
        PerformanceResult bad = new PerformanceResult(ok.metrics(), ok.undefined(), ok.dates(), ok.returns(),
                new double[3], ok.benchmarkEquity(), ok.underwater(), ok.worstDrawdowns(), ok.monthlyReturns(),
                ok.yearlyReturns(), ok.rollingWindow(), ok.rollingSharpe(), ok.rollingVolatility(), ok.trades());

        assertThatThrownBy(() -> HtmlReport.write(bad, "t", dir.resolve("r.html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the report needs one equity value per date: 3 values for 640 dates");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
