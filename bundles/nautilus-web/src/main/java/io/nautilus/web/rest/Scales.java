package io.nautilus.web.rest;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.TradingCoreService;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The price and quantity scales of instruments, from the trading core's definitions (scale 0 for an instrument it
 * does not define, as the shell shows it); one per request.
 */
final class Scales {

    private final Optional<TradingCoreService> core;
    private final Map<InstrumentId, Optional<Instrument>> known = new HashMap<>();

    Scales(Optional<TradingCoreService> core) {
        this.core = core;
    }

    private Optional<Instrument> definition(InstrumentId id) {
        return known.computeIfAbsent(id, key -> core.flatMap(c -> c.instrument(key)));
    }

    int priceScale(InstrumentId id) {
        return definition(id).map(Instrument::priceScale).orElse(0);
    }

    int quantityScale(InstrumentId id) {
        return definition(id).map(Instrument::quantityScale).orElse(0);
    }

    /** @return the price, or null when it is 0 (no price) or {@code FixedPoint.NULL} */
    String priceOrNull(InstrumentId id, long price) {
        return price == 0 ? null : Wire.decimal(price, priceScale(id));
    }

    /** @return the quantity, or null when it is 0 or {@code FixedPoint.NULL} */
    String quantityOrNull(InstrumentId id, long quantity) {
        return quantity == 0 ? null : Wire.decimal(quantity, quantityScale(id));
    }

    String price(InstrumentId id, long price) {
        return Wire.decimal(price, priceScale(id));
    }

    String quantity(InstrumentId id, long quantity) {
        return Wire.decimal(quantity, quantityScale(id));
    }
}
