package io.nautilus.api.alert;

/**
 * Where every engine raises its alerts: the notification engine registers it as an OSGi service, and engines
 * reference it optionally (when it is absent they only log their {@code ALERT} line).
 *
 * <p>Both methods return at once and never block the caller, whatever the channels behind them are doing: the
 * alert is handed to the engine's own thread. They are safe to call from any thread, including the trading
 * core's pipeline threads.
 */
public interface AlertService {

    /** Source of the trading core's alerts (risk breaches, account and instrument state, kill switch, journal). */
    String CORE = "core";
    /** Source of the venue gateways' alerts (sessions, reconciliation, refused reports). */
    String VENUES = "venues";
    /** Source of the strategy engine's alerts (failed or stopped strategies, alerts strategies raise). */
    String STRATEGY = "strategy";
    /** Source of the market-data engine's alerts (stale feeds, reject bursts). */
    String MARKET_DATA = "marketdata";
    /** Source of the platform's own alerts (bundles, components, route files). */
    String PLATFORM = "platform";
    /** Source of the backtest engine's alerts (runs finished or failed). */
    String BACKTEST = "backtest";

    /**
     * Raises an alert, or raises it again: while an alert with the same key is firing, a repeat updates it
     * (count, latest text and time) and tells nobody again until the route's repeat interval.
     *
     * @param alert the alert
     */
    void raise(Alert alert);

    /**
     * Says the condition behind an alert has cleared (e.g. the venue logged on again): the firing alert with this
     * key is resolved and its receivers are told so; nothing happens when no alert with this key is firing.
     *
     * @param key    the alert's key
     * @param reason why it cleared, one line, e.g. {@code venue CME logged on}
     */
    void resolve(String key, String reason);
}
