package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.matching.LevelView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's views (small-int ids, engine records) mapped to the API's value types (names, API records), off the
 * pipeline's threads.
 */
final class CoreViews {

    /** Currency of an instrument the instruments configuration gives none. */
    static final String DEFAULT_CURRENCY = "USD";

    private CoreViews() {
    }

    /**
     * An instrument definition as the API shows it.
     *
     * @param d the engine's definition
     * @param venues the configured venue of each symbol
     * @param currencies the configured currency of each symbol
     * @return the instrument
     */
    static Instrument instrument(Registry.InstrumentDef d, Map<String, String> venues, Map<String, String> currencies) {
        String venue = venues.getOrDefault(d.symbol(), VenueCommandPublisher.DEFAULT_VENUE);
        String currency = currencies.getOrDefault(d.symbol(), DEFAULT_CURRENCY);
        return new Instrument(InstrumentId.of(d.symbol()), d.symbol(), VenueId.of(venue), d.tickSize(), d.lotSize(),
                d.minQuantity(), d.priceScale(), d.quantityScale(), currency);
    }

    /**
     * An engine order as the API shows it, ids named by the registry ({@code #id} if it has no name for one).
     *
     * @param o the engine's order
     * @param view the registry
     * @return the order view
     */
    static OrderView toView(io.nautilus.core.matching.OrderView o, Registry.View view) {
        Registry.AccountDef a = view.account(o.account());
        Registry.InstrumentDef i = view.instrument(o.instrument());
        return new OrderView(o.orderId(), o.clientOrderId(), AccountId.of(a == null ? "#" + o.account() : a.name()),
                InstrumentId.of(i == null ? "#" + o.instrument() : i.symbol()), o.side(), o.type(), o.tif(),
                o.price(), o.stopPrice(), o.qty(), o.openQty(), o.filledQty(), o.displayQty(), o.flags(), o.expiry(),
                o.state() != io.nautilus.core.matching.OrderState.STOP_PENDING);
    }

    /**
     * A working order as the engine holds it, with the reports the order memory has of it (if any).
     *
     * @param o the working order
     * @param remembered what the order memory has of it, or null
     * @return its history
     */
    static OrderHistory fromWorking(OrderView o, OrderHistory remembered) {
        OrderStatus state = remembered != null && !remembered.finished() ? remembered.state()
                : o.filledQuantity() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        long average = remembered != null && remembered.cumulativeQuantity() == o.filledQuantity()
                ? remembered.averagePrice() : FixedPoint.NULL;
        return new OrderHistory(o.orderId(), o.clientOrderId(), o.account(), o.instrument(), o.side(), o.type(),
                o.timeInForce(), o.price(), o.stopPrice(), o.quantity(), state, o.filledQuantity(), average,
                remembered == null ? null : remembered.reason(),
                remembered == null ? List.of() : remembered.reports(),
                remembered == null ? 0 : remembered.omittedReports());
    }

    /**
     * An engine position as the API shows it.
     *
     * @param p the engine's position
     * @param view the registry
     * @return the position view
     */
    static PositionView toView(io.nautilus.core.position.PositionView p, Registry.View view) {
        Registry.AccountDef a = view.account(p.account());
        Registry.InstrumentDef i = view.instrument(p.instrument());
        return new PositionView(AccountId.of(a == null ? "#" + p.account() : a.name()),
                InstrumentId.of(i == null ? "#" + p.instrument() : i.symbol()), p.quantity(), p.averagePrice(),
                p.markPrice() == FixedPoint.NULL ? 0 : p.markPrice(), p.realised(), p.unrealised(), p.fees(),
                p.boughtQuantity(), p.soldQuantity());
    }

    /**
     * Book levels as the API shows them.
     *
     * @param in the engine's levels, best first
     * @return the same levels
     */
    static List<BookView.Level> levels(List<LevelView> in) {
        List<BookView.Level> out = new ArrayList<>(in.size());
        for (LevelView l : in) {
            out.add(new BookView.Level(l.price(), l.qty(), l.orders()));
        }
        return out;
    }
}
