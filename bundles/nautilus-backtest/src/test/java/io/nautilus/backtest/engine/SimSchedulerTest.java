package io.nautilus.backtest.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimSchedulerTest {

    @Test
    void runsActionsByTimeThenByTheOrderTheyWereScheduled() {
        SimScheduler s = new SimScheduler(100);
        List<String> ran = new ArrayList<>();
        s.at(300, () -> ran.add("c@" + s.now()));
        s.at(200, () -> ran.add("a@" + s.now()));
        s.at(200, () -> ran.add("b@" + s.now()));

        s.runUntil(250);

        assertThat(ran).containsExactly("a@200", "b@200");
        assertThat(s.now()).isEqualTo(250);
        assertThat(s.nextTime()).isEqualTo(300);
    }

    @Test
    void anActionInThePastRunsNowAndActionsScheduledWhileRunningRunIfDue() {
        SimScheduler s = new SimScheduler(100);
        List<String> ran = new ArrayList<>();
        s.at(50, () -> {
            ran.add("late@" + s.now());
            s.at(s.now() + 10, () -> ran.add("chained@" + s.now()));
        });

        s.runUntil(110);

        assertThat(ran).containsExactly("late@100", "chained@110");
    }

    @Test
    void aCanceledActionDoesNotRun() {
        SimScheduler s = new SimScheduler(0);
        List<String> ran = new ArrayList<>();
        long handle = s.at(10, () -> ran.add("x"));

        assertThat(s.cancel(handle)).isTrue();
        assertThat(s.cancel(handle)).isFalse();
        s.runUntil(20);

        assertThat(ran).isEmpty();
        assertThat(s.nextTime()).isEqualTo(Long.MAX_VALUE);
    }
}
