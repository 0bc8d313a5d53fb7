package io.nautilus.router.api;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.venue.VenueStateListener;

import java.util.List;

/**
 * The smart order router (OSGi service): splits a parent order into child orders across venues by displayed
 * liquidity and expected cost, tracks the children's executions back into the parent, and scores venues from that
 * history.
 *
 * <p>The router sends nothing itself. The caller gives it the parent and the current {@link MarketState}, sends
 * the {@link RoutingDecision}'s children to their venues with the children's ids as client order ids, optionally
 * tells it when each was sent ({@link #childSent}), and passes every execution report of those children to
 * {@link #onExecutionReport} (reports of other orders are ignored). Venue connection state changes arrive through
 * {@link #onStateChange}; a venue the router has not heard of is taken as usable.
 *
 * <p>Methods are thread-safe; they serialise on the router, so one caller thread sees no contention.
 */
public interface SmartOrderRouter extends ExecutionReportListener, VenueStateListener {

    /**
     * Routes a parent order: decides its child orders from the market state, the venue registry, the venue scores
     * and the cost model, and starts tracking the parent.
     *
     * @param parent the parent; its id must not be tracked already
     * @param market the market of the parent's instrument; read during the call only
     * @return the decision; children sum with the unallocated quantity to the parent's quantity
     * @throws IllegalArgumentException if the parent id is already tracked or the market state's instrument is not
     *                                  the parent's
     */
    RoutingDecision route(ParentOrder parent, MarketState market);

    /**
     * Records when a child was handed to its venue, the start of its ack latency; without it the decision time
     * is used.
     *
     * @param childOrderId the child's id
     * @param sendTimeNanos nanoseconds since the epoch, on the router's clock ({@link #nowNanos()})
     */
    void childSent(long childOrderId, long sendTimeNanos);

    /**
     * Takes an execution report of a child: aggregates fills into its parent and feeds the venue's scores (ack
     * latency on the first report, slippage vs the parent's arrival price on fills, fill rate when the child is
     * finished). Reports whose client order id is not a tracked child are ignored.
     *
     * @param report the report
     */
    @Override
    void onExecutionReport(ExecutionReport report);

    /**
     * Takes a venue's connection state; venues whose state is not {@link ConnectionState#isUsable() usable} are
     * excluded from routing.
     *
     * @param venue  the venue
     * @param from   the previous state
     * @param to     the new state
     * @param reason why, or empty
     */
    @Override
    void onStateChange(VenueId venue, ConnectionState from, ConnectionState to, String reason);

    /**
     * A parent's aggregated state.
     *
     * @param parentOrderId the parent's id
     * @return its state, or {@code null} if the router does not track it (never routed, or evicted)
     */
    ParentOrderState parentState(long parentOrderId);

    /**
     * The explanation of a parent's routing decision, structured.
     *
     * @param parentOrderId the parent's id
     * @return the explanation, or {@code null} if the router does not track the parent
     */
    RouteExplanation explanation(long parentOrderId);

    /**
     * The explanation of a parent's routing decision as text, for {@code nautilus:route-explain <order>}.
     *
     * @param parentOrderId the parent's id
     * @return the explanation's lines joined with new lines, or one line saying the parent is unknown
     */
    String explain(long parentOrderId);

    /**
     * The venues in the registry with their fee schedules.
     *
     * @return the schedules, sorted by venue id
     */
    List<VenueFeeSchedule> venues();

    /**
     * The current scores of the registered venues (slippage score as the mean of both sides).
     *
     * @return one score per registered venue, sorted by venue id
     */
    List<VenueScore> scores();

    /**
     * The router's decision counts since it started: decisions per {@link RoutingOutcome}, child orders per venue.
     *
     * @return the counts now
     */
    RoutingCounts routingCounts();

    /**
     * The router's clock, which decision times, ack latencies and score decay use.
     *
     * @return nanoseconds since the epoch
     */
    long nowNanos();
}
