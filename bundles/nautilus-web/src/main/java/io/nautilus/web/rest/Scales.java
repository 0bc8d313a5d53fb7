package io.nautilus.web.rest;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.web.json.Wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments' definitions from the trading core, looked up once per request, to put their prices and
 * quantities on the wire at their scales (scale 0 for an instrument the core does not define, as the shell shows it).
 */
final class Scales {

    private final Optional<TradingCoreService> core;
    private final Map<InstrumentId, Optional<Instrument>> known = new HashMap<>();

    Scales(Optional<TradingCoreService> core) {
        this.core = core;
    }

    private Instrument definition(InstrumentId id) {
        return known.computeIfAbsent(id, key -> core.flatMap(c -> c.instrument(key))).orElse(null);
    }

    /** @return the price, or null when it is 0 (no price) or {@code FixedPoint.NULL} */
    String priceOrNull(InstrumentId id, long price) {
        return Wire.nonZero(price, Wire.priceScale(definition(id)));
    }

    /** @return the quantity, or null when it is 0 or {@code FixedPoint.NULL} */
    String quantityOrNull(InstrumentId id, long quantity) {
        return Wire.nonZero(quantity, Wire.quantityScale(definition(id)));
    }

    String price(InstrumentId id, long price) {
        return Wire.decimal(price, Wire.priceScale(definition(id)));
    }

    String quantity(InstrumentId id, long quantity) {
        return Wire.decimal(quantity, Wire.quantityScale(definition(id)));
    }
}
