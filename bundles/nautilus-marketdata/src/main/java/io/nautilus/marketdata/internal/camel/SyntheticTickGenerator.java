package io.nautilus.marketdata.internal.camel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic market: each {@link #step()} moves every instrument's mid price (in ticks) by a random
 * walk or a mean-reverting (Ornstein-Uhlenbeck-like) step, emits a quote around it with a fixed spread and random
 * sizes, and with a given probability a trade at the touch. The same settings and seed give the same messages;
 * it reads no clock (messages carry no time).
 */
final class SyntheticTickGenerator {

    /** Price models. */
    enum Model {
        /** mid += round(volatility x N(0,1)) ticks. */
        RANDOM_WALK,
        /** mid += round(reversion x (mean - mid) + volatility x N(0,1)) ticks. */
        MEAN_REVERSION;

        static Model parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "random-walk", "random_walk", "randomwalk" -> RANDOM_WALK;
                case "mean-reversion", "mean_reversion", "meanreversion" -> MEAN_REVERSION;
                default -> throw new IllegalArgumentException("model '" + text
                        + "' is not random-walk or mean-reversion");
            };
        }
    }

    private final List<String> instruments;
    private final Model model;
    private final Random random;
    private final BigDecimal tickSize;
    private final BigDecimal lotSize;
    private final int spreadTicks;
    private final double volatilityTicks;
    private final double reversion;
    private final int minLots;
    private final int maxLots;
    private final double tradeProbability;
    private final long[] mid;
    private final long[] mean;
    private final long[] seq;

    /**
     * Creates the generator.
     *
     * @param feed the settings, validated here
     * @throws IllegalArgumentException naming the first bad setting
     */
    SyntheticTickGenerator(FeedEndpoint feed) {
        this.instruments = feed.instrumentList();
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("instruments: at least one instrument is needed");
        }
        this.model = Model.parse(feed.getModel());
        this.random = new Random(feed.getSeed());
        this.tickSize = positive("tickSize", feed.getTickSize());
        this.lotSize = positive("lotSize", feed.getLotSize());
        this.spreadTicks = feed.getSpreadTicks();
        this.volatilityTicks = feed.getVolatilityTicks();
        this.reversion = feed.getReversion();
        this.minLots = feed.getMinLots();
        this.maxLots = feed.getMaxLots();
        this.tradeProbability = feed.getTradeProbability();
        if (spreadTicks < 1) {
            throw new IllegalArgumentException("spreadTicks " + spreadTicks + " must be at least 1");
        }
        if (minLots < 1 || maxLots < minLots) {
            throw new IllegalArgumentException("lots: need 1 <= minLots (" + minLots + ") <= maxLots (" + maxLots
                    + ")");
        }
        if (!(volatilityTicks >= 0) || !(reversion >= 0 && reversion <= 1)
                || !(tradeProbability >= 0 && tradeProbability <= 1)) {
            throw new IllegalArgumentException("need volatilityTicks >= 0 (" + volatilityTicks
                    + "), 0 <= reversion <= 1 (" + reversion + "), 0 <= tradeProbability <= 1 ("
                    + tradeProbability + ")");
        }
        Map<String, BigDecimal> starts = feed.startPriceMap();
        mid = new long[instruments.size()];
        mean = new long[instruments.size()];
        seq = new long[instruments.size()];
        for (int i = 0; i < mid.length; i++) {
            BigDecimal start = starts.getOrDefault(instruments.get(i), positive("startPrice", feed.getStartPrice()));
            mid[i] = start.divideToIntegralValue(tickSize).longValueExact();
            if (mid[i] <= spreadTicks) {
                throw new IllegalArgumentException("start price " + start + " of " + instruments.get(i)
                        + " must be more than spreadTicks x tickSize");
            }
            mean[i] = mid[i];
        }
    }

    private static BigDecimal positive(String name, String value) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a decimal number");
        }
        if (decimal.signum() <= 0) {
            throw new IllegalArgumentException(name + " " + value + " must be positive");
        }
        return decimal;
    }

    /**
     * Moves every instrument one step.
     *
     * @return for each instrument in order a quote message, each possibly followed by a trade message
     */
    List<Map<String, Object>> step() {
        List<Map<String, Object>> out = new ArrayList<>(instruments.size() * 2);
        for (int i = 0; i < mid.length; i++) {
            double move = volatilityTicks * random.nextGaussian();
            if (model == Model.MEAN_REVERSION) {
                move += reversion * (mean[i] - mid[i]);
            }
            mid[i] = Math.max(spreadTicks + 1L, mid[i] + Math.round(move));
            long bid = mid[i] - spreadTicks / 2;
            long ask = bid + spreadTicks;
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("type", "quote");
            quote.put("instrument", instruments.get(i));
            quote.put("seq", ++seq[i]);
            quote.put("bid", price(bid));
            quote.put("bidSize", size());
            quote.put("ask", price(ask));
            quote.put("askSize", size());
            out.add(quote);
            if (random.nextDouble() < tradeProbability) {
                boolean buy = random.nextBoolean();
                Map<String, Object> trade = new LinkedHashMap<>();
                trade.put("type", "trade");
                trade.put("instrument", instruments.get(i));
                trade.put("seq", ++seq[i]);
                trade.put("price", price(buy ? ask : bid));
                trade.put("size", size());
                trade.put("side", buy ? "BUY" : "SELL");
                out.add(trade);
            }
        }
        return out;
    }

    private String price(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks)).toPlainString();
    }

    private String size() {
        int lots = minLots + random.nextInt(maxLots - minLots + 1);
        return lotSize.multiply(BigDecimal.valueOf(lots)).toPlainString();
    }
}
