package io.nautilus.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nautilus.analytics.api.risk.VarEstimate;
import io.nautilus.analytics.api.risk.VarMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** VaR of the book per account and in total, from daily closes; not enough history; no history. */
class VarCalculatorTest {

    private static final LocalDate D0 = LocalDate.of(2026, 1, 1);

    /** Closes 100, then each day's return from the list. */
    private static NavigableMap<LocalDate, Double> closes(double... returns) {
        NavigableMap<LocalDate, Double> closes = new TreeMap<>();
        double price = 100;
        closes.put(D0, price);
        for (int t = 0; t < returns.length; t++) {
            price *= 1 + returns[t];
            closes.put(D0.plusDays(t + 1), price);
        }
        return closes;
    }

    private static Holding holding(String account, String instrument, String quantity, String mark) {
        return new Holding(account, instrument, "USD", new BigDecimal(quantity), new BigDecimal(mark), 2);
    }

    private static final double[] TEN = {-0.05, -0.03, -0.01, 0.00, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06};

    @Test
    void historicalVarPerAccountAndTotal() {
        // ACC-1 holds 1000.00 of X, ACC-2 3000.00: VaR95 -41 and -123 (see PortfolioVarTest), together -164
        Map<String, NavigableMap<LocalDate, Double>> history = Map.of("X", closes(TEN));
        List<VarEstimate> estimates = new VarCalculator(250, 5).estimate(
                List.of(holding("ACC-1", "X", "10", "100"), holding("ACC-2", "X", "30", "100")), history::get);
        assertThat(estimates).hasSize(12);
        assertThat(estimates).filteredOn(e -> e.method() == VarMethod.HISTORICAL && e.confidence() == 0.95)
                .extracting(VarEstimate::account, VarEstimate::var, VarEstimate::cvar, VarEstimate::observations)
                .containsExactly(
                        tuple("ACC-1", new BigDecimal("-41.00"), new BigDecimal("-50.00"), 10),
                        tuple("ACC-2", new BigDecimal("-123.00"), new BigDecimal("-150.00"), 10),
                        tuple(null, new BigDecimal("-164.00"), new BigDecimal("-200.00"), 10));
    }

    @Test
    void theLookbackKeepsTheMostRecentReturns() {
        // 5 old returns of -50 % then the ten: a lookback of 10 ignores them
        double[] all = new double[15];
        for (int t = 0; t < 5; t++) {
            all[t] = -0.5;
        }
        System.arraycopy(TEN, 0, all, 5, 10);
        Map<String, NavigableMap<LocalDate, Double>> history = Map.of("X", closes(all));
        VarEstimate e = new VarCalculator(10, 5).estimate(List.of(holding("A", "X", "10", "100")), history::get).get(0);
        assertThat(e.var()).isEqualByComparingTo("-41.00");
        assertThat(e.observations()).isEqualTo(10);
    }

    @Test
    void onlyDatesEveryInstrumentHasCount() {
        NavigableMap<LocalDate, Double> y = closes(TEN);
        y.remove(D0.plusDays(4));
        Map<String, NavigableMap<LocalDate, Double>> history = Map.of("X", closes(TEN), "Y", y);
        ReturnMatrix m = ReturnMatrix.of(new LinkedHashMap<>(history), 250);
        // Y has no close on day 4, so neither its day-4 return nor X's is kept; Y's day-5 return spans days 3..5
        assertThat(m.observations()).isEqualTo(9);
        assertThat(m.dates()).doesNotContain(D0.plusDays(4));
    }

    @Test
    void notEnoughHistoryIsAClearAnswer() {
        Map<String, NavigableMap<LocalDate, Double>> history = Map.of("X", closes(0.01, -0.01, 0.02));
        List<VarEstimate> estimates = new VarCalculator(250, 20)
                .estimate(List.of(holding("A", "X", "1", "100")), history::get);
        assertThat(estimates).allSatisfy(e -> {
            assertThat(e.available()).isFalse();
            assertThat(e.var()).isNull();
            assertThat(e.observations()).isEqualTo(3);
            assertThat(e.unavailable()).isEqualTo("not enough history: 3 daily returns common to X, 20 needed"
                    + " (var.min.observations)");
        });
    }

    @Test
    void noHistoryAtAllNamesTheInstrument() {
        Map<String, NavigableMap<LocalDate, Double>> history = Map.of("X", closes(TEN), "Y", new TreeMap<>());
        List<VarEstimate> estimates = new VarCalculator(250, 5)
                .estimate(List.of(holding("A", "X", "1", "100"), holding("A", "Y", "1", "100")), history::get);
        assertThat(estimates).allSatisfy(e -> assertThat(e.unavailable())
                .isEqualTo("not enough history: fewer than 2 daily closes of Y"));
    }

    @Test
    void noPositionsNoEstimates() {
        assertThat(new VarCalculator(250, 20).estimate(List.of(), id -> new TreeMap<>())).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new VarCalculator(0, 2)).hasMessageContaining("var.lookback.days 0");
        assertThatThrownBy(() -> new VarCalculator(10, 11)).hasMessageContaining("var.min.observations 11");
    }
}
