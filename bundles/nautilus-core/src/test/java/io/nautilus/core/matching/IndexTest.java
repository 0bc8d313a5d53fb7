package io.nautilus.core.matching;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IndexTest {

    @Test
    void orderIndexAgreesWithAHashMapThroughGrowthAndDeletes() {
        SplittableRandom random = new SplittableRandom(11);
        OrderIndex index = new OrderIndex(16);
        Map<Long, Order> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long id = 1 + random.nextInt(step < 100_000 ? 3_000 : 300);
            if (random.nextInt(3) > 0 && !expected.containsKey(id)) {
                Order o = new Order();
                o.id = id;
                index.put(o);
                expected.put(id, o);
            } else {
                index.remove(id);
                expected.remove(id);
            }
            long probe = 1 + random.nextInt(3_000);
            assertThat(index.get(probe)).as("step %d id %d", step, probe).isSameAs(expected.get(probe));
            assertThat(index.size()).isEqualTo(expected.size());
        }
        long[] ids = index.ids(new long[0]);
        Arrays.sort(ids, 0, index.size());
        assertThat(Arrays.copyOf(ids, index.size()))
                .containsExactly(expected.keySet().stream().sorted().mapToLong(Long::longValue).toArray());
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(expected.keySet().iterator().next())).isNull();
    }

    @Test
    void levelIndexAgreesWithAHashMapThroughGrowthAndDeletes() {
        SplittableRandom random = new SplittableRandom(12);
        LevelIndex index = new LevelIndex(16);
        Map<Long, Level> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long price = 100_000 + random.nextInt(step < 100_000 ? 2_000 : 100) * 5L;
            if (random.nextBoolean() && !expected.containsKey(price)) {
                Level l = new Level();
                l.price = price;
                index.put(l);
                expected.put(price, l);
            } else {
                index.remove(price);
                expected.remove(price);
            }
            long probe = 100_000 + random.nextInt(2_000) * 5L;
            assertThat(index.get(probe)).as("step %d price %d", step, probe).isSameAs(expected.get(probe));
        }
    }
}
