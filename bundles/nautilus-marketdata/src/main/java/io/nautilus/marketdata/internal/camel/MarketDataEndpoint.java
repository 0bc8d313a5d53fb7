package io.nautilus.marketdata.internal.camel;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code nautilus-md:<feedId>} endpoint: its producer takes a {@code Map} or JSON text body (one message or an
 * array of them) and hands each message to the engine as a tick of {@code feedId}. The message's fields are found
 * by the {@code *Field} options, each a field name or a JSON pointer ({@code /data/p}); the defaults match the
 * platform's own message: {@code type} (quote|trade|book|clock), {@code instrument}, {@code bid}, {@code ask},
 * {@code bidSize}, {@code askSize}, {@code price}, {@code size}, {@code side}, {@code level}, {@code orders},
 * {@code seq}, {@code tradeId}, {@code time}, {@code received}. Options {@code type} and {@code instrument} give
 * values for messages that carry none; {@code timeUnit} (ms|us|ns|s, default ms) is the unit of numeric times.
 * A message that cannot be mapped is counted, logged with a summary and dropped; the route goes on.
 */
public final class MarketDataEndpoint extends DefaultEndpoint {

    private final String feedId;
    private final IngestHandle ingest;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private volatile String lastError;

    private String type;
    private String instrument;
    private TimeUnit timeUnit = TimeUnit.MILLISECONDS;
    private String typeField = "type";
    private String instrumentField = "instrument";
    private String bidField = "bid";
    private String askField = "ask";
    private String bidSizeField = "bidSize";
    private String askSizeField = "askSize";
    private String priceField = "price";
    private String sizeField = "size";
    private String sideField = "side";
    private String levelField = "level";
    private String ordersField = "orders";
    private String seqField = "seq";
    private String tradeIdField = "tradeId";
    private String timeField = "time";
    private String receivedField = "received";

    MarketDataEndpoint(String uri, MarketDataComponent component, String feedId, IngestHandle ingest) {
        super(uri, component);
        this.feedId = feedId;
        this.ingest = ingest;
    }

    @Override
    public Producer createProducer() {
        return new TickProducer(this, new TickMapper(this), ingest);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointUri()
                + ": nautilus-md endpoints only receive ticks (use them in 'to'); feeds are nautilus-feed endpoints");
    }

    /** @return the feed id (the endpoint's path) */
    public String getFeedId() {
        return feedId;
    }

    /** @return messages received by the producer, good or bad */
    public long getMessages() {
        return messages.get();
    }

    /** @return messages that could not be mapped and were dropped */
    public long getBadMessages() {
        return bad.get();
    }

    /** @return the reason the last bad message was dropped, or {@code null} */
    public String getLastError() {
        return lastError;
    }

    long countMessage() {
        return messages.incrementAndGet();
    }

    long countBad(String reason) {
        lastError = reason;
        return bad.incrementAndGet();
    }

    // ---- options (bound by Camel from the URI query) ----

    /** @return the tick type of messages without a type field */
    public String getType() {
        return type;
    }

    /** @param type quote, trade, book or clock: the type of messages without a type field */
    public void setType(String type) {
        this.type = type;
    }

    /** @return the instrument of messages without an instrument field */
    public String getInstrument() {
        return instrument;
    }

    /** @param instrument the instrument symbol or id of messages without an instrument field */
    public void setInstrument(String instrument) {
        this.instrument = instrument;
    }

    /** @return the unit of numeric times */
    public TimeUnit getTimeUnit() {
        return timeUnit;
    }

    /** @param unit ms, us, ns or s (or a TimeUnit name): the unit of numeric times */
    public void setTimeUnit(String unit) {
        this.timeUnit = switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "ms", "millis", "milliseconds" -> TimeUnit.MILLISECONDS;
            case "us", "micros", "microseconds" -> TimeUnit.MICROSECONDS;
            case "ns", "nanos", "nanoseconds" -> TimeUnit.NANOSECONDS;
            case "s", "seconds" -> TimeUnit.SECONDS;
            default -> throw new IllegalArgumentException("timeUnit '" + unit + "' is not ms, us, ns or s");
        };
    }

    /** @return field of the tick type */
    public String getTypeField() {
        return typeField;
    }

    /** @param typeField field name or JSON pointer of the tick type */
    public void setTypeField(String typeField) {
        this.typeField = typeField;
    }

    /** @return field of the instrument */
    public String getInstrumentField() {
        return instrumentField;
    }

    /** @param instrumentField field name or JSON pointer of the instrument symbol or id */
    public void setInstrumentField(String instrumentField) {
        this.instrumentField = instrumentField;
    }

    /** @return field of the bid price */
    public String getBidField() {
        return bidField;
    }

    /** @param bidField field name or JSON pointer of the bid price */
    public void setBidField(String bidField) {
        this.bidField = bidField;
    }

    /** @return field of the ask price */
    public String getAskField() {
        return askField;
    }

    /** @param askField field name or JSON pointer of the ask price */
    public void setAskField(String askField) {
        this.askField = askField;
    }

    /** @return field of the bid size */
    public String getBidSizeField() {
        return bidSizeField;
    }

    /** @param bidSizeField field name or JSON pointer of the bid size */
    public void setBidSizeField(String bidSizeField) {
        this.bidSizeField = bidSizeField;
    }

    /** @return field of the ask size */
    public String getAskSizeField() {
        return askSizeField;
    }

    /** @param askSizeField field name or JSON pointer of the ask size */
    public void setAskSizeField(String askSizeField) {
        this.askSizeField = askSizeField;
    }

    /** @return field of the trade or level price */
    public String getPriceField() {
        return priceField;
    }

    /** @param priceField field name or JSON pointer of the trade or book-level price */
    public void setPriceField(String priceField) {
        this.priceField = priceField;
    }

    /** @return field of the trade or level size */
    public String getSizeField() {
        return sizeField;
    }

    /** @param sizeField field name or JSON pointer of the trade or book-level size */
    public void setSizeField(String sizeField) {
        this.sizeField = sizeField;
    }

    /** @return field of the side */
    public String getSideField() {
        return sideField;
    }

    /** @param sideField field name or JSON pointer of the trade aggressor or book side (BUY/SELL/B/S/BID/ASK) */
    public void setSideField(String sideField) {
        this.sideField = sideField;
    }

    /** @return field of the book level */
    public String getLevelField() {
        return levelField;
    }

    /** @param levelField field name or JSON pointer of the book level (0 = best) */
    public void setLevelField(String levelField) {
        this.levelField = levelField;
    }

    /** @return field of the order count */
    public String getOrdersField() {
        return ordersField;
    }

    /** @param ordersField field name or JSON pointer of a book level's order count */
    public void setOrdersField(String ordersField) {
        this.ordersField = ordersField;
    }

    /** @return field of the sequence */
    public String getSeqField() {
        return seqField;
    }

    /** @param seqField field name or JSON pointer of the feed sequence (absent = no sequence check) */
    public void setSeqField(String seqField) {
        this.seqField = seqField;
    }

    /** @return field of the trade id */
    public String getTradeIdField() {
        return tradeIdField;
    }

    /** @param tradeIdField field name or JSON pointer of the venue trade id */
    public void setTradeIdField(String tradeIdField) {
        this.tradeIdField = tradeIdField;
    }

    /** @return field of the exchange time */
    public String getTimeField() {
        return timeField;
    }

    /** @param timeField field name or JSON pointer of the exchange time (absent = arrival time) */
    public void setTimeField(String timeField) {
        this.timeField = timeField;
    }

    /** @return field of the arrival time */
    public String getReceivedField() {
        return receivedField;
    }

    /** @param receivedField field name or JSON pointer of the arrival time (absent = now; replays set it) */
    public void setReceivedField(String receivedField) {
        this.receivedField = receivedField;
    }
}
