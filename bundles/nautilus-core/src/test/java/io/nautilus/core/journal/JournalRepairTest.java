package io.nautilus.core.journal;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRepairTest {

    static final JournalWriter.Options NONE = JournalRoundTripTest.NONE;

    @TempDir
    Path tmp;

    /** Offsets of each record in a single-segment journal, plus the file end. */
    static List<Long> recordOffsets(Path segment) throws IOException {
        List<Long> offsets = new ArrayList<>();
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        int at = JournalFormat.SEGMENT_HEADER;
        while (at < data.limit()) {
            offsets.add((long) at);
            at += JournalFormat.RECORD_HEADER + data.getInt(at);
        }
        offsets.add((long) at);
        return offsets;
    }

    static Accumulator.State reference(long to) {
        Accumulator acc = new Accumulator();
        Command c = new Command();
        for (long i = 1; i <= to; i++) {
            c.clear();
            Commands.fill(c, i);
            c.seq = i;
            Recovery.process(acc, c);
        }
        return acc.state();
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    static void flip(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x5A;
        Files.write(file, bytes);
    }

    @Test
    void aTornTailAtEveryByteOfTheLastRecordIsReportedAndCutAndAppendsContinue() throws Exception {
        Path template = tmp.resolve("template");
        JournalRoundTripTest.write(template, 1, 9, NONE);
        Path segment = JournalSegments.list(template).get(0).path();
        List<Long> offsets = recordOffsets(segment);
        long lastStart = offsets.get(8);
        long end = offsets.get(9);
        assertThat(end).isEqualTo(Files.size(segment));
        assertThat(end - lastStart).as("last record carries text").isGreaterThan(100);
        Accumulator.State expected = reference(8);
        for (long cut = lastStart; cut < end; cut++) {
            Path dir = copy(template, tmp.resolve("cut-" + cut));
            Path file = dir.resolve(segment.getFileName());
            truncate(file, cut);
            List<String> reports = new ArrayList<>();
            Accumulator acc = new Accumulator();
            Recovery.Result result = Recovery.run(dir, List.of(acc), acc, reports::add);
            assertThat(result.lastSeq()).as("cut at %d", cut).isEqualTo(8);
            assertThat(acc.state()).as("cut at %d", cut).isEqualTo(expected);
            if (cut == lastStart) {
                assertThat(reports).as("a cut at a record boundary is a clean end").isEmpty();
                assertThat(result.tailRepaired()).isFalse();
            } else {
                assertThat(reports).as("cut at %d", cut).anySatisfy(line -> assertThat(line)
                        .contains("torn or corrupt journal tail").contains(file.toString())
                        .contains("offset " + lastStart).contains("after seq 8"));
                assertThat(result.tailRepaired()).isTrue();
                assertThat(reports).noneSatisfy(line -> assertThat(line).contains("WARNING"));
                assertThat(Files.size(file)).isEqualTo(lastStart);
                assertThat(dir.resolve(file.getFileName() + ".corrupt-" + lastStart)).hasSize(cut - lastStart);
            }
            JournalRoundTripTest.write(dir, 9, 11, NONE);
            Accumulator again = new Accumulator();
            List<String> second = new ArrayList<>();
            assertThat(Recovery.recover(dir, List.of(again), again, second::add)).isEqualTo(11);
            assertThat(second).isEmpty();
            assertThat(again.state()).isEqualTo(reference(11));
        }
    }

    @Test
    void aFlippedByteInTheMiddleIsACrcErrorAndTheTailFromThereIsCut() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 10, NONE);
        Path segment = JournalSegments.list(dir).get(0).path();
        List<Long> offsets = recordOffsets(segment);
        flip(segment, offsets.get(4) + JournalFormat.RECORD_HEADER + JournalFormat.PRICE + 1);
        List<String> reports = new ArrayList<>();
        Accumulator acc = new Accumulator();
        assertThat(Recovery.recover(dir, List.of(acc), acc, reports::add)).isEqualTo(4);
        assertThat(reports.get(0)).contains("CRC mismatch").contains("offset " + offsets.get(4))
                .contains("after seq 4");
        assertThat(reports.get(1)).contains("WARNING: 5 records with valid checksums followed the bad one");
        assertThat(Files.size(segment)).isEqualTo(offsets.get(4));
        assertThat(acc.state()).isEqualTo(reference(4));
        try (JournalWriter writer = JournalWriter.open(dir, 5, NONE, line -> { })) {
            assertThat(writer.nextSeq()).isEqualTo(5);
        }
    }

    @Test
    void aRecordWithAValidCrcButTheWrongSeqAtTheTailIsCut() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 5, NONE);
        Path segment = JournalSegments.list(dir).get(0).path();
        List<Long> offsets = recordOffsets(segment);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] third = java.util.Arrays.copyOfRange(bytes, offsets.get(2).intValue(), offsets.get(3).intValue());
        Files.write(segment, third, StandardOpenOption.APPEND);
        List<String> reports = new ArrayList<>();
        Accumulator acc = new Accumulator();
        assertThat(Recovery.recover(dir, List.of(acc), acc, reports::add)).isEqualTo(5);
        assertThat(reports.get(0)).contains("record seq 3 where seq 6 was expected");
        assertThat(Files.size(segment)).isEqualTo(offsets.get(5));
    }

    @Test
    void corruptionInAnEarlierSegmentFailsRecoveryAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 200, new JournalWriter.Options(FsyncPolicy.NONE, 10, 2048, 256 << 10));
        List<JournalSegments.Segment> segments = JournalSegments.list(dir);
        assertThat(segments.size()).isGreaterThan(3);
        Path first = segments.get(1).path();
        long size = Files.size(first);
        flip(first, 100);
        Accumulator acc = new Accumulator();
        assertThatThrownBy(() -> Recovery.recover(dir, List.of(acc), acc, line -> { }))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(first.toString()).hasMessageContaining("CRC mismatch")
                .hasMessageContaining("not at the journal's tail");
        assertThat(Files.size(first)).isEqualTo(size);
        assertThat(JournalSegments.list(dir)).hasSize(segments.size());
    }

    @Test
    void aMissingSegmentFailsRecovery() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 200, new JournalWriter.Options(FsyncPolicy.NONE, 10, 2048, 256 << 10));
        List<JournalSegments.Segment> segments = JournalSegments.list(dir);
        Files.delete(segments.get(2).path());
        Accumulator acc = new Accumulator();
        assertThatThrownBy(() -> Recovery.recover(dir, List.of(acc), acc, line -> { }))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("records missing");
        Files.delete(segments.get(0).path());
        assertThatThrownBy(() -> Recovery.recover(dir, List.of(new Accumulator()), new Accumulator(), line -> { }))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("segments missing");
    }

    @Test
    void aTornSegmentHeaderIsRemovedAndTheJournalContinuesThere() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 5, NONE);
        Path torn = dir.resolve(JournalSegments.fileName(6));
        Files.write(torn, new byte[] {0x4E, 0x52, 0x4A});
        List<String> reports = new ArrayList<>();
        Accumulator acc = new Accumulator();
        assertThat(Recovery.recover(dir, List.of(acc), acc, reports::add)).isEqualTo(5);
        assertThat(reports.get(0)).contains("incomplete segment header");
        assertThat(torn).doesNotExist();
        JournalRoundTripTest.write(dir, 6, 8, NONE);
        assertThat(JournalRoundTripTest.read(dir, 0)).extracting(c -> c.seq)
                .containsExactlyElementsOf(JournalRoundTripTest.seqs(1, 8));
    }

    @Test
    void aRecordThatPassesItsCrcButCannotBeDecodedFailsRecoveryEvenAtTheTail() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 5, NONE);
        Path segment = JournalSegments.list(dir).get(0).path();
        List<Long> offsets = recordOffsets(segment);
        byte[] bytes = Files.readAllBytes(segment);
        int record = offsets.get(4).intValue();
        int payload = record + JournalFormat.RECORD_HEADER;
        int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(record);
        bytes[payload + JournalFormat.SIDE] = 'x';
        CRC32C crc = new CRC32C();
        crc.update(bytes, payload, length);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(record + 4, (int) crc.getValue());
        Files.write(segment, bytes);
        assertThatThrownBy(() -> Recovery.recover(dir, List.of(new Accumulator()), new Accumulator(), line -> { }))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("cannot be decoded")
                .hasMessageContaining("unknown side code");
        assertThat(Files.size(segment)).isEqualTo(bytes.length);
    }

    @Test
    void aJournalThatLostItsTailBehindASnapshotContinuesInANewSegment() throws Exception {
        Path dir = tmp.resolve("j");
        JournalRoundTripTest.write(dir, 1, 10, NONE);
        Accumulator at15 = new Accumulator();
        Command c = new Command();
        for (long i = 1; i <= 15; i++) {
            c.clear();
            Commands.fill(c, i);
            c.seq = i;
            Recovery.process(at15, c);
        }
        new SnapshotStore(dir, 3).write(15, c.timestamp, List.of(at15));
        List<String> reports = new ArrayList<>();
        Accumulator acc = new Accumulator();
        assertThat(Recovery.recover(dir, List.of(acc), acc, reports::add)).isEqualTo(15);
        assertThat(reports).anySatisfy(line -> assertThat(line).contains("journal ends at seq 10")
                .contains("snapshot at seq 15"));
        List<String> writerReports = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(dir, 16, NONE, writerReports::add)) {
            assertThat(writer.segmentFirstSeq()).isEqualTo(16);
            for (long i = 16; i <= 20; i++) {
                c.clear();
                Commands.fill(c, i);
                c.seq = i;
                writer.append(c);
            }
        }
        assertThat(writerReports).anySatisfy(line -> assertThat(line).contains("new segment at seq 16"));
        Accumulator recovered = new Accumulator();
        assertThat(Recovery.recover(dir, List.of(recovered), recovered, line -> { })).isEqualTo(20);
        assertThat(recovered.state()).isEqualTo(reference(20));
    }

    @Test
    void aProcessorExceptionRejectsTheCommandInTheRunAndInTheReplayAlike() {
        Accumulator acc = new Accumulator();
        acc.throwOnSeq = 3;
        Command c = new Command();
        c.seq = 3;
        c.op = Op.NEW;
        Throwable thrown = Recovery.process(acc, c);
        assertThat(thrown).hasMessageContaining("boom");
        assertThat(c.rejected()).isTrue();
        assertThat(c.rejectReason).isEqualTo(io.nautilus.api.order.RejectReason.OTHER);
        assertThat(c.rejectDetail).isEqualTo(Recovery.PROCESSOR_EXCEPTION);
        assertThat(c.events.size()).isZero();
    }
}
