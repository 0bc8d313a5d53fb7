package io.nautilus.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.SelfTradePrevention;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InstrumentsConfigTest {

    @Test
    void parsesEveryAttributeAtTheInstrumentsScales() {
        List<InstrumentSpec> specs = InstrumentsConfig.parse(Map.of(
                "BTC-USD.priceScale", "2", "BTC-USD.quantityScale", "4", "BTC-USD.tickSize", "0.50",
                "BTC-USD.lotSize", "0.0010", "BTC-USD.minQuantity", "0.01", "BTC-USD.venue", "SIM",
                "BTC-USD.priceBandBps", "500", "BTC-USD.referencePrice", "30000", "BTC-USD.makerFeeBps", "-1",
                "BTC-USD.takerFeeBps", "5"));
        assertThat(specs).hasSize(1);
        InstrumentSpec s = specs.get(0);
        assertThat(s.symbol()).isEqualTo("BTC-USD");
        assertThat(s.instrument().tickSize()).isEqualTo(50);
        assertThat(s.instrument().lotSize()).isEqualTo(10);
        assertThat(s.instrument().minQuantity()).isEqualTo(100);
        assertThat(s.referencePrice()).isEqualTo(3_000_000);
        assertThat(s.priceBandBps()).isEqualTo(500);
        assertThat(s.makerFeeBps()).isEqualTo(-1);
        assertThat(s.takerFeeBps()).isEqualTo(5);
    }

    @Test
    void defaultsAndSymbolsWithDotsAndFrameworkKeys() {
        List<InstrumentSpec> specs = InstrumentsConfig.parse(Map.of("BRK.B.priceScale", "2",
                "service.pid", "io.nautilus.core.instruments", "felix.fileinstall.filename", "file:/x"));
        assertThat(specs).singleElement().satisfies(s -> {
            assertThat(s.symbol()).isEqualTo("BRK.B");
            assertThat(s.instrument().tickSize()).isEqualTo(1);
            assertThat(s.instrument().lotSize()).isEqualTo(1);
            assertThat(s.instrument().minQuantity()).isEqualTo(1);
            assertThat(s.instrument().venue().value()).isEqualTo("SIM");
            assertThat(s.priceBandBps()).isZero();
        });
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("X.tickSize", "0.001")))
                .hasMessageContaining("instrument X").hasMessageContaining("tickSize '0.001'");
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("X.priceScale", "two")))
                .hasMessageContaining("priceScale 'two' is not an integer");
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("X.colour", "red")))
                .hasMessageContaining("unknown attribute 'colour'");
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("X.lotSize", "5", "X.minQuantity", "7")))
                .hasMessageContaining("instrument X");
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("nodot", "1")))
                .hasMessageContaining("'nodot'");
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("X.tickSize", "-1")))
                .hasMessageContaining("tickSize '-1'");
    }

    @Test
    void accountsParseStpModesAndCapital() {
        assertThat(AccountsConfig.parse(Map.of("alice.stp", "cancel-resting", "bob.stp", "NONE",
                "bob.capital", "250000.5", "service.pid", "io.nautilus.core.accounts"), 2))
                .containsExactly(Map.entry("alice", new AccountSpec(SelfTradePrevention.CANCEL_RESTING, 0)),
                        Map.entry("bob", new AccountSpec(SelfTradePrevention.NONE, 25_000_050)));
        assertThat(AccountsConfig.parse(Map.of("carol.capital", "1000"), 2))
                .containsExactly(Map.entry("carol", new AccountSpec(SelfTradePrevention.NONE, 100_000)));
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("alice.stp", "sometimes"), 2))
                .hasMessageContaining("account alice").hasMessageContaining("'sometimes'");
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("alice.limit", "3"), 2))
                .hasMessageContaining("unknown attribute 'limit'");
    }

    @Test
    void aBadCapitalNamesTheAccountAndTheValue() {
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("alice.capital", "lots"), 2))
                .hasMessageContaining("account alice: capital 'lots'");
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("alice.capital", "-5"), 2))
                .hasMessageContaining("account alice: capital '-5' must not be negative");
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("alice.capital", "10.001"), 2))
                .hasMessageContaining("account alice: capital '10.001'").hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("alice.capital", "1e6"), 2))
                .hasMessageContaining("scientific notation");
    }

    @Test
    void anEmptyAccountsConfigurationIsAnErrorNotAnEmptySet() {
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of(), 2))
                .hasMessageContaining("no account (empty or truncated file?)");
        assertThatThrownBy(() -> AccountsConfig.parse(Map.of("service.pid", "io.nautilus.core.accounts",
                "felix.fileinstall.filename", "file:/opt/nautilus/etc/io.nautilus.core.accounts.cfg"), 2))
                .hasMessageContaining("the accounts in force stay");
    }

    @Test
    void anEmptyInstrumentsConfigurationIsAnErrorNotAnEmptySet() {
        assertThatThrownBy(() -> InstrumentsConfig.parse(Map.of("service.pid", "io.nautilus.core.instruments")))
                .hasMessageContaining("no instrument (empty or truncated file?)")
                .hasMessageContaining("the instruments in force");
    }
}
