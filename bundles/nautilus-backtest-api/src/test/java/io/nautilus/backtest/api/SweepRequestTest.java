package io.nautilus.backtest.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepRequestTest {

    static SweepRequest parse(String... options) {
        List<String> args = new ArrayList<>(List.of("--data", "d.csv", "--strategy", "smacross"));
        args.addAll(List.of(options));
        return SweepRequest.parse(args);
    }

    static List<String> values(SweepRequest r, int dimension) {
        return r.dimensions().get(dimension).values();
    }

    @Test
    void aRangeIsInclusiveAndDecimalStepsAreExact() {
        assertThat(values(parse("--sweep", "fast=3..6:1"), 0)).containsExactly("3", "4", "5", "6");
        assertThat(values(parse("--sweep", "x=0.1..0.3:0.1"), 0)).containsExactly("0.1", "0.2", "0.3");
        assertThat(values(parse("--sweep=x=-1..1:0.5"), 0)).containsExactly("-1", "-0.5", "0", "0.5", "1");
        assertThat(values(parse("--sweep", "x=1..2:0.7"), 0)).containsExactly("1", "1.7");
        assertThat(values(parse("--sweep", "x=5..5:1"), 0)).containsExactly("5");
    }

    @Test
    void aListKeepsItsOrderAndTheBacktestOptionsAreKeptApart() {
        SweepRequest r = parse("--sweep", "slow=20,10", "--param", "quantity=10", "--workers", "3", "--out", "o");

        assertThat(values(r, 0)).containsExactly("20", "10");
        assertThat(r.workers()).isEqualTo(3);
        assertThat(r.baseArgs()).containsExactly("--data", "d.csv", "--strategy", "smacross", "--param",
                "quantity=10", "--out", "o");
        assertThat(r.backtest().parameters()).containsExactly(Map.entry("quantity", "10"));
        assertThat(r.objective()).isEqualTo("sharpe");
        assertThat(r.workers()).isPositive();
    }

    @Test
    void repeatedSweepsGiveTheCartesianProductWithTheLastVaryingFastest() {
        SweepRequest r = parse("--sweep", "fast=3..4:1", "--sweep", "slow=10,20,30");

        assertThat(r.size()).isEqualTo(6);
        assertThat(r.combinations()).containsExactly(
                Map.of("fast", "3", "slow", "10"), Map.of("fast", "3", "slow", "20"), Map.of("fast", "3", "slow", "30"),
                Map.of("fast", "4", "slow", "10"), Map.of("fast", "4", "slow", "20"), Map.of("fast", "4", "slow", "30"));
        assertThat(List.copyOf(r.combinations().get(0).keySet())).containsExactly("fast", "slow");
    }

    @Test
    void randomDrawsDistinctCombinationsDeterminedByTheSeed() {
        List<Map<String, String>> a = parse("--sweep", "a=1..10:1", "--sweep", "b=1..10:1", "--random", "7",
                "--seed", "42").combinations();
        List<Map<String, String>> b = parse("--sweep", "a=1..10:1", "--sweep", "b=1..10:1", "--random", "7",
                "--seed", "42").combinations();
        List<Map<String, String>> c = parse("--sweep", "a=1..10:1", "--sweep", "b=1..10:1", "--random", "7",
                "--seed", "43").combinations();

        assertThat(a).hasSize(7).isEqualTo(b).isNotEqualTo(c);
        assertThat(new HashSet<>(a)).hasSize(7);
        List<Map<String, String>> all = parse("--sweep", "a=1..10:1", "--sweep", "b=1..10:1").combinations();
        assertThat(all).containsAll(a);
        assertThat(a).isSortedAccordingTo((x, y) -> Integer.compare(all.indexOf(x), all.indexOf(y)));
        assertThat(parse("--sweep", "a=1,2", "--random", "5").combinations()).hasSize(2);
    }

    @Test
    void theObjectiveAndConstraintsParse() {
        SweepRequest r = parse("--sweep", "a=1,2", "--objective", "-maxDrawdown", "--constraint", "maxDrawdown>-0.2",
                "--constraint=trades >= 3");

        assertThat(r.minimise()).isTrue();
        assertThat(r.objectiveFigure()).isEqualTo("maxDrawdown");
        assertThat(r.constraints()).extracting(Object::toString).containsExactly("maxDrawdown>-0.2", "trades>=3");
        SweepRequest.Constraint c = r.constraints().get(0);
        assertThat(c.test(-0.1)).isTrue();
        assertThat(c.test(-0.2)).isFalse();
        assertThat(c.test(null)).isFalse();
        assertThat(new SweepRequest.Constraint("x", SweepRequest.Operator.EQ, new BigDecimal("0.5")).test(0.5))
                .isTrue();
        assertThat(new SweepRequest.Constraint("x", SweepRequest.Operator.LE, BigDecimal.ONE).test(1.5)).isFalse();
        assertThat(new SweepRequest.Constraint("x", SweepRequest.Operator.LT, BigDecimal.ONE).test(0.5)).isTrue();
    }

    @Test
    void badInputIsOneClearError() {
        assertThatThrownBy(() -> parse("--sweep", "fast=")).hasMessageContaining("0 combinations");
        assertThatThrownBy(() -> parse("--random", "3")).hasMessageContaining("--sweep: give at least one");
        assertThatThrownBy(() -> parse("--sweep", "fast=3..6:0")).hasMessageContaining("must be greater than 0");
        assertThatThrownBy(() -> parse("--sweep", "fast=3..6:-1")).hasMessageContaining("must be greater than 0");
        assertThatThrownBy(() -> parse("--sweep", "fast=6..3:1")).hasMessageContaining("from 6 is greater than to 3");
        assertThatThrownBy(() -> parse("--sweep", "fast=3..6")).hasMessageContaining("expected fast=from..to:step");
        assertThatThrownBy(() -> parse("--sweep", "fast=a..6:1")).hasMessageContaining("'a' is not a number");
        assertThatThrownBy(() -> parse("--sweep", "fast=1,,2")).hasMessageContaining("an empty value");
        assertThatThrownBy(() -> parse("--sweep", "fast=1,1")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--sweep", "fast=2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--param", "fast=2")).hasMessageContaining("--param");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--objective", "profit"))
                .hasMessageStartingWith("--objective profit: unknown; choose one of totalReturn, cagr,")
                .hasMessageContaining("sharpe").hasMessageContaining("-maxDrawdown");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--constraint", "maxDrawdown~1"))
                .hasMessageContaining("expected FIGURE OP VALUE");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--constraint", "foo>1"))
                .hasMessageContaining("unknown figure 'foo'");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--workers", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--random", "x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("--sweep", "a=1..1000:1", "--sweep", "b=1..1000:1", "--sweep", "c=1..2:1"))
                .hasMessageContaining("more than 1000000 combinations");
        assertThatThrownBy(() -> parse("--sweep", "fast=1", "--bogus", "1")).hasMessage("unknown option --bogus");
    }

    @Test
    void onlySweepOptionsMakeASweep() {
        assertThat(SweepRequest.isSweep(List.of("--data", "d", "--strategy", "s"))).isFalse();
        assertThat(SweepRequest.isSweep(List.of("--data", "d", "--sweep=a=1"))).isTrue();
        assertThat(SweepRequest.isSweep(List.of("--workers", "2"))).isTrue();
    }
}
