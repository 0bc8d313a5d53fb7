/**
 * Performance statistics of an equity or returns series: {@link io.nautilus.analytics.performance.Performance}
 * computes them (with Hipparchus), {@link io.nautilus.analytics.performance.SeriesFiles} reads the CSV series of
 * {@code bin/nautilus-analytics}. Conventions: {@code docs/analytics.md}.
 */
@Export
@Version("0.1.0")
package io.nautilus.analytics.performance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
