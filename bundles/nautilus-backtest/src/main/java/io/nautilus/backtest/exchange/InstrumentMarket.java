package io.nautilus.backtest.exchange;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;

/**
 * One instrument at the simulated exchange: its latest market (quote, trade, last price) and its orders, pending,
 * stop and resting (buys by price descending then time, sells by price ascending then time).
 */
final class InstrumentMarket {

    final InstrumentId id;
    final long tickSize;
    /** The event kind that activates arriving orders: QUOTE, else TRADE, else BAR; 0 if the data has none. */
    final byte activation;
    /** The event kind that triggers stops: TRADE, else QUOTE, else BAR; 0 if none. */
    final byte trigger;
    /** Fee per unit of quantity scale, price-scale money (currency per unit moved to the price scale). */
    final BigDecimal feePerUnit;
    final int quantityScale;
    /** Minimum fee per order, price-scale money, rounded up. */
    final long minFee;

    long bid = FixedPoint.NULL;
    long bidSize;
    long ask = FixedPoint.NULL;
    long askSize;
    long quoteTime = Long.MIN_VALUE;
    long tradePrice = FixedPoint.NULL;
    long tradeTime = Long.MIN_VALUE;
    /** Latest price: trade price, quote mid or bar close; NULL before the first. */
    long lastPrice = FixedPoint.NULL;
    /** The price last given to the core as its mark; NULL if none. */
    long markedPrice = FixedPoint.NULL;

    /** Orders at the exchange not yet finished (pending, stop or working). */
    int live;
    /** True when a list holds finished or moved orders to drop. */
    boolean dirty;
    final ArrayList<SimOrder> pending = new ArrayList<>(4);
    final ArrayList<SimOrder> stops = new ArrayList<>(4);
    final ArrayList<SimOrder> buys = new ArrayList<>(4);
    final ArrayList<SimOrder> sells = new ArrayList<>(4);

    /**
     * @param id         the instrument
     * @param definition its definition (scales, tick), or null if unknown (no fees added)
     * @param kinds      the kinds of event the data has for it (bit set of 1 &lt;&lt; kind)
     * @param feePerUnit fee per whole unit, currency
     * @param minFee     minimum fee per order, currency
     */
    InstrumentMarket(InstrumentId id, Instrument definition, int kinds, BigDecimal feePerUnit, BigDecimal minFee) {
        this.id = id;
        this.tickSize = definition == null ? 1 : definition.tickSize();
        boolean quotes = (kinds & (1 << MarketEvent.QUOTE)) != 0;
        boolean trades = (kinds & (1 << MarketEvent.TRADE)) != 0;
        boolean bars = (kinds & (1 << MarketEvent.BAR)) != 0;
        this.activation = quotes ? MarketEvent.QUOTE : trades ? MarketEvent.TRADE : bars ? MarketEvent.BAR : 0;
        this.trigger = trades ? MarketEvent.TRADE : quotes ? MarketEvent.QUOTE : bars ? MarketEvent.BAR : 0;
        int priceScale = definition == null ? 0 : definition.priceScale();
        this.quantityScale = definition == null ? 0 : definition.quantityScale();
        this.feePerUnit = definition == null ? BigDecimal.ZERO : feePerUnit.movePointRight(priceScale);
        this.minFee = definition == null ? 0
                : minFee.movePointRight(priceScale).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * The per-unit fee of a fill.
     *
     * @param quantity fill quantity, quantity scale
     * @return price-scale money, rounded up
     */
    long perUnitFee(long quantity) {
        if (feePerUnit.signum() == 0) {
            return 0;
        }
        return feePerUnit.multiply(BigDecimal.valueOf(quantity, quantityScale)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /**
     * The price a taking order of a side meets now in the latest quote: the ask for a buy, the bid for a sell; NULL
     * if that side is empty or the instrument has no quotes in the data.
     *
     * @param buy the taking order's side
     * @return price, price scale, or NULL
     */
    long standingPrice(boolean buy) {
        if (activation == MarketEvent.QUOTE) {
            return buy ? ask : bid;
        }
        return FixedPoint.NULL;
    }

    /** Adds a resting order in price-time priority. */
    void rest(SimOrder o) {
        ArrayList<SimOrder> side = o.buy ? buys : sells;
        int at = side.size();
        for (int i = 0; i < side.size(); i++) {
            SimOrder other = side.get(i);
            if (other.state == SimOrder.WORKING && (o.buy ? o.price > other.price : o.price < other.price)) {
                at = i;
                break;
            }
        }
        side.add(at, o);
    }

    /** Drops finished and moved orders from the lists. */
    void compact() {
        if (!dirty) {
            return;
        }
        dirty = false;
        compact(pending, SimOrder.PENDING);
        compact(stops, SimOrder.STOP);
        compact(buys, SimOrder.WORKING);
        compact(sells, SimOrder.WORKING);
    }

    private static void compact(ArrayList<SimOrder> list, int state) {
        int n = 0;
        for (int i = 0, size = list.size(); i < size; i++) {
            SimOrder o = list.get(i);
            if (o.state == state) {
                list.set(n++, o);
            }
        }
        for (int i = list.size() - 1; i >= n; i--) {
            list.remove(i);
        }
    }
}
