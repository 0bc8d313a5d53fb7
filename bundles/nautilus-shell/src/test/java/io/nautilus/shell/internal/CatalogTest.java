package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.Scope;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final FakeTradingCore core = new FakeTradingCore();
    private final Catalog catalog = new Catalog(core);

    @Test
    void instrumentResolvesByIdThenBySymbol() {
        assertThat(catalog.instrument("BTC-USD.COINBASE")).isEqualTo(FakeTradingCore.BTC);
        assertThat(catalog.instrument("ESZ4")).isEqualTo(FakeTradingCore.ES);
    }

    @Test
    void unknownInstrumentListsTheKnownIds() {
        assertThatThrownBy(() -> catalog.instrument("ETH-USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown instrument 'ETH-USD'; known: BTC-USD.COINBASE, ESZ4.CME, EURUSD.FX");
        assertThatThrownBy(() -> catalog.instrument("no spaces"))
                .hasMessageStartingWith("unknown instrument 'no spaces'");
    }

    @Test
    void symbolOnSeveralVenuesAsksForTheId() {
        core.instruments.add(new Instrument(InstrumentId.of("BTC-USD.KRAKEN"), "BTC-USD", VenueId.of("KRAKEN"), 1, 1,
                1, 2, 4, "USD"));
        assertThatThrownBy(() -> catalog.instrument("BTC-USD"))
                .hasMessage("symbol 'BTC-USD' names several instruments (BTC-USD.COINBASE, BTC-USD.KRAKEN);"
                        + " give the instrument id");
    }

    @Test
    void accountMustBeConfigured() {
        assertThat(catalog.account("ACC-2")).isEqualTo(FakeTradingCore.ACC_2);
        assertThatThrownBy(() -> catalog.account("ACC-9"))
                .hasMessage("unknown account 'ACC-9'; known: ACC-1, ACC-2");
    }

    @Test
    void scopeCombinesAccountAndInstrument() {
        assertThat(catalog.scope("ACC-1", "ESZ4")).isEqualTo(new Scope(FakeTradingCore.ACC_1, FakeTradingCore.ES.id()));
        assertThat(catalog.scope(null, null)).isEqualTo(Scope.GLOBAL);
    }

    @Test
    void finishedOrderIsNotWorking() {
        assertThatThrownBy(() -> catalog.workingOrder(99))
                .hasMessage("order 99 is not working (unknown, or already filled, canceled or expired)");
    }
}
