package io.nautilus.analytics.api.risk;

import io.nautilus.analytics.api.PerformanceResult;
import java.time.Instant;
import java.util.List;

/**
 * Portfolio risk of the live book: the trading core's current positions at their marks, with daily returns from
 * the history store.
 *
 * <p>Every method reads the book when called; none changes anything. Money is per currency (no conversion); losses
 * are negative.
 */
public interface PortfolioRiskService {

    /**
     * The exposures of the open positions.
     *
     * @return gross and net exposure by instrument, account and currency
     * @throws IllegalStateException if the trading core is not running
     */
    ExposureReport exposures();

    /**
     * Exposures and one-day VaR/CVaR of the current positions, historical and parametric, at 95 % and 99 %, per
     * account and for all accounts. An estimate without enough history says so in
     * {@link VarEstimate#unavailable()}.
     *
     * @return the report
     * @throws IllegalStateException if the trading core is not running
     */
    RiskReport riskReport();

    /**
     * The stress scenarios of {@code etc/io.nautilus.analytics.cfg} that parsed, in configuration order.
     *
     * @return the scenarios
     */
    List<StressScenario> scenarios();

    /**
     * Applies stress scenarios to the current positions.
     *
     * @param scenario one scenario's name, or {@code null} for all
     * @return the impacts, and one error line per scenario that does not parse or names an instrument the core does
     *         not know
     * @throws IllegalArgumentException if {@code scenario} names no configured scenario; the message lists them
     * @throws IllegalStateException    if the trading core is not running
     */
    StressReport stress(String scenario);

    /**
     * A single-period Brinson attribution of a portfolio against a benchmark.
     *
     * @param method   BHB or BF
     * @param segments the segments, at least one, names unique
     * @return the effects per segment and their totals
     * @throws IllegalArgumentException if there is no segment, a name repeats, or the weights of either side do not
     *                                  sum to 1 (within 1e-6)
     */
    BrinsonResult attribution(BrinsonMethod method, List<BrinsonSegment> segments);

    /**
     * An account's daily equity from the history store: its capital plus the net P&amp;L of its last position
     * snapshot of each instrument at the end of each UTC day that has snapshots.
     *
     * @param account the account id
     * @param from    the first instant (inclusive), or {@code null} for the start of the store
     * @param to      the end (exclusive), or {@code null} for now
     * @return one point per day, oldest first; empty if the store has no snapshot of the account in the range
     * @throws IllegalStateException if the history store is not running or cannot be read; the message says why
     */
    List<EquityPoint> dailyEquity(String account, Instant from, Instant to);

    /**
     * Performance statistics of an account over a period, from its {@link #dailyEquity daily equity} (252 periods a
     * year, risk-free rate 0). Without {@code from} the series starts from the account's capital (the first
     * day's return is equity / capital - 1); with it, the first day's equity is the start.
     *
     * @param account the account id
     * @param from    the first instant (inclusive), or {@code null} for the start of the store
     * @param to      the end (exclusive), or {@code null} for now
     * @return the statistics, with {@code undefined} reasons for those the series cannot give
     * @throws IllegalArgumentException if the store has too few days of the account to give one return; the message
     *                                  says how many it has
     * @throws IllegalStateException    if the history store is not running or cannot be read
     */
    PerformanceResult accountPerformance(String account, Instant from, Instant to);
}
