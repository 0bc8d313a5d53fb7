/**
 * The market-data engine's implementation: {@link io.nautilus.marketdata.internal.MarketDataEngine} (plain Java)
 * and its DS component {@link io.nautilus.marketdata.internal.MarketDataManager}.
 *
 * <p>Path of a tick: the feed thread resolves the symbol and normalises decimal text or doubles exactly to the
 * instrument's scales ({@link io.nautilus.marketdata.internal.TickNormaliser}), then claims a pre-allocated slot
 * of the engine's Disruptor ring. The single engine thread hands it to its
 * {@link io.nautilus.marketdata.internal.TickHandler} (the same code the backtest runs through
 * {@link io.nautilus.marketdata.pipeline.TickPipeline}), which validates
 * ({@link io.nautilus.marketdata.internal.TickValidator}: per-feed counters, result codes written into the slot),
 * publishes the last quote/trade ({@link io.nautilus.marketdata.internal.LastValueCache}), aggregates bars
 * ({@link io.nautilus.marketdata.internal.BarAggregator}); the engine then offers one shared immutable update to each
 * subscriber's {@link io.nautilus.marketdata.internal.SubscriberChannel}, which conflates instead of blocking.
 *
 * <p>Decisions: flagged ticks are passed on marked and update last values, bars and the validator's reference
 * price and sequence; rejected ticks change nothing but their counter. Time bars without trades are not emitted.
 * Volume bars split the boundary-crossing trade. The price band is measured per feed and instrument from the
 * last passed-on trade price or quote mid. The engine reads no clock: staleness compares the caller's arrival
 * time with the exchange time, and time bars close on later trades or {@code clock(now)} events.
 *
 * <p>Hot path costs: decimal text of the usual shape is converted without BigDecimal
 * ({@link io.nautilus.marketdata.internal.TickNormaliser#parsePlain}); the ring's wait strategy
 * ({@link io.nautilus.marketdata.internal.ParkingWaitStrategy}) takes no lock on publish; each subscriber's queue
 * reuses pre-allocated entries ({@link io.nautilus.marketdata.internal.UpdateQueue}) and is drained in batches.
 * One Quote/Trade record per passed-on tick is allocated (the shared API is immutable records), shared by all
 * subscribers; an update object is allocated only for a subscriber that is conflating. The engine keeps the last
 * {@value io.nautilus.marketdata.internal.MarketDataEngine#BAR_HISTORY} completed bars per instrument and spec
 * ({@link io.nautilus.marketdata.internal.BarHistory}) for operators.
 */
package io.nautilus.marketdata.internal;
