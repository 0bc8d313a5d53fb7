package io.nautilus.history.api;

import java.util.List;

/**
 * Reads the history store: what the trading core published, kept in a database after the core has forgotten it.
 *
 * <p>The store is written off the trading path and may lag the core by up to its hand-off's worth of reports; a
 * query sees what has been written. Queries never change the store.
 */
public interface HistoryService {

    /**
     * The order state changes (one per execution report) that match a filter, newest first.
     *
     * @param query which account, instrument and time range, and at most how many
     * @return the matching events ordered by event time then core sequence number, newest first; at most
     *         {@link HistoryQuery#limit()} of them; empty if none match
     * @throws HistoryUnavailableException if the database cannot be read; the message says why
     */
    List<OrderEvent> orders(HistoryQuery query);

    /**
     * The fills that match a filter, newest first.
     *
     * @param query which account, instrument and time range, and at most how many
     * @return the matching fills ordered by fill time then core sequence number, newest first; at most
     *         {@link HistoryQuery#limit()} of them; empty if none match
     * @throws HistoryUnavailableException if the database cannot be read; the message says why
     */
    List<FillEvent> fills(HistoryQuery query);
}
