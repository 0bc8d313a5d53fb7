package io.nautilus.benchmarks.core;

import io.nautilus.api.Side;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.matching.ColumnarStream;
import io.nautilus.core.matching.MatchingEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The looped stream the allocation benchmarks run: every pass repeats the same work from an empty book. */
class CyclicFeedTest {

    @Test
    void everyPassEndsWithAnEmptyBookAndRepeatsTheSameTradesWithNewIds() {
        for (Mix mix : Mix.values()) {
            CyclicFeed feed = new CyclicFeed(mix.generate(3, 5_000));
            MatchingEngine engine = new MatchingEngine();
            Command c = new Command();
            for (int i = 0; i < feed.definitions(); i++) {
                feed.fillDefinition(i, c);
                engine.process(c);
            }
            long[] trades = new long[3];
            long rejected = 0;
            long lastPassMaxId = 0;

            for (int pass = 0; pass < trades.length; pass++) {
                long maxId = 0;
                for (int k = 0; k < feed.passLength(); k++) {
                    feed.next(c);
                    engine.process(c);
                    rejected += c.rejected() ? 1 : 0;
                    trades[pass] += c.events.hasTrades() ? 1 : 0;
                    if (c.op == Op.NEW) {
                        maxId = Math.max(maxId, c.orderId);
                        assertThat(c.orderId).as(mix.label()).isGreaterThan(lastPassMaxId);
                    }
                }
                lastPassMaxId = maxId;
                assertThat(engine.restingOrderCount(ColumnarStream.INSTRUMENT, Side.BUY)
                        + engine.restingOrderCount(ColumnarStream.INSTRUMENT, Side.SELL))
                        .as("%s: resting orders after pass %d", mix.label(), pass).isZero();
            }

            assertThat(rejected).as(mix.label()).isZero();
            assertThat(feed.passes()).as(mix.label()).isEqualTo(trades.length);
            assertThat(trades[1]).as(mix.label()).isEqualTo(trades[0]);
            assertThat(trades[2]).as(mix.label()).isEqualTo(trades[0]);
        }
    }
}
