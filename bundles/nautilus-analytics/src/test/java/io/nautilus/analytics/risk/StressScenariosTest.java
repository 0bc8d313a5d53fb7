package io.nautilus.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.analytics.api.risk.StressImpact;
import io.nautilus.analytics.api.risk.StressScenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing {@code scenario.*} lines and their P&amp;L on positions. */
class StressScenariosTest {

    private static Holding holding(String account, String instrument, String quantity, String mark) {
        return new Holding(account, instrument, "USD", new BigDecimal(quantity), new BigDecimal(mark), 2);
    }

    private static final List<Holding> BOOK = List.of(
            holding("ACC-1", "SIM-BTC", "2", "30000.00"),
            holding("ACC-1", "SIM-ETH", "-10", "2000.00"),
            holding("ACC-2", "SIM-BTC", "0.5", "30000.00"));

    private static final Set<String> KNOWN = Set.of("SIM-BTC", "SIM-ETH", "SIM-SOL");

    @Test
    void parsesShocksInPercent() {
        StressScenario s = StressScenarios.parse("crypto-crash", " SIM-BTC:-20%, SIM-ETH : -30 % ");
        assertThat(s.shocks()).containsExactly(Map.entry("SIM-BTC", new BigDecimal("-0.20")),
                Map.entry("SIM-ETH", new BigDecimal("-0.30")));
    }

    @Test
    void anInstrumentIdWithAColonIsSplitAtTheLastColon() {
        assertThat(StressScenarios.parse("x", "XNAS:AAPL:+5%").shocks())
                .containsExactly(Map.entry("XNAS:AAPL", new BigDecimal("0.05")));
    }

    @Test
    void aBadLineIsAnErrorAndTheOthersStillParse() {
        StressScenarios.Parsed parsed = StressScenarios.parse(Map.of(
                "scenario.crypto-crash", "SIM-BTC:-20%, SIM-ETH:-30%",
                "scenario.typo", "SIM-BTC -20%",
                "scenario.nan", "SIM-BTC:abc%",
                "scenario.below", "SIM-BTC:-120%",
                "scenario.twice", "SIM-BTC:-1%, SIM-BTC:-2%",
                "scenario.empty", " ",
                "var.lookback.days", "250"));
        assertThat(parsed.scenarios()).extracting(StressScenario::name).containsExactly("crypto-crash");
        assertThat(parsed.errors()).containsExactly(
                "scenario.below: 'SIM-BTC:-120%': a price cannot fall more than 100%",
                "scenario.empty: no shocks (write INSTRUMENT:PERCENT%, ...)",
                "scenario.nan: 'SIM-BTC:abc%': 'abc' is not a number of percent",
                "scenario.twice: SIM-BTC is shocked twice",
                "scenario.typo: 'SIM-BTC -20%' is not INSTRUMENT:PERCENT% (e.g. SIM-BTC:-20%)");
    }

    @Test
    void impactIsValueTimesShockPerAccountThenTotal() {
        // ACC-1: 2 x 30000 x -20 % = -12000.00 and -10 x 2000 x -30 % = +6000.00 -> -6000.00;
        // ACC-2: 0.5 x 30000 x -20 % = -3000.00; total -9000.00
        StressScenario s = StressScenarios.parse("crypto-crash", "SIM-BTC:-20%, SIM-ETH:-30%");
        assertThat(StressScenarios.apply(s, BOOK, KNOWN)).containsExactly(
                new StressImpact("crypto-crash", "ACC-1", "USD", new BigDecimal("-6000.00")),
                new StressImpact("crypto-crash", "ACC-2", "USD", new BigDecimal("-3000.00")),
                new StressImpact("crypto-crash", null, "USD", new BigDecimal("-9000.00")));
    }

    @Test
    void aScenarioOnInstrumentsNotHeldHasNoImpact() {
        StressScenario s = StressScenarios.parse("sol", "SIM-SOL:-50%");
        assertThat(StressScenarios.apply(s, BOOK, KNOWN)).isEmpty();
        assertThat(StressScenarios.apply(s, List.of(), KNOWN)).isEmpty();
    }

    @Test
    void anUnknownInstrumentIsAClearError() {
        StressScenario s = StressScenarios.parse("typo", "SIM-BTX:-20%");
        assertThatThrownBy(() -> StressScenarios.apply(s, BOOK, KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario typo: unknown instrument SIM-BTX");
    }
}
