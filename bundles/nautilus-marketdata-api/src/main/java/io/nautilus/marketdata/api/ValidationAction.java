package io.nautilus.marketdata.api;

/**
 * What the engine does with a tick that fails a check; either way the failure is counted.
 */
public enum ValidationAction {
    /** Drop the tick: it updates no state and reaches no subscriber. */
    REJECT,
    /** Pass the tick on, marked with the reason (see {@link MarketDataSubscriber#onFlaggedQuote}). */
    FLAG
}
