package io.nautilus.marketdata.internal.camel;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code nautilus-feed:synthetic} or {@code nautilus-feed:replay} endpoint (consumer only). Each message it
 * emits is a {@code Map} in the platform's tick format ({@code type}, {@code instrument}, {@code seq},
 * {@code bid}/{@code ask}/{@code bidSize}/{@code askSize} or {@code price}/{@code size}/{@code side},
 * {@code time} in epoch milliseconds), the default mapping of {@code nautilus-md}.
 *
 * <p>Synthetic options: {@code instruments} (comma list, required), {@code seed} (1), {@code intervalMs} (100, one
 * step of every instrument per interval), {@code model} (random-walk|mean-reversion), {@code startPrice} (100),
 * {@code startPrices} ({@code SYM:price;SYM:price}, overrides per instrument), {@code tickSize} (0.01),
 * {@code spreadTicks} (2), {@code volatilityTicks} (1.0, standard deviation of a step), {@code reversion} (0.05,
 * share of the distance to the start price recovered per step), {@code lotSize} (0.01), {@code minLots} (1),
 * {@code maxLots} (10), {@code tradeProbability} (0.3 per step and instrument), {@code count} (steps, 0 = no end).
 *
 * <p>Replay options: {@code file} (required), {@code speed} (1.0 = recorded pace, 2.0 twice as fast, 0 = as fast
 * as possible).
 */
public final class FeedEndpoint extends DefaultEndpoint {

    /** The kinds of feed. */
    enum Kind { SYNTHETIC, REPLAY }

    private final Kind kind;
    private final AtomicLong emitted = new AtomicLong();
    private volatile boolean finished;

    private String instruments = "";
    private long seed = 1;
    private long intervalMs = 100;
    private String model = "random-walk";
    private String startPrice = "100";
    private String startPrices = "";
    private String tickSize = "0.01";
    private int spreadTicks = 2;
    private double volatilityTicks = 1.0;
    private double reversion = 0.05;
    private String lotSize = "0.01";
    private int minLots = 1;
    private int maxLots = 10;
    private double tradeProbability = 0.3;
    private long count;
    private String file;
    private double speed = 1.0;

    FeedEndpoint(String uri, FeedComponent component, Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri()
                + ": nautilus-feed endpoints are sources (use them in 'from'); send ticks to nautilus-md:<feedId>");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = kind == Kind.SYNTHETIC
                ? new SyntheticFeedConsumer(this, processor, new SyntheticTickGenerator(this))
                : new ReplayFeedConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    Kind kind() {
        return kind;
    }

    void countEmitted() {
        emitted.incrementAndGet();
    }

    void resetProgress() {
        emitted.set(0);
        finished = false;
    }

    void markFinished() {
        finished = true;
    }

    /** @return messages emitted since the consumer last started */
    public long getEmitted() {
        return emitted.get();
    }

    /** @return whether a replay reached the end of its file, or a synthetic feed its step count */
    public boolean isFinished() {
        return finished;
    }

    List<String> instrumentList() {
        List<String> list = new ArrayList<>();
        for (String s : instruments.split(",")) {
            if (!s.isBlank()) {
                list.add(s.strip());
            }
        }
        return list;
    }

    Map<String, BigDecimal> startPriceMap() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (String entry : startPrices.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            try {
                map.put(entry.substring(0, colon).strip(), new BigDecimal(entry.substring(colon + 1).strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("startPrices: '" + entry + "' is not SYMBOL:price");
            }
        }
        return map;
    }

    /** @return comma-separated instrument symbols or ids */
    public String getInstruments() {
        return instruments;
    }

    /** @param instruments comma-separated instrument symbols or ids (synthetic) */
    public void setInstruments(String instruments) {
        this.instruments = instruments;
    }

    /** @return the random seed */
    public long getSeed() {
        return seed;
    }

    /** @param seed the random seed: the same seed gives the same ticks (synthetic) */
    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** @return milliseconds between steps */
    public long getIntervalMs() {
        return intervalMs;
    }

    /** @param intervalMs milliseconds between steps, at least 1 (synthetic) */
    public void setIntervalMs(long intervalMs) {
        if (intervalMs < 1) {
            throw new IllegalArgumentException("intervalMs " + intervalMs + " must be at least 1");
        }
        this.intervalMs = intervalMs;
    }

    /** @return the price model */
    public String getModel() {
        return model;
    }

    /** @param model random-walk or mean-reversion (synthetic) */
    public void setModel(String model) {
        SyntheticTickGenerator.Model.parse(model);
        this.model = model;
    }

    /** @return the start price of every instrument */
    public String getStartPrice() {
        return startPrice;
    }

    /** @param startPrice start (and mean-reversion) price of instruments not in startPrices (synthetic) */
    public void setStartPrice(String startPrice) {
        this.startPrice = startPrice;
    }

    /** @return per-instrument start prices */
    public String getStartPrices() {
        return startPrices;
    }

    /** @param startPrices per-instrument start prices, {@code SYM:price;SYM:price} (synthetic) */
    public void setStartPrices(String startPrices) {
        this.startPrices = startPrices;
    }

    /** @return the price increment */
    public String getTickSize() {
        return tickSize;
    }

    /** @param tickSize the price increment, a positive decimal (synthetic) */
    public void setTickSize(String tickSize) {
        this.tickSize = tickSize;
    }

    /** @return the quoted spread in ticks */
    public int getSpreadTicks() {
        return spreadTicks;
    }

    /** @param spreadTicks the quoted spread in ticks, at least 1 (synthetic) */
    public void setSpreadTicks(int spreadTicks) {
        this.spreadTicks = spreadTicks;
    }

    /** @return the standard deviation of a step in ticks */
    public double getVolatilityTicks() {
        return volatilityTicks;
    }

    /** @param volatilityTicks standard deviation of a mid-price step in ticks, at least 0 (synthetic) */
    public void setVolatilityTicks(double volatilityTicks) {
        this.volatilityTicks = volatilityTicks;
    }

    /** @return the mean-reversion strength */
    public double getReversion() {
        return reversion;
    }

    /** @param reversion share of the distance to the start price recovered per step, 0..1 (mean-reversion) */
    public void setReversion(double reversion) {
        this.reversion = reversion;
    }

    /** @return the size increment */
    public String getLotSize() {
        return lotSize;
    }

    /** @param lotSize the size increment, a positive decimal (synthetic) */
    public void setLotSize(String lotSize) {
        this.lotSize = lotSize;
    }

    /** @return the smallest size in lots */
    public int getMinLots() {
        return minLots;
    }

    /** @param minLots the smallest quote or trade size in lots, at least 1 (synthetic) */
    public void setMinLots(int minLots) {
        this.minLots = minLots;
    }

    /** @return the largest size in lots */
    public int getMaxLots() {
        return maxLots;
    }

    /** @param maxLots the largest quote or trade size in lots (synthetic) */
    public void setMaxLots(int maxLots) {
        this.maxLots = maxLots;
    }

    /** @return the chance of a trade per step and instrument */
    public double getTradeProbability() {
        return tradeProbability;
    }

    /** @param tradeProbability the chance of a trade per step and instrument, 0..1 (synthetic) */
    public void setTradeProbability(double tradeProbability) {
        this.tradeProbability = tradeProbability;
    }

    /** @return the number of steps, 0 for no end */
    public long getCount() {
        return count;
    }

    /** @param count the number of steps before the feed stops emitting, 0 for no end (synthetic) */
    public void setCount(long count) {
        this.count = count;
    }

    /** @return the CSV file */
    public String getFile() {
        return file;
    }

    /** @param file the CSV file to replay (replay) */
    public void setFile(String file) {
        this.file = file;
    }

    /** @return the speed factor */
    public double getSpeed() {
        return speed;
    }

    /** @param speed 1.0 = recorded pace, 2.0 = twice as fast, 0 = as fast as possible (replay) */
    public void setSpeed(double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed " + speed + " must be 0 (as fast as possible) or positive");
        }
        this.speed = speed;
    }
}
