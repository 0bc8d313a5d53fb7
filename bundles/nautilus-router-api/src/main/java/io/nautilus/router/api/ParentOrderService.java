package io.nautilus.router.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;

import java.util.List;
import java.util.Objects;

/**
 * The order desk in front of the {@link SmartOrderRouter}: takes a parent order, builds the market state of the
 * venues that list its instrument, lets the router split it and sends each child to the trading core for its venue
 * (pre-trade risk applies per child). Fills of the children aggregate back to the parent
 * ({@link SmartOrderRouter#parentState(long)}, {@link SmartOrderRouter#explain(long)}).
 */
public interface ParentOrderService {

    /**
     * A parent order as a trader or strategy gives it.
     *
     * @param account    the account the children are booked to
     * @param instrument an instrument with {@code routing = external}, listed at one or more venues
     * @param side       buy or sell
     * @param quantity   in units of the quantity scale
     * @param limitPrice worst acceptable price, or {@link io.nautilus.api.instrument.FixedPoint#NULL}
     * @param style      take liquidity or rest
     * @param remainder  what happens to quantity the displayed liquidity cannot take
     */
    record Request(AccountId account, InstrumentId instrument, Side side, long quantity, long limitPrice,
                   ExecutionStyle style, RemainderPolicy remainder) {

        /** Validates the request. */
        public Request {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(remainder, "remainder");
            if (quantity <= 0) {
                throw new IllegalArgumentException("parent quantity " + quantity + " must be greater than zero");
            }
        }
    }

    /**
     * What happened to one child when it was sent.
     *
     * @param child       the router's child
     * @param coreOrderId the core's order id, 0 if the core refused it
     * @param outcome     the core's answer, e.g. {@code accepted (seq 12, order 34)} or the reject
     */
    record SentChild(ChildOrder child, long coreOrderId, String outcome) {
    }

    /**
     * A submitted parent.
     *
     * @param decision the router's decision
     * @param children every child as sent
     */
    record Submission(RoutingDecision decision, List<SentChild> children) {

        /** Copies the list. */
        public Submission {
            children = List.copyOf(children);
        }
    }

    /**
     * Routes a parent order now.
     *
     * @param request the parent
     * @return the decision and the children as sent
     * @throws IllegalArgumentException if the instrument is unknown, not listed at any usable venue, or the market
     *                                  has no quote for it
     */
    Submission submit(Request request);
}
