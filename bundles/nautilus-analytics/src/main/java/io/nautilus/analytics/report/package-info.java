/**
 * Performance reports: {@link io.nautilus.analytics.report.HtmlReport} writes one self-contained HTML file (charts
 * drawn with the embedded uPlot library, data inline) from a {@code PerformanceResult}. What it shows:
 * {@code docs/reports.md}.
 */
@Export
@Version("0.1.0")
package io.nautilus.analytics.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
