package io.nautilus.shell.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Formats prices and quantities of the core's views at their instrument's scales, looking each definition up
 * once; values of an instrument the core no longer defines print in raw units.
 */
final class Scales {

    private final Function<InstrumentId, Optional<Instrument>> lookup;
    private final Map<InstrumentId, Optional<Instrument>> known = new HashMap<>();

    /**
     * @param lookup the definition of an instrument, usually {@code TradingCoreService::instrument}
     */
    Scales(Function<InstrumentId, Optional<Instrument>> lookup) {
        this.lookup = lookup;
    }

    /**
     * @param id an instrument id
     * @return its definition, if the core has one
     */
    Optional<Instrument> definition(InstrumentId id) {
        return known.computeIfAbsent(id, lookup);
    }

    /**
     * @param id an instrument id
     * @return its price scale, 0 if unknown
     */
    int priceScale(InstrumentId id) {
        return definition(id).map(Instrument::priceScale).orElse(0);
    }

    /**
     * @param id an instrument id
     * @return its quantity scale, 0 if unknown
     */
    int quantityScale(InstrumentId id) {
        return definition(id).map(Instrument::quantityScale).orElse(0);
    }

    /**
     * @param id    the instrument
     * @param price in units of its price scale; NULL prints as {@code -}
     * @return the decimal price
     */
    String price(InstrumentId id, long price) {
        return Decimals.format(price, priceScale(id));
    }

    /**
     * @param id    the instrument
     * @param price in units of its price scale; 0 (none) and NULL print as {@code -}
     * @return the decimal price or {@code -}
     */
    String priceOrDash(InstrumentId id, long price) {
        return Decimals.formatOrDash(price, priceScale(id));
    }

    /**
     * @param id       the instrument
     * @param quantity in units of its quantity scale; NULL prints as {@code -}
     * @return the decimal quantity
     */
    String quantity(InstrumentId id, long quantity) {
        return Decimals.format(quantity, quantityScale(id));
    }

    /**
     * @param id       the instrument
     * @param quantity in units of its quantity scale; 0 (none) and NULL print as {@code -}
     * @return the decimal quantity or {@code -}
     */
    String quantityOrDash(InstrumentId id, long quantity) {
        return Decimals.formatOrDash(quantity, quantityScale(id));
    }
}
