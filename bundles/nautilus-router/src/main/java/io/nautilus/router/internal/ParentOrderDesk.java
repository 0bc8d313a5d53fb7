package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.OrderType;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.ParentOrderService;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.SmartOrderRouter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order desk in front of the smart order router ({@link ParentOrderService}); configuration
 * {@code etc/io.nautilus.router.desk.cfg}:
 * <pre>
 * instrument.&lt;symbol&gt;.venues = SIMA,SIMB,XFIX   venues that list the instrument (default: its own venue)
 * volatility.bps = 50                         daily volatility used by the impact model
 * adv = 0                                     average daily volume per venue, instrument units (0 = no impact)
 * </pre>
 *
 * <p>Market state: every listing venue whose session is usable gets the platform's last quote of the instrument as
 * its displayed liquidity (one level per side; the market-data engine keeps one consolidated quote per instrument).
 * The router then ranks the venues by their fees and their scores from live execution history. Children go to the
 * trading core as limit orders for their venue (immediate-or-cancel when marketable), so the core's pre-trade risk
 * checks each of them; the children's execution reports feed the router's parent tracking and venue scores.
 */
@Component(service = {ParentOrderService.class, ExecutionReportListener.class},
        configurationPid = "io.nautilus.router.desk", immediate = true)
public final class ParentOrderDesk implements ParentOrderService, ExecutionReportListener {

    private static final Logger LOG = LoggerFactory.getLogger(ParentOrderDesk.class);

    @Reference
    private SmartOrderRouter router;

    @Reference
    private TradingCoreService core;

    @Reference
    private MarketDataService marketData;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile VenueAdminService venueAdmin;

    private final AtomicLong parentIds = new AtomicLong(System.currentTimeMillis() * 1_000L);
    private final Set<Long> children = ConcurrentHashMap.newKeySet();
    private volatile Map<String, List<VenueId>> listings = Map.of();
    private volatile double volatilityBps = 50;
    private volatile long adv;

    /** Creates the component (DS). */
    public ParentOrderDesk() {
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, List<VenueId>> parsed = new HashMap<>();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("instrument.") && key.endsWith(".venues")) {
                String symbol = key.substring("instrument.".length(), key.length() - ".venues".length());
                List<VenueId> venues = new ArrayList<>();
                for (String venue : String.valueOf(entry.getValue()).split(",")) {
                    if (!venue.isBlank()) {
                        venues.add(VenueId.of(venue.trim()));
                    }
                }
                if (symbol.isBlank() || venues.isEmpty()) {
                    throw new IllegalArgumentException("io.nautilus.router.desk: " + key + " names no venue");
                }
                parsed.put(symbol, List.copyOf(venues));
            }
        }
        double vol = number(properties, "volatility.bps", 50);
        long volume = (long) number(properties, "adv", 0);
        if (vol < 0 || volume < 0) {
            throw new IllegalArgumentException("io.nautilus.router.desk: volatility.bps and adv must not be negative");
        }
        listings = Map.copyOf(parsed);
        volatilityBps = vol;
        adv = volume;
        LOG.info("order desk: listings {}, volatility {} bps, adv {}", listings, vol, volume);
    }

    private static double number(Map<String, Object> properties, String key, double dflt) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return dflt;
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("io.nautilus.router.desk: " + key + " '" + value + "' is not a number",
                    e);
        }
    }

    @Override
    public Submission submit(Request request) {
        Instrument instrument = core.instrument(request.instrument()).orElseThrow(() ->
                new IllegalArgumentException("unknown instrument " + request.instrument()));
        List<VenueId> venues = usableVenues(instrument);
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("instrument " + instrument.id() + " is listed at no usable venue ("
                    + listingOf(instrument) + ")");
        }
        Quote quote = marketData.lastQuote(instrument.id());
        if (quote == null) {
            throw new IllegalArgumentException("no quote for " + instrument.id() + " yet: the router needs the market");
        }
        MarketState market = new MarketState(venues.size(), 1).reset(instrument, volatilityBps);
        for (VenueId venue : venues) {
            int index = market.addVenue(venue, adv);
            if (!FixedPoint.isNull(quote.bidPrice()) && quote.bidSize() > 0) {
                market.addLevel(index, Side.BUY, quote.bidPrice(), quote.bidSize());
            }
            if (!FixedPoint.isNull(quote.askPrice()) && quote.askSize() > 0) {
                market.addLevel(index, Side.SELL, quote.askPrice(), quote.askSize());
            }
        }
        long parentId = parentIds.incrementAndGet();
        RoutingDecision decision = router.route(new ParentOrder(parentId, instrument.id(), request.side(),
                request.quantity(), request.limitPrice(), request.style(), FixedPoint.NULL, request.remainder()),
                market);
        List<SentChild> sent = new ArrayList<>();
        for (ChildOrder child : decision.children()) {
            children.add(child.childOrderId());
            boolean marketable = child.style() == ExecutionStyle.MARKETABLE;
            NewOrder order = new NewOrder(child.childOrderId(), request.account(), null, instrument.id(),
                    child.side(), OrderType.LIMIT, marketable ? TimeInForce.IOC : TimeInForce.GTC,
                    child.limitPrice(), FixedPoint.NULL, child.quantity(), 0, 0, 0);
            router.childSent(child.childOrderId(), router.nowNanos());
            String outcome;
            long coreOrderId = 0;
            try {
                CommandResult result = core.submit(order, child.venue()).get(10, TimeUnit.SECONDS);
                outcome = result.describe();
                coreOrderId = result.accepted() ? result.orderId() : 0;
            } catch (Exception e) {
                outcome = "not sent: " + e.getMessage();
            }
            sent.add(new SentChild(child, coreOrderId, outcome));
        }
        LOG.info("parent {} {} {} {}: {}", parentId, request.side().name().toLowerCase(Locale.ROOT),
                request.quantity(), instrument.id(), decision.summary());
        return new Submission(decision, sent);
    }

    private List<VenueId> listingOf(Instrument instrument) {
        return listings.getOrDefault(instrument.symbol(), List.of(instrument.venue()));
    }

    private List<VenueId> usableVenues(Instrument instrument) {
        Set<VenueId> usable = new LinkedHashSet<>();
        VenueAdminService admin = venueAdmin;
        Map<VenueId, Boolean> state = new HashMap<>();
        if (admin != null) {
            for (VenueStatus status : admin.venues()) {
                state.put(status.session().venue(), status.session().state().isUsable() && !status.failedClosed());
            }
        }
        for (VenueId venue : listingOf(instrument)) {
            if (state.getOrDefault(venue, Boolean.FALSE)) {
                usable.add(venue);
            }
        }
        return new ArrayList<>(usable);
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        if (children.contains(report.clientOrderId())) {
            router.onExecutionReport(report);
            if (report.status().isFinished()) {
                children.remove(report.clientOrderId());
            }
        }
    }
}
