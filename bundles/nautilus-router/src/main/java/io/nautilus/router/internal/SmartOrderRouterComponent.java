package io.nautilus.router.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SmartOrderRouter} service: a {@link RouterEngine} configured by {@code io.nautilus.router} (changes
 * apply live, scores and tracked parents are kept) whose registry follows the {@link VenueRegistration}s.
 */
@Component(configurationPid = "io.nautilus.router", service = SmartOrderRouter.class, immediate = true)
@Designate(ocd = RouterConfig.class)
public final class SmartOrderRouterComponent implements SmartOrderRouter {

    private static final Logger LOG = LoggerFactory.getLogger(SmartOrderRouterComponent.class);

    private final Map<VenueRegistration, VenueFeeSchedule> pending = new ConcurrentHashMap<>();
    private volatile RouterEngine engine;

    /** Creates the component (DS). */
    public SmartOrderRouterComponent() {
    }

    @Activate
    void activate(RouterConfig config) {
        RouterSettings settings = RouterSettings.from(config);
        long first = config.child_id_start() > 0 ? config.child_id_start() : System.currentTimeMillis() * 1000L;
        RouterEngine e = new RouterEngine(settings, RouterEngine.systemClock(), first);
        synchronized (pending) {
            for (VenueFeeSchedule s : pending.values()) {
                e.putVenue(s);
            }
            engine = e;
        }
        LOG.info("smart order router started: {}; {} venue(s), first child id {}", settings.describe(),
                e.venues().size(), first);
    }

    @Modified
    void modified(RouterConfig config) {
        RouterSettings settings = RouterSettings.from(config);
        engine.settings(settings);
        LOG.info("smart order router reconfigured: {}", settings.describe());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addVenue(VenueRegistration venue) {
        synchronized (pending) {
            pending.put(venue, venue.schedule());
            if (engine != null) {
                engine.putVenue(venue.schedule());
            }
        }
        LOG.info("router venue {}: {}", venue.schedule().venue(), venue.schedule().describe());
    }

    void removeVenue(VenueRegistration venue) {
        synchronized (pending) {
            pending.remove(venue);
            if (engine != null) {
                boolean replaced = false;
                for (VenueFeeSchedule s : pending.values()) {
                    replaced |= s.venue().equals(venue.schedule().venue());
                }
                if (!replaced) {
                    engine.removeVenue(venue.schedule().venue());
                }
            }
        }
    }

    @Override
    public RoutingDecision route(ParentOrder parent, MarketState market) {
        return engine.route(parent, market);
    }

    @Override
    public void childSent(long childOrderId, long sendTimeNanos) {
        engine.childSent(childOrderId, sendTimeNanos);
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        engine.onExecutionReport(report);
    }

    @Override
    public void onStateChange(VenueId venue, ConnectionState from, ConnectionState to, String reason) {
        engine.onStateChange(venue, from, to, reason);
    }

    @Override
    public ParentOrderState parentState(long parentOrderId) {
        return engine.parentState(parentOrderId);
    }

    @Override
    public RouteExplanation explanation(long parentOrderId) {
        return engine.explanation(parentOrderId);
    }

    @Override
    public String explain(long parentOrderId) {
        return engine.explain(parentOrderId);
    }

    @Override
    public List<VenueFeeSchedule> venues() {
        return engine.venues();
    }

    @Override
    public List<VenueScore> scores() {
        return engine.scores();
    }

    @Override
    public RoutingCounts routingCounts() {
        return engine.routingCounts();
    }

    @Override
    public long nowNanos() {
        return engine.nowNanos();
    }
}
