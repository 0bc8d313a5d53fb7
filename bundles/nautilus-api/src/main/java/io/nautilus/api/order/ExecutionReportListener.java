package io.nautilus.api.order;

/**
 * Receives execution reports: the trading core from venue gateways, and strategies, stores and alerting from
 * the trading core.
 */
@FunctionalInterface
public interface ExecutionReportListener {

    /**
     * Handles one execution report; called on the publisher's thread, so it must return quickly and not block.
     *
     * @param report the report, immutable
     */
    void onExecutionReport(ExecutionReport report);
}
