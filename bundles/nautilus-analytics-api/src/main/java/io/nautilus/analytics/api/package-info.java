/**
 * The analytics engine's API: {@link io.nautilus.analytics.api.PerformanceInput} (a daily equity or returns series,
 * an optional benchmark and trade list, the conventions), {@link io.nautilus.analytics.api.PerformanceResult} (the
 * metrics, curves, drawdowns and calendar returns; {@code toJson()} is the JSON of {@code bin/nautilus-analytics}),
 * {@link io.nautilus.analytics.api.Drawdown} and {@link io.nautilus.analytics.api.TradeRecord}. The conventions are in
 * {@code docs/analytics.md}.
 */
@Export
@Version("0.1.0")
package io.nautilus.analytics.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
