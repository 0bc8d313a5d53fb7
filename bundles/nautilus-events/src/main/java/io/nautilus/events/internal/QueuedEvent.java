package io.nautilus.events.internal;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.marketdata.api.BarSpec;

/**
 * One event waiting in an endpoint's hand-off: an execution report with its command's journal seq, or a bar.
 *
 * @param coreSeq the core's seq of the command that produced the report; 0 for bars
 * @param report  the report, or null for a bar
 * @param spec    the bar's spec, or null (unknown, or not a bar)
 * @param bar     the bar, or null for a report
 */
record QueuedEvent(long coreSeq, ExecutionReport report, BarSpec spec, Bar bar) {
}
