package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * A subscriber called on the engine's own thread as each update is processed: no queue and no thread of its own, so no
 * hand-off latency, for subscribers that only pass the update on without blocking (the strategy engine hands it to
 * its instances' queues). Every update is delivered, in engine order; nothing is conflated. A subscriber that throws is
 * logged and counted and keeps its subscription; one that blocks slows the whole engine, which is why this is not the
 * default.
 */
final class DirectSubscription implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(DirectSubscription.class);

    private final String name;
    private final MarketDataSubscriber subscriber;
    private final Runnable onClose;
    private volatile long delivered;
    private volatile long failures;
    private volatile boolean closed;

    DirectSubscription(String name, MarketDataSubscriber subscriber, Runnable onClose) {
        this.name = Objects.requireNonNull(name, "name");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.onClose = onClose;
    }

    /** Engine thread only. */
    void deliver(Object payload, ValidationReason flag, BarSpec spec) {
        if (closed) {
            return;
        }
        try {
            dispatch(subscriber, payload, flag, spec);
        } catch (RuntimeException e) {
            long n = failures + 1;
            failures = n;
            if (n == 1 || n % 10_000 == 0) {
                LOG.warn("market-data subscriber {} failed on {} ({} failures): {}", name, payload, n, e.toString());
            }
        }
        delivered = delivered + 1; // single writer: the engine thread
    }

    /**
     * Calls the subscriber method for an update.
     *
     * @param subscriber the subscriber
     * @param payload    a Quote, Trade, BookLevel, Bar or {@link Update.FeedState}
     * @param flag       the first flagged reason, or null
     * @param spec       the bar spec of a Bar, else null
     */
    static void dispatch(MarketDataSubscriber subscriber, Object payload, ValidationReason flag, BarSpec spec) {
        if (payload instanceof Quote quote) {
            if (flag == null) {
                subscriber.onQuote(quote);
            } else {
                subscriber.onFlaggedQuote(quote, flag);
            }
        } else if (payload instanceof Trade trade) {
            if (flag == null) {
                subscriber.onTrade(trade);
            } else {
                subscriber.onFlaggedTrade(trade, flag);
            }
        } else if (payload instanceof BookLevel level) {
            if (flag == null) {
                subscriber.onBookLevel(level);
            } else {
                subscriber.onFlaggedBookLevel(level, flag);
            }
        } else if (payload instanceof Bar bar) {
            subscriber.onBar(spec, bar);
        } else if (payload instanceof Update.FeedState state) {
            subscriber.onFeedState(state.feedId(), state.state());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SubscriptionStats stats() {
        return new SubscriptionStats(name, delivered, 0, 0);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
