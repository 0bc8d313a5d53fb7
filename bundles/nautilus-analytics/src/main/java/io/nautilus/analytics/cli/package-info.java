/** {@code bin/nautilus-analytics}: the performance statistics of a CSV series as one JSON object. */
package io.nautilus.analytics.cli;
