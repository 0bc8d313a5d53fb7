package io.nautilus.marketdata.api;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;

/**
 * Where feed adapters hand raw ticks to the engine: decimal text as the venue sent it, the venue symbol and
 * the feed's sequence. Safe to call from any thread; a call never throws for bad data: the tick is
 * rejected and counted under the feed.
 *
 * <p>{@code sequence} is the feed's per-instrument sequence number, or 0 when the feed has none (no
 * sequence check). {@code receivedNanos} is the caller's clock when the tick arrived, compared with
 * {@code timestampNanos} for staleness; the engine reads no clock itself.
 */
public interface MarketDataIngest {

    /**
     * Hands over a best bid and offer.
     *
     * @param feedId         the feed
     * @param symbol         the instrument's symbol or id
     * @param sequence       feed sequence, or 0
     * @param bidPrice       decimal text, or {@code null} when no bid
     * @param bidSize        decimal text, or {@code null} when no bid
     * @param askPrice       decimal text, or {@code null} when no offer
     * @param askSize        decimal text, or {@code null} when no offer
     * @param timestampNanos exchange time, nanoseconds since the epoch
     * @param receivedNanos  caller's clock at arrival, nanoseconds since the epoch
     */
    void quote(String feedId, String symbol, long sequence, String bidPrice, String bidSize, String askPrice,
               String askSize, long timestampNanos, long receivedNanos);

    /**
     * Hands over a trade.
     *
     * @param feedId         the feed
     * @param symbol         the instrument's symbol or id
     * @param sequence       feed sequence, or 0
     * @param price          decimal text
     * @param size           decimal text
     * @param aggressor      taker side, or {@code null}
     * @param tradeId        venue trade id, or {@code null}
     * @param timestampNanos exchange time, nanoseconds since the epoch
     * @param receivedNanos  caller's clock at arrival, nanoseconds since the epoch
     */
    void trade(String feedId, String symbol, long sequence, String price, String size, Side aggressor,
               String tradeId, long timestampNanos, long receivedNanos);

    /**
     * Hands over a trade whose price and size the feed decoded as doubles; each is converted through its
     * shortest decimal representation, so {@code 0.1} is exactly {@code 0.1}.
     *
     * @param feedId         the feed
     * @param symbol         the instrument's symbol or id
     * @param sequence       feed sequence, or 0
     * @param price          the price
     * @param size           the size
     * @param aggressor      taker side, or {@code null}
     * @param tradeId        venue trade id, or {@code null}
     * @param timestampNanos exchange time, nanoseconds since the epoch
     * @param receivedNanos  caller's clock at arrival, nanoseconds since the epoch
     */
    void trade(String feedId, String symbol, long sequence, double price, double size, Side aggressor,
               String tradeId, long timestampNanos, long receivedNanos);

    /**
     * Hands over an order book level update.
     *
     * @param feedId         the feed
     * @param symbol         the instrument's symbol or id
     * @param sequence       feed sequence, or 0
     * @param side           BUY for bids, SELL for offers
     * @param level          0 for the best price
     * @param price          decimal text
     * @param size           decimal text; 0 removes the level
     * @param orderCount     orders at the price, or 0
     * @param timestampNanos exchange time, nanoseconds since the epoch
     * @param receivedNanos  caller's clock at arrival, nanoseconds since the epoch
     */
    void bookLevel(String feedId, String symbol, long sequence, Side side, int level, String price, String size,
                   int orderCount, long timestampNanos, long receivedNanos);

    /**
     * Advances event time: closes time bars whose interval ended at or before {@code nowNanos}. Feeds call
     * it on heartbeats so bars of quiet instruments complete.
     *
     * @param nowNanos the feed's clock, nanoseconds since the epoch
     */
    void clock(long nowNanos);

    /**
     * Reports a feed's connection state; passed on to subscribers.
     *
     * @param feedId the feed
     * @param state  the new state
     */
    void feedState(String feedId, ConnectionState state);
}
