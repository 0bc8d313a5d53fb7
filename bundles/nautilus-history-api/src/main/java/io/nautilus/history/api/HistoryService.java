package io.nautilus.history.api;

import io.nautilus.api.alert.Alert;

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

    /**
     * Position snapshots that match a filter (the store samples positions periodically), newest first.
     *
     * @param query which account, instrument and time range, and at most how many
     * @return the matching snapshots ordered by time, newest first
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<PositionSnapshot> positions(HistoryQuery query);

    /**
     * Completed bars that match a filter (the account criterion does not apply), newest first.
     *
     * @param query which instrument and time range (by bar start), and at most how many
     * @return the matching bars ordered by start time, newest first
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<BarRecord> bars(HistoryQuery query);

    /**
     * Alerts that match a filter (the account and instrument criteria do not apply), newest first.
     *
     * @param query which time range, and at most how many
     * @return the matching alerts ordered by time, newest first
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<AlertRecord> alerts(HistoryQuery query);

    /**
     * Every version of every instrument definition, oldest first.
     *
     * @return the definitions in the order the core journaled them
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<InstrumentRecord> instruments();

    /**
     * Every version of every account definition, oldest first.
     *
     * @return the definitions in the order the core journaled them
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<AccountRecord> accounts();

    /**
     * Backtest runs that started in a time range (the account and instrument criteria do not apply), newest first.
     *
     * @param query which time range (by start), and at most how many
     * @return the matching runs, newest first
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<BacktestRun> backtestRuns(HistoryQuery query);

    /**
     * Records an alert (the notification tier calls this). Never blocks: the alert is handed to the store's writer.
     *
     * @param alert the alert
     * @return false if the hand-off was full or the store is disabled (the alert was not kept)
     */
    boolean recordAlert(Alert alert);

    /**
     * Records what the notification engine did with an incident (a delivery attempt, an acknowledgement, ...).
     * Never blocks: the record is handed to the store's writer.
     *
     * @param record the record; its id is ignored (the store assigns one)
     * @return false if the hand-off was full or the store is disabled (the record was not kept)
     */
    boolean recordNotification(NotificationRecord record);

    /**
     * Notification records that match a filter (the account and instrument criteria do not apply), newest first.
     *
     * @param query which time range, and at most how many
     * @return the matching records ordered by time then id, newest first
     * @throws HistoryUnavailableException if the database cannot be read
     */
    List<NotificationRecord> notifications(HistoryQuery query);

    /**
     * Records a backtest run, or updates it when a run with its id exists (its status and results as it ends).
     * Written synchronously.
     *
     * @param run the run
     * @throws HistoryUnavailableException if the database cannot be written
     */
    void recordBacktestRun(BacktestRun run);

    /** @return how the store is doing */
    HistoryStatus status();
}
