package io.nautilus.core.matching;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderIdSetTest {

    private static final int PAGE = OrderIdSet.PAGE_IDS;

    @Test
    void idsInSequenceCollapseIntoOneRangeWhateverTheirNumber() {
        OrderIdSet set = new OrderIdSet();
        for (long id = 1; id <= 1_000_000; id++) {
            set.add(id);
        }
        assertThat(set.ranges()).as("pages 1.. full, in one range").isEqualTo(1);
        assertThat(set.partialPages()).as("page 0 (no id 0) and the last page").isEqualTo(2);
        assertThat(set.contains(0)).isFalse();
        assertThat(set.contains(1)).isTrue();
        assertThat(set.contains(PAGE * 100L + 17)).isTrue();
        assertThat(set.contains(1_000_000)).isTrue();
        assertThat(set.contains(1_000_001)).isFalse();
    }

    @Test
    void agreesWithABitSetOnRandomIdsAndAfterASnapshot() throws IOException {
        OrderIdSet set = new OrderIdSet();
        BitSet reference = new BitSet();
        SplittableRandom random = new SplittableRandom(7);
        // three sources of ids in sequence (they fill pages) and scattered ids (they do not)
        long[] next = {1, 50L * PAGE, 200L * PAGE + 5};
        for (int k = 0; k < 400_000; k++) {
            long id = k % 10 == 9 ? random.nextLong(1, 300L * PAGE) : next[k % 3]++;
            set.add(id);
            reference.set((int) id);
        }
        assertThat(set.ranges()).isBetween(1, 6);
        OrderIdSet restored = roundTrip(set);
        for (int id = 0; id < 300 * PAGE; id++) {
            assertThat(set.contains(id)).as("id %d", id).isEqualTo(reference.get(id));
            assertThat(restored.contains(id)).as("restored id %d", id).isEqualTo(reference.get(id));
        }
        assertThat(restored.ranges()).isEqualTo(set.ranges());
        assertThat(bytes(restored)).isEqualTo(bytes(set));
    }

    @Test
    void rangesJoinFromBothSides() {
        OrderIdSet set = new OrderIdSet();
        fill(set, 3);
        fill(set, 5);
        assertThat(set.ranges()).isEqualTo(2);
        fill(set, 4);
        assertThat(set.ranges()).isEqualTo(1);
        fill(set, 2);
        fill(set, 6);
        assertThat(set.ranges()).isEqualTo(1);
        assertThat(set.partialPages()).isZero();
        assertThat(set.contains(2L * PAGE)).isTrue();
        assertThat(set.contains(7L * PAGE - 1)).isTrue();
        assertThat(set.contains(7L * PAGE)).isFalse();
        set.add(4L * PAGE + 9); // already in a range: nothing changes
        assertThat(set.partialPages()).isZero();
        set.clear();
        assertThat(set.contains(4L * PAGE)).isFalse();
        assertThat(set.ranges()).isZero();
    }

    @Test
    void aSnapshotWithoutFullPagesKeepsTheOldLayoutAndAnOldFullPageJoinsTheRanges() throws IOException {
        OrderIdSet partial = new OrderIdSet();
        partial.add(1);
        partial.add(PAGE * 3L + 2);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(2);
        writePage(out, 0, 1L << 1);
        writePage(out, 3, 1L << 2);
        assertThat(bytes(partial)).isEqualTo(expected.toByteArray());

        // an old snapshot with a full page (the layout had no ranges)
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        out = new DataOutputStream(old);
        out.writeInt(1);
        out.writeLong(9);
        for (int w = 0; w < PAGE / 64; w++) {
            out.writeLong(-1L);
        }
        OrderIdSet restored = new OrderIdSet();
        restored.read(new DataInputStream(new ByteArrayInputStream(old.toByteArray())));
        assertThat(restored.ranges()).isEqualTo(1);
        assertThat(restored.contains(9L * PAGE + 4000)).isTrue();
        assertThat(restored.contains(10L * PAGE)).isFalse();
    }

    @Test
    void corruptRangesAreRefused() {
        assertThatThrownBy(() -> read(OrderIdSet.WITH_RANGES, 1, 5L, 5L)).isInstanceOf(IOException.class)
                .hasMessageContaining("range 5..5");
        assertThatThrownBy(() -> read(OrderIdSet.WITH_RANGES, 2, 1L, 3L, 3L, 4L)).isInstanceOf(IOException.class)
                .hasMessageContaining("range 3..4");
        assertThatThrownBy(() -> read(OrderIdSet.WITH_RANGES, -1)).isInstanceOf(IOException.class);
    }

    private static void read(Object... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Object v : values) {
            if (v instanceof Integer i) {
                out.writeInt(i);
            } else {
                out.writeLong((Long) v);
            }
        }
        out.writeInt(0);
        new OrderIdSet().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static void writePage(DataOutputStream out, long key, long firstWord) throws IOException {
        out.writeLong(key);
        out.writeLong(firstWord);
        for (int w = 1; w < PAGE / 64; w++) {
            out.writeLong(0);
        }
    }

    private static void fill(OrderIdSet set, long page) {
        for (long id = page * PAGE; id < (page + 1) * PAGE; id++) {
            set.add(id);
        }
    }

    private static byte[] bytes(OrderIdSet set) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static OrderIdSet roundTrip(OrderIdSet set) throws IOException {
        OrderIdSet restored = new OrderIdSet();
        restored.read(new DataInputStream(new ByteArrayInputStream(bytes(set))));
        return restored;
    }
}
