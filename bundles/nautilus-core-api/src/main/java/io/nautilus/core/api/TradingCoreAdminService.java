package io.nautilus.core.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What operators do with the trading core (the {@code nautilus:} shell commands use it): trading states and the
 * kill switch, risk limits, snapshots and the journal. State changes go through the core's pipeline and journal
 * like orders, so they survive a restart.
 */
public interface TradingCoreAdminService {

    /**
     * Sets the trading state of a scope: ACTIVE, REDUCING (only position-reducing orders) or HALTED (only cancels).
     *
     * @param scope account, instrument, both, or {@link Scope#GLOBAL}
     * @param state the new state
     * @return the outcome
     */
    CompletableFuture<CommandResult> setTradingState(Scope scope, CoreTradingState state);

    /**
     * Kill switch: halts the scope and cancels every working order in it (stop orders included).
     *
     * @param scope account, instrument, both, or {@link Scope#GLOBAL}
     * @return the outcome, with a CANCELED report per order
     */
    CompletableFuture<CommandResult> kill(Scope scope);

    /** @return the states that are not ACTIVE (and the global state) */
    List<TradingStateView> tradingStates();

    /** @return the configured risk limits (unset limits are unlimited and not listed) */
    List<RiskLimitView> riskLimits();

    /**
     * The inputs of the leverage and concentration limits per account, as the risk engine holds them now.
     *
     * @return one row per defined account, by account name
     */
    List<AccountRiskView> accountRisk();

    /**
     * Takes a snapshot now, between two commands.
     *
     * @return the seq the snapshot includes
     */
    CompletableFuture<Long> snapshot();

    /** @return the journal, snapshots and last recovery */
    JournalInfo journalInfo();

    /** @return one line of pipeline state: wait strategy, ring, threads and pinning */
    String pipelineInfo();
}
