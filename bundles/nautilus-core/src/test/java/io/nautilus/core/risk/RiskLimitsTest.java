package io.nautilus.core.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskLimitsTest {

    private static final String CANONICAL = """
            default.maxOrderQty=100
            default.maxDailyLoss=2500.5
            default.maxOrdersPerSecond=50
            account.alice.maxOrderQty=unlimited
            account.alice.maxLong=10
            account.alice.maxShort=5
            account.alice.maxGrossExposure=1000000
            account.desk.one.maxCancelsPerSecond=20
            instrument.BRK.B.maxOrderNotional=250000.25
            instrument.ES.maxOrderQty=20
            account.alice.instrument.ES.maxLong=3
            """;

    @Test
    void canonicalTextRoundTrips() {
        RiskLimits limits = RiskLimits.parse(CANONICAL);
        assertThat(limits.toText()).isEqualTo(CANONICAL);
        assertThat(RiskLimits.parse(limits.toText())).isEqualTo(limits);
        assertThat(RiskLimits.NONE.toText()).isEmpty();
        assertThat(RiskLimits.parse("")).isEqualTo(RiskLimits.NONE);
    }

    @Test
    void anyKeyOrderAndNumberFormParsesToTheSameCanonicalText() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("account.alice.instrument.ES.maxLong", 3);
        properties.put("instrument.ES.maxOrderQty", 20L);
        properties.put("instrument.BRK.B.maxOrderNotional", new BigDecimal("250000.250"));
        properties.put("account.desk.one.maxCancelsPerSecond", "20");
        properties.put("account.alice.maxGrossExposure", "1E+6");
        properties.put("account.alice.maxPosition", " 5 ");
        properties.put("account.alice.maxLong", "10.000");
        properties.put("account.alice.maxOrderQty", "UNLIMITED");
        properties.put("default.maxOrdersPerSecond", 50);
        properties.put("default.maxDailyLoss", "2500.50");
        properties.put("default.maxOrderQty", "100");
        properties.put("service.pid", "io.nautilus.risk");
        properties.put("felix.fileinstall.filename", "file:/etc/io.nautilus.risk.cfg");
        assertThat(RiskLimits.parse(properties).toText()).isEqualTo(CANONICAL);
    }

    @Test
    void entriesListEveryConfiguredLimitWithItsScope() {
        assertThat(RiskLimits.parse(CANONICAL).entries()).startsWith(
                new RiskLimits.Entry("default", "maxOrderQty", new BigDecimal("100")),
                new RiskLimits.Entry("default", "maxDailyLoss", new BigDecimal("2500.5")))
                .contains(new RiskLimits.Entry("account alice", "maxOrderQty", null))
                .endsWith(new RiskLimits.Entry("account alice instrument ES", "maxLong", new BigDecimal("3")))
                .hasSize(11);
    }

    @Test
    void cfgStyleTextWithCommentsParses() {
        RiskLimits limits = RiskLimits.parse("# limits\n\n  default.maxOrderQty = 7 \r\n! other comment\n");
        assertThat(limits.value("default.maxOrderQty")).isEqualTo("7");
        assertThat(limits.value("default.maxLong")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "default.maxOrderQty=-1                   | default.maxOrderQty=-1",
            "default.maxOrderQty=abc                  | default.maxOrderQty=abc",
            "default.maxOrderQty=                     | default.maxOrderQty=",
            "default.maxOrderQtx=1                    | maxOrderQtx",
            "defaults.maxOrderQty=1                   | defaults",
            "maxOrderQty=1                            | maxOrderQty=1",
            "account..maxLong=1                       | account.",
            "instrument.ES.maxDailyLoss=5             | instrument.ES.maxDailyLoss=5",
            "account.a.instrument.ES.maxOrdersPerSecond=5 | per account only",
            "default.maxOrdersPerSecond=1.5           | default.maxOrdersPerSecond=1.5",
            "default.maxOrdersPerSecond=1000001       | 1000001",
            "default.maxLong=0.0000000000000000001    | more than 18 decimals",
            "default.maxLong=99999999999999999999     | too large",
            "default.maxLong=NaN                      | NaN",
    })
    void badConfigurationNamesTheKeyAndValue(String text, String expected) {
        assertThatThrownBy(() -> RiskLimits.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected.strip());
    }

    @Test
    void repeatedKeysAndLinesWithoutEqualsAreRefused() {
        assertThatThrownBy(() -> RiskLimits.parse("default.maxLong=1\ndefault.maxLong=2"))
                .hasMessageContaining("default.maxLong");
        assertThatThrownBy(() -> RiskLimits.parse("default.maxLong")).hasMessageContaining("default.maxLong");
        assertThatThrownBy(() -> RiskLimits.parse(Map.of("default.maxLong", true)))
                .hasMessageContaining("default.maxLong=true");
    }

    @Test
    void explicitLongAndShortWinOverTheMaxPositionShorthand() {
        RiskLimits limits = RiskLimits.parse("default.maxPosition=5\ndefault.maxShort=2");
        assertThat(limits.toText()).isEqualTo("default.maxLong=5\ndefault.maxShort=2\n");
    }

    @Test
    void effectiveValuesFollowTheScopeRules() {
        ResolvedRiskLimits limits = RiskLimits.parse(CANONICAL)
                .resolve(Map.of("alice", 0, "bob", 1, "desk.one", 2)::get, Map.of("ES", 0, "BRK.B", 1)::get);
        // alice: own maxOrderQty is unlimited, but ES caps at 20
        assertThat(limits.effective(Limit.MAX_ORDER_QTY, 0, 0, 0)).isEqualTo(20);
        assertThat(limits.effective(Limit.MAX_ORDER_QTY, 0, 1, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.effective(Limit.MAX_ORDER_QTY, 1, 1, 2)).isEqualTo(10_000);   // default at scale 2
        assertThat(limits.effective(Limit.MAX_LONG, 0, 0, 0)).isEqualTo(3);             // pair
        assertThat(limits.effective(Limit.MAX_LONG, 0, 1, 0)).isEqualTo(10);            // account
        assertThat(limits.effective(Limit.MAX_LONG, 1, 0, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.effective(Limit.MAX_DAILY_LOSS, 1, 0, 0)).isEqualTo(2500);    // rounded down
        assertThat(limits.effective(Limit.MAX_DAILY_LOSS, 1, 0, 2)).isEqualTo(250_050);
        assertThat(limits.effective(Limit.MAX_ORDER_NOTIONAL, 1, 1, 1)).isEqualTo(2_500_002);
        assertThat(limits.rate(2, Limit.MAX_CANCELS_PER_SECOND)).isEqualTo(20);
        assertThat(limits.rate(0, Limit.MAX_CANCELS_PER_SECOND)).isEqualTo(-1);
        assertThat(limits.rate(0, Limit.MAX_ORDERS_PER_SECOND)).isEqualTo(50);
    }

    @Test
    void namesTheRegistriesDoNotKnowAreListedAndIgnored() {
        ResolvedRiskLimits limits = RiskLimits.parse(CANONICAL)
                .resolve(name -> name.equals("alice") ? 0 : -1, symbol -> -1);
        assertThat(limits.unresolved()).containsExactly("account desk.one", "instrument BRK.B", "instrument ES");
        assertThat(limits.accountIds()).containsOnlyKeys("alice");
        assertThat(limits.effective(Limit.MAX_LONG, 0, 0, 0)).isEqualTo(10);
    }

    @Test
    void twoNamesOnOneIdAreRefused() {
        assertThatThrownBy(() -> RiskLimits.parse("account.a.maxLong=1\naccount.b.maxLong=2")
                .resolve(name -> 4, symbol -> -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' and 'b'");
    }

    @Test
    void leverageAndConcentrationParseAsRatiosPerAccount() {
        RiskLimits limits = RiskLimits.parse(Map.of("default.maxLeverage", "5", "account.alice.maxLeverage", "2.5",
                "default.maxConcentration", "0.40", "default.minConcentrationExposure", "100000.00"));
        assertThat(limits.toText()).isEqualTo("""
                default.maxLeverage=5
                default.maxConcentration=0.4
                default.minConcentrationExposure=100000
                account.alice.maxLeverage=2.5
                """);
        ResolvedRiskLimits resolved = limits.resolve(name -> name.equals("alice") ? 0 : -1, symbol -> -1);
        assertThat(resolved.effective(Limit.MAX_LEVERAGE, 0, 0, Limit.RATIO_SCALE)).isEqualTo(25_000);
        assertThat(resolved.effective(Limit.MAX_LEVERAGE, 1, 0, Limit.RATIO_SCALE)).isEqualTo(50_000);
        assertThat(resolved.effective(Limit.MAX_CONCENTRATION, 1, 0, Limit.RATIO_SCALE)).isEqualTo(4_000);
    }

    @Test
    void leverageAndConcentrationAreRefusedOutsideTheirRanges() {
        assertThatThrownBy(() -> RiskLimits.parse(Map.of("instrument.ES.maxLeverage", "2")))
                .hasMessageContaining("instrument.ES.maxLeverage=2").hasMessageContaining("per account only");
        assertThatThrownBy(() -> RiskLimits.parse(Map.of("default.maxConcentration", "1.5",
                "default.minConcentrationExposure", "0")))
                .hasMessageContaining("default.maxConcentration=1.5").hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> RiskLimits.parse(Map.of("default.maxLeverage", "-1")))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aConcentrationLimitNeedsAMinimumExposure() {
        assertThatThrownBy(() -> RiskLimits.parse(Map.of("account.alice.maxConcentration", "0.5")))
                .hasMessageContaining("account.alice.maxConcentration needs")
                .hasMessageContaining("minConcentrationExposure");
        assertThatThrownBy(() -> RiskLimits.parse(Map.of("default.maxConcentration", "0.5",
                "account.alice.minConcentrationExposure", "1000")))
                .hasMessageContaining("default.maxConcentration needs");
        assertThat(RiskLimits.parse(Map.of("default.maxConcentration", "0.5",
                "default.minConcentrationExposure", "unlimited")).entries()).hasSize(2);
        assertThat(RiskLimits.parse(Map.of("default.maxConcentration", "0.5",
                "default.minConcentrationExposure", "1000", "account.bob.maxConcentration", "unlimited"))
                .entries()).hasSize(3);
    }

    @Test
    void anEmptyConfigurationFileIsAnErrorNotNoLimits() {
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of()))
                .hasMessageContaining("has no limits (empty or truncated file?)")
                .hasMessageContaining("limits.none = true");
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of("service.pid", "io.nautilus.core.risk",
                "felix.fileinstall.filename", "file:/opt/nautilus/etc/io.nautilus.core.risk.cfg")))
                .hasMessageContaining("the limits in force stay");
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of("limits.none", "false")))
                .hasMessageContaining("has no limits");
    }

    @Test
    void limitsNoneTrueAloneRemovesEveryLimit() {
        assertThat(RiskLimits.parseConfiguration(Map.of("limits.none", " TRUE ", "service.pid", "x")))
                .isEqualTo(RiskLimits.NONE);
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of("limits.none", "true",
                "default.maxOrderQty", "5")))
                .hasMessageContaining("limits.none=true but the file also sets limits (default.maxOrderQty");
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of("limits.none", "yes")))
                .hasMessageContaining("invalid risk limit limits.none=yes: must be true or false");
        assertThat(RiskLimits.parseConfiguration(Map.of("limits.none", "false", "default.maxOrderQty", "5")))
                .isEqualTo(RiskLimits.parse("default.maxOrderQty=5"));
    }

    @Test
    void aGarbledConfigurationNamesTheFirstBadKey() {
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of("default.maxLeverage", "abc",
                "default.maxOrderQty", "5")))
                .hasMessage("invalid risk limit default.maxLeverage=abc: not a number (or 'unlimited')");
        assertThatThrownBy(() -> RiskLimits.parseConfiguration(Map.of("\u0000\u0013garbage", "")))
                .hasMessageContaining("invalid risk limit");
    }
}
