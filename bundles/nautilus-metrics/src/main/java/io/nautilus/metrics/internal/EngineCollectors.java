package io.nautilus.metrics.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingOutcome;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueScore;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines' meters, each read from the engine's own admin view at scrape time (the engines count; this only
 * names the counts). A view that fails is logged at debug and left out of that scrape.
 */
final class EngineCollectors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCollectors.class);
    private static final ValidationReason[] REASONS = ValidationReason.values();

    private EngineCollectors() {
    }

    /**
     * A collector over one engine service.
     *
     * @param service the engine's service
     * @param write writes its series
     * @param <S> the service type
     * @return the collector, to register with and unregister from the Prometheus registry
     */
    static <S> MultiCollector of(S service, BiConsumer<S, SnapshotWriter> write) {
        return () -> {
            SnapshotWriter out = new SnapshotWriter();
            try {
                write.accept(service, out);
            } catch (RuntimeException e) {
                LOG.debug("metrics: reading {} failed", service, e);
                return new MetricSnapshots();
            }
            return out.build();
        };
    }

    static void marketData(MarketDataAdminService md, SnapshotWriter out) {
        for (FeedStats feed : md.feedStats()) {
            out.counter("nautilus_marketdata_ticks_accepted", "Ticks a feed passed on without a flag", feed.accepted(),
                    "feed", feed.feedId());
            // every reason, zero included: rate() then has a series before the first bad tick
            for (ValidationReason reason : REASONS) {
                out.counter("nautilus_marketdata_ticks_rejected", "Ticks dropped by normalisation, per reason",
                        feed.rejected().getOrDefault(reason, 0L), "feed", feed.feedId(), "reason", reason.name());
                out.counter("nautilus_marketdata_ticks_flagged", "Ticks passed on marked by a failed check",
                        feed.flagged().getOrDefault(reason, 0L), "feed", feed.feedId(), "reason", reason.name());
            }
        }
        for (SubscriptionStats sub : md.subscriptionStats()) {
            out.counter("nautilus_marketdata_updates_delivered", "Updates handed to a subscriber", sub.delivered(),
                    "subscription", sub.name());
            out.counter("nautilus_marketdata_updates_conflated",
                    "Updates replaced by a newer one for the same instrument before the subscriber took them",
                    sub.conflated(), "subscription", sub.name());
            out.gauge("nautilus_marketdata_updates_queued", "Updates waiting in a subscription's queue",
                    sub.queued(), "subscription", sub.name());
        }
    }

    static void strategies(StrategyAdminService strategies, SnapshotWriter out) {
        for (StrategyInstanceInfo s : strategies.instances()) {
            out.gauge("nautilus_strategy_event_lag_seconds",
                    "Exchange time of the last market-data event delivered to the strategy to its delivery",
                    s.lagMicros() / 1e6, "strategy", s.id());
            out.counter("nautilus_strategy_events_delivered", "Events delivered to the strategy",
                    s.deliveredEvents(), "strategy", s.id());
            out.counter("nautilus_strategy_events_rejected", "Events the strategy could not take",
                    s.rejectedEvents(), "strategy", s.id());
            out.gauge("nautilus_strategy_events_queued", "Events waiting to be delivered", s.queuedEvents(),
                    "strategy", s.id());
            out.gauge("nautilus_strategy_working_orders", "The strategy's working orders", s.workingOrders(),
                    "strategy", s.id());
            out.gauge("nautilus_strategy_running", "1 if the strategy instance is RUNNING, else 0",
                    "RUNNING".equals(s.state()) ? 1 : 0, "strategy", s.id(), "state", s.state());
        }
    }

    static void venues(VenueAdminService venues, SnapshotWriter out) {
        for (VenueStatus v : venues.venues()) {
            String venue = v.session().venue().value();
            ConnectionState state = v.session().state();
            out.gauge("nautilus_venue_up", "1 if the venue session can carry orders (LOGGED_ON or DEGRADED), else 0",
                    state != null && state.isUsable() ? 1 : 0, "venue", venue, "state", String.valueOf(state));
            out.gauge("nautilus_venue_failed_closed", "1 if trading on the venue was halted (state not trusted)",
                    v.failedClosed() ? 1 : 0, "venue", venue);
            out.gauge("nautilus_venue_working_orders", "Orders the core holds as working at the venue",
                    v.workingOrders(), "venue", venue);
            out.counter("nautilus_venue_commands_sent", "New orders, cancels and replaces sent to the venue",
                    v.commandsSent(), "venue", venue);
            out.counter("nautilus_venue_reports_applied", "Venue reports the core applied", v.reportsApplied(),
                    "venue", venue);
            out.counter("nautilus_venue_reports_refused", "Venue reports the core refused", v.reportsRefused(),
                    "venue", venue);
        }
    }

    static void router(SmartOrderRouter router, SnapshotWriter out) {
        for (VenueScore s : router.scores()) {
            String venue = s.venue().value();
            out.gauge("nautilus_router_ack_latency_seconds",
                    "Decayed mean time from a child order's send to the venue's first answer (round trip)",
                    s.ackLatencyMicros() / 1e6, "venue", venue);
            out.gauge("nautilus_router_fill_rate", "Decayed filled / sent quantity of finished children, 0 to 1",
                    s.fillRate(), "venue", venue);
            out.gauge("nautilus_router_venue_score", "The router's combined venue score, 0 to 1", s.combined(),
                    "venue", venue);
        }
        RoutingCounts counts = router.routingCounts();
        for (Map.Entry<RoutingOutcome, Long> e : counts.decisions().entrySet()) {
            out.counter("nautilus_router_decisions", "Routing decisions per outcome: FULL (children carry the whole"
                    + " parent), PARTIAL (part left unallocated), NONE (no child)", e.getValue(),
                    "outcome", e.getKey().name());
        }
        for (Map.Entry<VenueId, Long> e : counts.childOrders().entrySet()) {
            out.counter("nautilus_router_child_orders", "Child orders the router decided per venue", e.getValue(),
                    "venue", e.getKey().value());
        }
    }

    static void history(HistoryService history, SnapshotWriter out) {
        HistoryStatus s = history.status();
        out.gauge("nautilus_history_lag_commands", "Commands published by the core not yet written to the store",
                s.lagSeq());
        out.gauge("nautilus_history_lag_seconds", "How long the oldest unwritten result has waited",
                s.lagMillis() / 1e3);
        out.gauge("nautilus_history_queued", "Results waiting in the store's hand-off", s.queued());
        out.gauge("nautilus_history_up", "1 if the store is RUNNING, else 0", "RUNNING".equals(s.state()) ? 1 : 0,
                "state", s.state());
        out.counter("nautilus_history_rows_written", "Rows the store wrote", s.rowsWritten());
        out.counter("nautilus_history_dropped", "Results the hand-off refused (caught up later from the journal)",
                s.dropped());
        out.counter("nautilus_history_errors", "Database errors", s.errors());
    }

    static void notifications(NotificationService notify, SnapshotWriter out) {
        NotifyStatus s = notify.status();
        out.counter("nautilus_alerts_raised", "Alerts raised", s.raised());
        out.counter("nautilus_alerts_deduplicated", "Raises folded into an open incident", s.deduplicated());
        out.counter("nautilus_alerts_silenced", "Raises that matched an active silence", s.silenced());
        out.gauge("nautilus_alerts_open", "Incidents open now (firing or acknowledged)", s.open());
        for (ReceiverView r : notify.receivers()) {
            out.counter("nautilus_notifications_delivered", "Notifications a receiver delivered", r.delivered(),
                    "receiver", r.name(), "channel", r.channel());
            out.counter("nautilus_notifications_failed", "Delivery attempts that failed (retries included)",
                    r.failed(), "receiver", r.name(), "channel", r.channel());
            out.counter("nautilus_notifications_dead_letters", "Notifications given up after their last retry",
                    r.deadLetters(), "receiver", r.name(), "channel", r.channel());
            out.gauge("nautilus_notifications_queued", "Notifications waiting for delivery (retrying included)",
                    r.queued(), "receiver", r.name(), "channel", r.channel());
        }
    }
}
