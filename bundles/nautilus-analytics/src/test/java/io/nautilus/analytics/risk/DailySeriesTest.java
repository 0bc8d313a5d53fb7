package io.nautilus.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.analytics.api.risk.EquityPoint;
import io.nautilus.analytics.api.risk.Exposure;
import io.nautilus.analytics.api.risk.ExposureReport;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Daily closes from 1-minute bars, daily equity from position snapshots, exposures. */
class DailySeriesTest {

    private static final InstrumentId X = InstrumentId.of("SIM-BTC");
    private static final long MINUTE = 60_000_000_000L;

    private static Bar minuteBar(String start, long close) {
        long s = Instant.parse(start).getEpochSecond() * 1_000_000_000L;
        return new Bar(X, s, s + MINUTE, close, close, close, close, 1, 1);
    }

    @Test
    void theDailyCloseIsTheCloseOfTheDaysLastBar() {
        var closes = DailyCloses.of(List.of(
                minuteBar("2026-12-04T23:59:00Z", 10_050),
                minuteBar("2026-12-04T10:00:00Z", 10_000),
                minuteBar("2026-12-05T00:00:00Z", 10_100),
                minuteBar("2026-12-05T12:00:00Z", 10_200)), 2);
        assertThat(closes).containsExactly(Map.entry(LocalDate.of(2026, 12, 4), 100.50),
                Map.entry(LocalDate.of(2026, 12, 5), 102.00));
    }

    @Test
    void dailyEquityIsCapitalPlusTheLatestNetPnlOfEachInstrument() {
        Instant d1 = Instant.parse("2026-12-04T10:00:00Z");
        Instant d2 = Instant.parse("2026-12-05T10:00:00Z");
        var capital = new TreeMap<Instant, BigDecimal>(Map.of(Instant.parse("2026-12-01T00:00:00Z"),
                new BigDecimal("100000.00")));
        List<EquityPoint> points = DailyEquity.of(List.of(
                new DailyEquity.Sample(d2, "B", new BigDecimal("-20.00")),
                new DailyEquity.Sample(d1, "A", new BigDecimal("50.00")),
                new DailyEquity.Sample(d1.plusSeconds(3600), "A", new BigDecimal("70.00")),
                new DailyEquity.Sample(d1, "B", new BigDecimal("5.00"))), capital);
        // day 1: A's last 70 + B 5; day 2: A kept at 70, B -20
        assertThat(points).containsExactly(
                new EquityPoint(LocalDate.of(2026, 12, 4), new BigDecimal("100075.00")),
                new EquityPoint(LocalDate.of(2026, 12, 5), new BigDecimal("100050.00")));
    }

    @Test
    void aCapitalChangeAppliesFromTheDayItWasMade() {
        var capital = new TreeMap<Instant, BigDecimal>(Map.of(
                Instant.parse("2026-12-05T08:00:00Z"), new BigDecimal("200"),
                Instant.parse("2026-12-03T00:00:00Z"), new BigDecimal("100")));
        List<EquityPoint> points = DailyEquity.of(List.of(
                new DailyEquity.Sample(Instant.parse("2026-12-04T10:00:00Z"), "A", BigDecimal.ONE),
                new DailyEquity.Sample(Instant.parse("2026-12-05T07:00:00Z"), "A", BigDecimal.ONE)), capital);
        assertThat(points).extracting(EquityPoint::equity).containsExactly(new BigDecimal("101"),
                new BigDecimal("201"));
    }

    @Test
    void noCapitalIsRefused() {
        assertThatThrownBy(() -> DailyEquity.of(List.of(), new TreeMap<>()))
                .hasMessage("no capital is defined for the account");
    }

    @Test
    void exposuresAreGrossAndNetPerInstrumentAccountAndCurrency() {
        ExposureReport r = Exposures.of(List.of(
                new Holding("ACC-1", "SIM-BTC", "USD", new BigDecimal("2"), new BigDecimal("30000.00"), 2),
                new Holding("ACC-1", "SIM-ETH", "USD", new BigDecimal("-10"), new BigDecimal("2000.00"), 2),
                new Holding("ACC-2", "SIM-BTC", "USD", new BigDecimal("0.5"), new BigDecimal("30000.00"), 2),
                new Holding("ACC-2", "EURUSD", "EUR", new BigDecimal("-1000"), new BigDecimal("1.08000"), 5)),
                List.of("ACC-3 SIM-SOL"));
        assertThat(r.byInstrument()).containsExactly(
                new Exposure("EURUSD", "EUR", new BigDecimal("1080.00000"), new BigDecimal("-1080.00000"), 1),
                new Exposure("SIM-BTC", "USD", new BigDecimal("75000.00"), new BigDecimal("75000.00"), 2),
                new Exposure("SIM-ETH", "USD", new BigDecimal("20000.00"), new BigDecimal("-20000.00"), 1));
        assertThat(r.byAccount()).containsExactly(
                new Exposure("ACC-1", "USD", new BigDecimal("80000.00"), new BigDecimal("40000.00"), 2),
                new Exposure("ACC-2", "EUR", new BigDecimal("1080.00000"), new BigDecimal("-1080.00000"), 1),
                new Exposure("ACC-2", "USD", new BigDecimal("15000.00"), new BigDecimal("15000.00"), 1));
        assertThat(r.byCurrency()).containsExactly(
                new Exposure("EUR", "EUR", new BigDecimal("1080.00000"), new BigDecimal("-1080.00000"), 1),
                new Exposure("USD", "USD", new BigDecimal("95000.00"), new BigDecimal("55000.00"), 3));
        assertThat(r.unmarked()).containsExactly("ACC-3 SIM-SOL");
    }
}
