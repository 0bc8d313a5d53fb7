package io.nautilus.core.config;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the instruments configuration ({@code etc/io.nautilus.core.instruments.cfg}): one group of
 * {@code <symbol>.<attribute> = value} keys per instrument.
 *
 * <table>
 *   <caption>attributes</caption>
 *   <tr><td>priceScale</td><td>decimals of prices, 0..18 (default 2)</td></tr>
 *   <tr><td>quantityScale</td><td>decimals of quantities, 0..18 (default 0)</td></tr>
 *   <tr><td>tickSize</td><td>decimal price step (default one unit of the price scale)</td></tr>
 *   <tr><td>lotSize</td><td>decimal quantity step (default one unit of the quantity scale)</td></tr>
 *   <tr><td>minQuantity</td><td>decimal minimum order quantity, a lot multiple (default lotSize)</td></tr>
 *   <tr><td>venue</td><td>venue id (default SIM)</td></tr>
 *   <tr><td>currency</td><td>currency code (default USD)</td></tr>
 *   <tr><td>priceBandBps</td><td>limit prices must lie within reference ± this many basis points (default 0 = off)</td></tr>
 *   <tr><td>referencePrice</td><td>decimal initial band reference (default none: the first trade or mark)</td></tr>
 *   <tr><td>routing</td><td>{@code internal} (the core's matching engine, default) or {@code external} (orders go
 *       to the venue through its venue gateway; fills come back as journaled venue reports)</td></tr>
 *   <tr><td>makerFeeBps / takerFeeBps</td><td>fees in basis points of the notional, negative = rebate (default 0)</td></tr>
 * </table>
 *
 * <p>Fail-safe: a configuration without any instrument (an empty or truncated file) is an error, so the instruments
 * in force (and their venues, currencies and routing) stay as they are. Instruments are journaled and never
 * undefined by a file, so there is no key to remove them.
 */
public final class InstrumentsConfig {

    private static final Set<String> ATTRIBUTES = Set.of("priceScale", "quantityScale", "tickSize", "lotSize",
            "minQuantity", "venue", "currency", "priceBandBps", "referencePrice", "makerFeeBps", "takerFeeBps",
            "routing");

    private InstrumentsConfig() {
    }

    /**
     * Parses every instrument of a configuration.
     *
     * @param properties the configuration dictionary
     * @return the instruments, sorted by symbol
     * @throws IllegalArgumentException naming the symbol, key and value of the first problem, or if the
     *                                  configuration holds no instrument
     */
    public static List<InstrumentSpec> parse(Map<String, ?> properties) {
        List<InstrumentSpec> specs = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : ConfigKeys.group(properties, "symbol").entrySet()) {
            specs.add(parse(e.getKey(), e.getValue()));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the instruments configuration has no instrument (empty or truncated"
                    + " file?): the instruments in force stay as they are");
        }
        return specs;
    }

    private static InstrumentSpec parse(String symbol, Map<String, String> a) {
        for (String key : a.keySet()) {
            if (!ATTRIBUTES.contains(key)) {
                throw new IllegalArgumentException("instrument " + symbol + ": unknown attribute '" + key
                        + "' (known: " + new java.util.TreeSet<>(ATTRIBUTES) + ")");
            }
        }
        int priceScale = (int) integer(symbol, a, "priceScale", 2, 0, FixedPoint.MAX_SCALE);
        int quantityScale = (int) integer(symbol, a, "quantityScale", 0, 0, FixedPoint.MAX_SCALE);
        long tick = decimal(symbol, a, "tickSize", priceScale, 1);
        long lot = decimal(symbol, a, "lotSize", quantityScale, 1);
        long min = decimal(symbol, a, "minQuantity", quantityScale, lot);
        long band = integer(symbol, a, "priceBandBps", 0, 0, 1_000_000);
        long reference = decimal(symbol, a, "referencePrice", priceScale, 0);
        long maker = integer(symbol, a, "makerFeeBps", 0, -10_000, 10_000);
        long taker = integer(symbol, a, "takerFeeBps", 0, -10_000, 10_000);
        String venue = a.getOrDefault("venue", "SIM");
        String currency = a.getOrDefault("currency", "USD");
        Instrument instrument;
        try {
            instrument = new Instrument(InstrumentId.of(symbol), symbol, VenueId.of(venue), tick, lot, min, priceScale,
                    quantityScale, currency);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("instrument " + symbol + ": " + e.getMessage(), e);
        }
        if (reference < 0 || (reference > 0 && reference % tick != 0)) {
            throw new IllegalArgumentException("instrument " + symbol + ": referencePrice '" + a.get("referencePrice")
                    + "' must be positive and a multiple of the tick size " + a.getOrDefault("tickSize", "1 unit"));
        }
        String routing = a.getOrDefault("routing", "internal").trim();
        if (!routing.equals("internal") && !routing.equals("external")) {
            throw new IllegalArgumentException("instrument " + symbol + ": routing '" + routing
                    + "' is not internal or external");
        }
        return new InstrumentSpec(instrument, band, reference, maker, taker, routing.equals("external"));
    }

    private static long integer(String symbol, Map<String, String> a, String key, long dflt, long min, long max) {
        String v = a.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instrument " + symbol + ": " + key + " '" + v + "' is not an integer");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("instrument " + symbol + ": " + key + " " + n + " is outside "
                    + min + ".." + max);
        }
        return n;
    }

    private static long decimal(String symbol, Map<String, String> a, String key, int scale, long dflt) {
        String v = a.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            long n = FixedPoint.parse(v, scale);
            if (n < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return n;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("instrument " + symbol + ": " + key + " '" + v + "': " + e.getMessage(),
                    e);
        }
    }
}
