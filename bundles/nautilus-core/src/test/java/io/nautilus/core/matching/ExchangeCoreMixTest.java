package io.nautilus.core.matching;

import io.nautilus.core.Command;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExchangeCoreMixTest {

    private static final int COMMANDS = 100_000;

    @Test
    void sameSeedGivesTheSameStream() {
        ExchangeCoreMix a = ExchangeCoreMix.generate(42, 5_000);
        ExchangeCoreMix b = ExchangeCoreMix.generate(42, 5_000);
        Command x = new Command();
        Command y = new Command();

        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            a.fill(i, x);
            b.fill(i, y);
            assertThat(x.toString()).isEqualTo(y.toString());
        }
    }

    /** Digests taken before the mixes moved onto {@link ColumnarStream}; a change here changes every benchmark. */
    @Test
    void streamStaysTheSameCommandForCommand() {
        assertThat(ExchangeCoreMix.generate(1, 2_000).digest())
                .isEqualTo("accb385b02b9ce208054c34ad492f033cb1cac02be50072cb58211e1cc577690");
        assertThat(ExchangeCoreMix.generate(7, 2_000).digest())
                .isEqualTo("85e1248a333377aa7341ba72128775e307a1cb7cdb5f4d39ea06deeb1f9dddfd");
    }

    @Test
    void streamHasTheExchangeCoreShape() {
        ExchangeCoreMix mix = ExchangeCoreMix.generate(1, COMMANDS);

        assertThat(mix.rejected()).as(mix.describe()).isZero();
        assertThat(mix.tradingFraction()).as(mix.describe()).isCloseTo(0.02, within(0.006));
        assertThat(mix.averageRestingOrders()).as(mix.describe()).isCloseTo(1_000, within(150.0));
        assertThat(mix.averageLevels()).as(mix.describe()).isBetween(180.0, 320.0);
    }

    @Test
    void replayingTheStreamAllocatesNothingOnceWarm() {
        ExchangeCoreMix mix = ExchangeCoreMix.generate(3, COMMANDS);
        MatchingEngine engine = new MatchingEngine();
        Command slot = new Command();
        replay(mix, engine, slot);
        replay(mix, engine, slot);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(thread);
        replay(mix, engine, slot);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated replaying %d commands", mix.size()).isLessThan(64 * 1024);
    }

    private static void replay(ExchangeCoreMix mix, MatchingEngine engine, Command slot) {
        engine.reset();
        for (int i = 0; i < mix.size(); i++) {
            mix.fill(i, slot);
            engine.process(slot);
        }
    }
}
