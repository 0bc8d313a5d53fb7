package io.nautilus.core.journal;

import io.nautilus.core.Command;
import io.nautilus.core.Snapshotable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    static Accumulator after(long n) {
        Accumulator acc = new Accumulator();
        Command c = new Command();
        for (long i = 1; i <= n; i++) {
            c.clear();
            Commands.fill(c, i);
            c.seq = i;
            Recovery.process(acc, c);
        }
        return acc;
    }

    /** A second part with its own state, to check parts stay apart. */
    static final class Counter implements Snapshotable {
        long value;

        @Override
        public void writeSnapshot(DataOutput out) throws IOException {
            out.writeLong(value);
            out.writeUTF("counter");
        }

        @Override
        public void readSnapshot(DataInput in) throws IOException {
            value = in.readLong();
            assertThat(in.readUTF()).isEqualTo("counter");
        }
    }

    @Test
    void aSnapshotRoundTripsEveryPart() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        Counter counter = new Counter();
        counter.value = 77;
        Path file = store.write(50, 123, List.of(after(50), counter));
        assertThat(file.getFileName().toString()).isEqualTo("snapshot-00000000000000000050.bin");
        Accumulator acc = new Accumulator();
        Counter loadedCounter = new Counter();
        SnapshotStore.Loaded loaded = store.load(List.of(acc, loadedCounter), line -> { });
        assertThat(loaded.seq()).isEqualTo(50);
        assertThat(loaded.timestamp()).isEqualTo(123);
        assertThat(acc.state()).isEqualTo(after(50).state());
        assertThat(loadedCounter.value).isEqualTo(77);
    }

    @Test
    void noSnapshotLoadsAsSeqZero() throws Exception {
        assertThat(new SnapshotStore(dir.resolve("missing"), 3).loadLatest(List.of(new Accumulator()))).isZero();
    }

    @Test
    void aLeftoverTemporaryFileIsIgnoredAndCleanedUpByTheNextWrite() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(50, 0, List.of(after(50)));
        Path temp = dir.resolve(SnapshotStore.fileName(60) + ".tmp");
        Files.write(temp, new byte[] {1, 2, 3});
        Accumulator acc = new Accumulator();
        List<String> reports = new ArrayList<>();
        assertThat(store.load(List.of(acc), reports::add).seq()).isEqualTo(50);
        assertThat(reports).isEmpty();
        assertThat(acc.state()).isEqualTo(after(50).state());
        store.write(70, 0, List.of(after(70)));
        assertThat(temp).doesNotExist();
    }

    @Test
    void aCorruptNewestSnapshotIsReportedAndTheOlderOneLoaded() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(50, 0, List.of(after(50)));
        Path newest = store.write(80, 0, List.of(after(80)));
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length - 3] ^= 1;
        Files.write(newest, bytes);
        Accumulator acc = new Accumulator();
        List<String> reports = new ArrayList<>();
        assertThat(store.load(List.of(acc), reports::add).seq()).isEqualTo(50);
        assertThat(reports).singleElement().satisfies(line -> assertThat(line).contains(newest.toString())
                .contains("CRC mismatch").contains("trying an older one"));
        assertThat(acc.state()).isEqualTo(after(50).state());
    }

    @Test
    void aTruncatedOrForeignSnapshotIsSkipped() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(10, 0, List.of(after(10)));
        Path truncated = store.write(20, 0, List.of(after(20)));
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(truncated), 40));
        Files.write(dir.resolve(SnapshotStore.fileName(30)), new byte[] {1, 2});
        Accumulator acc = new Accumulator();
        List<String> reports = new ArrayList<>();
        assertThat(store.load(List.of(acc), reports::add).seq()).isEqualTo(10);
        assertThat(reports).hasSize(2);
    }

    @Test
    void partsOfAnotherShapeAreRejectedBeforeAnyPartIsTouched() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(10, 0, List.of(after(10)));
        Counter counter = new Counter();
        List<String> reports = new ArrayList<>();
        assertThat(store.load(List.of(counter), reports::add).seq()).isZero();
        assertThat(reports.get(0)).contains("is '" + Accumulator.class.getName() + "' where '"
                + Counter.class.getName() + "' is expected");
        assertThat(store.load(List.of(new Accumulator(), counter), reports::add).seq()).isZero();
        assertThat(reports.get(1)).contains("1 parts where 2 are expected");
    }

    @Test
    void aPartThatFailsToReadFallsBackAndFailsLoudlyIfNothingLoads() throws Exception {
        Snapshotable broken = new Snapshotable() {
            @Override
            public void writeSnapshot(DataOutput out) {
            }

            @Override
            public void readSnapshot(DataInput in) throws IOException {
                throw new IOException("bug");
            }
        };
        SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(10, 0, List.of(broken));
        store.write(20, 0, List.of(broken));
        List<String> reports = new ArrayList<>();
        assertThatThrownBy(() -> store.load(List.of(broken), reports::add)).isInstanceOf(IOException.class)
                .hasMessageContaining("partly loaded");
        assertThat(reports).hasSize(2).allSatisfy(line -> assertThat(line).contains("could not be loaded")
                .contains("bug"));
    }

    @Test
    void onlyTheNewestSnapshotsAreKept() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        for (long seq = 10; seq <= 50; seq += 10) {
            store.write(seq, 0, List.of(after(seq)));
        }
        assertThat(store.seqs()).containsExactly(30L, 40L, 50L);
    }

    @Test
    void segmentsWhollyBeforeASeqAreDeletedButNeverTheLast() throws Exception {
        JournalRoundTripTest.write(dir, 1, 200, new JournalWriter.Options(FsyncPolicy.NONE, 10, 2048, 256 << 10));
        List<JournalSegments.Segment> segments = JournalSegments.list(dir);
        long third = segments.get(2).firstSeq();
        assertThat(JournalSegments.deleteWhollyBefore(dir, third - 1)).isEqualTo(2);
        assertThat(JournalSegments.list(dir).get(0).firstSeq()).isEqualTo(third);
        assertThat(JournalSegments.deleteWhollyBefore(dir, 10_000)).isEqualTo(segments.size() - 3);
        assertThat(JournalSegments.list(dir)).hasSize(1);
    }

    @Test
    void recoveryFromASnapshotAndTheJournalAfterItEqualsAFullReplay() throws Exception {
        JournalRoundTripTest.write(dir, 1, 200, JournalRoundTripTest.NONE);
        new SnapshotStore(dir, 3).write(120, 0, List.of(after(120)));
        Accumulator acc = new Accumulator();
        Recovery.Result result = Recovery.run(dir, List.of(acc), acc, line -> { });
        assertThat(result.snapshotSeq()).isEqualTo(120);
        assertThat(result.replayed()).isEqualTo(80);
        assertThat(result.lastSeq()).isEqualTo(200);
        assertThat(acc.state()).isEqualTo(after(200).state());
    }

    @Test
    void aVersion1SnapshotLoadsItsPartsAndLeavesTheLaterOnesAsTheyAre() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        Path file = store.write(50, 123, List.of(after(50)));
        byte[] data = Files.readAllBytes(file);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(data);
        header.putInt(4, 1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(data, 0, 28);
        header.putInt(28, (int) crc.getValue());
        Files.write(file, data);
        Accumulator acc = new Accumulator();
        Counter counter = new Counter();
        counter.value = 5;
        List<String> report = new ArrayList<>();

        SnapshotStore.Loaded loaded = store.load(List.of(acc, counter), report::add);

        assertThat(loaded.seq()).isEqualTo(50);
        assertThat(acc.state()).isEqualTo(after(50).state());
        assertThat(counter.value).as("a part the version 1 file lacks keeps its state").isEqualTo(5);
        assertThat(report).singleElement().asString().contains("format version 1", Counter.class.getName());
    }

    @Test
    void aVersion2SnapshotWithoutEveryPartIsInvalid() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(50, 123, List.of(after(50)));
        List<String> report = new ArrayList<>();

        assertThat(store.load(List.of(new Accumulator(), new Counter()), report::add).seq()).isZero();
        assertThat(report).singleElement().asString().contains("1 parts where 2 are expected");
    }

    @Test
    void pruningKeepsTheNewestSnapshotAtOrBeforeTheLowestHold() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 1);
        long[] held = {15};
        store.keepForHolds(() -> held[0]);
        for (long seq : new long[] {10, 20, 30}) {
            store.write(seq, seq, List.of(after(seq)));
        }
        assertThat(store.seqs()).containsExactly(10L, 30L);

        held[0] = Long.MAX_VALUE;
        store.write(40, 40, List.of(after(40)));

        assertThat(store.seqs()).containsExactly(40L);
        assertThat(SnapshotStore.heldSnapshot(List.of(10L, 30L), 5)).as("no snapshot before the hold").isZero();
        assertThat(SnapshotStore.heldSnapshot(List.of(10L, 30L), Long.MAX_VALUE)).isEqualTo(-1);
    }
}
