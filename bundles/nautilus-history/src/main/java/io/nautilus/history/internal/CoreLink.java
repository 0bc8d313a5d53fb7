package io.nautilus.history.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.history.api.OrderEvent;

import java.util.function.Supplier;

/**
 * What the writer asks of the trading core, each answer possibly absent (the core comes and goes): instrument
 * scales it has not seen defined, the money scale of account capital, and the journal to catch up from.
 */
interface CoreLink extends InstrumentScales {

    /** @return the decimals of account capital (the core's money scale), or {@link OrderEvent#UNKNOWN_SCALE} */
    int moneyScale();

    /** @return the core's journal, or {@code null} while there is none */
    JournalHistory journal();

    /**
     * A link with fixed scales and a journal that may come and go.
     *
     * @param scales     instrument scales
     * @param moneyScale the money scale, or {@link OrderEvent#UNKNOWN_SCALE}
     * @param journal    the journal now, or {@code null}
     * @return the link
     */
    static CoreLink of(InstrumentScales scales, int moneyScale, Supplier<JournalHistory> journal) {
        return new CoreLink() {
            @Override
            public int priceScale(InstrumentId instrument) {
                return scales.priceScale(instrument);
            }

            @Override
            public int quantityScale(InstrumentId instrument) {
                return scales.quantityScale(instrument);
            }

            @Override
            public int moneyScale() {
                return moneyScale;
            }

            @Override
            public JournalHistory journal() {
                return journal.get();
            }
        };
    }
}
