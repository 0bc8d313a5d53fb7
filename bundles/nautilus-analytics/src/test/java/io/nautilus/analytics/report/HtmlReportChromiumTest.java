package io.nautilus.analytics.report;

import io.nautilus.analytics.api.PerformanceResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Renders the report of an analysed series in Debian's headless Chromium: every chart drew into its canvas and the
 * screenshot shows them.
 * Skipped when there is no Chromium, except in CI (the {@code CI} variable set), where {@code .ci/run} installs it.
 */
class HtmlReportChromiumTest {

    private static final int BUDGET_MS = 10_000;

    @TempDir
    static Path dir;

    private static Chromium chromium;
    private static Path page;
    private static PerformanceResult result;
    private static String dom;

    @BeforeAll
    static void render() throws Exception {
        Path exe = Chromium.find().orElse(null);
        if (exe == null) {
            if (System.getenv("CI") != null) {
                fail("Debian's chromium is needed for this test in CI: .ci/run installs it (apt-get install chromium)");
            }
            abort("no chromium on this machine: apt-get install chromium to run this test");
        }
        Path work = Files.createDirectories(dir.resolve("chromium"));
        chromium = new Chromium(exe, work);
        result = SampleResults.analysed(240);
        page = dir.resolve("report.html");
        HtmlReport.write(result, "smacross <fast=5, slow=20>", page);
        dom = chromium.dumpDom(page, BUDGET_MS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"equity", "underwater", "histogram", "rolling"})
    void chartDrewItsSeries(String chart) {
        Matcher m = Pattern.compile("<div [^>]*data-chart=\"" + chart + "\"[^>]*>").matcher(dom);
        assertThat(m.find()).as("container of chart %s in the rendered DOM", chart).isTrue();
        String tag = m.group();

        assertThat(tag).as("chart %s drew", chart).contains("data-drawn=\"true\"");
        Matcher pixels = Pattern.compile("data-series-pixels=\"(\\d+)\"").matcher(tag);
        assertThat(pixels.find()).isTrue();
        assertThat(Integer.parseInt(pixels.group(1))).as("coloured pixels of chart %s", chart).isGreaterThan(500);
        assertThat(dom.substring(m.end(), dom.indexOf("</section>", m.end()))).contains("<canvas");
    }

    @Test
    void heatMapHasACellPerMonth() {
        Matcher m = Pattern.compile("<td class=\"value\" style=\"background:#[0-9a-f]{6}\"").matcher(dom);
        int cells = 0;
        while (m.find()) {
            cells++;
        }
        assertThat(cells).isEqualTo(result.monthlyReturns().size());
    }

    @Test
    void screenshotShowsTheCharts() throws Exception {
        Path png = dir.resolve("report.png");
        chromium.screenshot(page, png, 1400, 2200, BUDGET_MS);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        Set<Integer> colours = new HashSet<>();
        int strategyBlue = 0;
        int drawdownRed = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (near(rgb, 0x2563eb)) {
                    strategyBlue++;
                }
                if (near(rgb, 0xdc2626)) {
                    drawdownRed++;
                }
            }
        }
        assertThat(colours).as("distinct colours of the screenshot").hasSizeGreaterThan(200);
        assertThat(strategyBlue).as("pixels of the equity line").isGreaterThan(300);
        assertThat(drawdownRed).as("pixels of the underwater line").isGreaterThan(300);
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xff) - ((target >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((target >> 8) & 0xff);
        int db = (rgb & 0xff) - (target & 0xff);
        return dr * dr + dg * dg + db * db < 24 * 24;
    }
}
