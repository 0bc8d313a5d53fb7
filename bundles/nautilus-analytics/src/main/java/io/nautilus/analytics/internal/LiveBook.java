package io.nautilus.analytics.internal;

import io.nautilus.analytics.risk.Holding;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The trading core's open positions at their marks, as holdings in money.
 *
 * @param holdings  the open positions with a mark and a definition
 * @param unmarked  "account instrument" of the open positions without a mark (or whose instrument the core no
 *                  longer defines)
 * @param known     the ids of the instruments the core defines
 */
record LiveBook(List<Holding> holdings, List<String> unmarked, Set<String> known) {

    /**
     * Reads the core.
     *
     * @param core the trading core
     * @return the book now
     */
    static LiveBook read(TradingCoreService core) {
        List<Holding> holdings = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Instrument i : core.instruments()) {
            known.add(i.id().value());
        }
        for (PositionView p : core.positions(null)) {
            if (p.quantity() == 0) {
                continue;
            }
            Optional<Instrument> definition = core.instrument(p.instrument());
            if (definition.isEmpty() || p.markPrice() <= 0) {
                unmarked.add(p.account().value() + " " + p.instrument().value());
                continue;
            }
            Instrument i = definition.get();
            holdings.add(new Holding(p.account().value(), i.id().value(), i.currency(),
                    BigDecimal.valueOf(p.quantity(), i.quantityScale()), BigDecimal.valueOf(p.markPrice(),
                    i.priceScale()), i.priceScale()));
        }
        return new LiveBook(holdings, unmarked, known);
    }
}
