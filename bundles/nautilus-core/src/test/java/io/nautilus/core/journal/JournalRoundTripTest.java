package io.nautilus.core.journal;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRoundTripTest {

    static final JournalWriter.Options NONE = new JournalWriter.Options(FsyncPolicy.NONE, 10,
            JournalWriter.Options.DEFAULT_SEGMENT_BYTES, 256 << 10);

    @TempDir
    Path dir;

    static List<Command> read(Path dir, long afterSeq) throws Exception {
        List<Command> out = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir, afterSeq)) {
            Command c = new Command();
            while (reader.next(c)) {
                Command copy = new Command();
                copy.copyInputFrom(c);
                out.add(copy);
            }
            assertThat(reader.problem()).isNull();
        }
        return out;
    }

    @Test
    void everyOpAndEveryFieldRoundTrips() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<Command> written = new ArrayList<>();
        Side[] sides = {null, Side.BUY, Side.SELL};
        List<OrderType> types = new ArrayList<>(List.of(OrderType.values()));
        types.add(null);
        List<TimeInForce> tifs = new ArrayList<>(List.of(TimeInForce.values()));
        tifs.add(null);
        String[] texts = {"AAPL", "", "Zürich-€", "emoji 😀 and 中文", "a".repeat(1000)};
        long seq = 0;
        try (JournalWriter writer = JournalWriter.open(dir, 1, NONE, line -> { })) {
            for (byte op = Op.NEW; op <= Op.SET_LIMITS; op++) {
                for (int variant = 0; variant < 12; variant++) {
                    Command c = new Command();
                    c.seq = ++seq;
                    c.timestamp = random.nextLong();
                    c.op = op;
                    c.orderId = variant == 0 ? Long.MAX_VALUE : random.nextLong();
                    c.account = variant == 1 ? Command.ANY : random.nextInt();
                    c.instrument = variant == 2 ? Command.ANY : random.nextInt();
                    c.side = sides[variant % sides.length];
                    c.type = types.get(variant % types.size());
                    c.tif = tifs.get(variant % tifs.size());
                    c.price = variant == 3 ? Command.UNCHANGED : random.nextLong();
                    c.qty = variant == 4 ? Command.UNCHANGED : random.nextLong();
                    c.stopPrice = random.nextLong();
                    c.displayQty = random.nextLong();
                    c.flags = random.nextInt();
                    c.expiry = random.nextLong();
                    c.clientOrderId = random.nextLong();
                    c.text = op >= Op.ADD_INSTRUMENT && variant % 3 != 2 ? texts[variant % texts.length] : null;
                    c.attachment = new Object();
                    writer.append(c);
                    if (variant % 5 == 0) {
                        writer.endOfBatch();
                    }
                    written.add(c);
                }
            }
        }
        List<Command> read = read(dir, 0);
        assertThat(read).hasSize(written.size());
        for (int i = 0; i < read.size(); i++) {
            Command expected = new Command();
            expected.copyInputFrom(written.get(i));
            expected.attachment = null;
            Commands.assertSameInput(read.get(i), expected);
        }
    }

    @Test
    void malformedSurrogatesAreWrittenAsStringGetBytesWouldWriteThem() throws Exception {
        String text = "a\uD800b\uDC00c";
        try (JournalWriter writer = JournalWriter.open(dir, 1, NONE, line -> { })) {
            Command c = new Command();
            c.seq = 1;
            c.op = Op.ADD_ACCOUNT;
            c.text = text;
            writer.append(c);
        }
        assertThat(read(dir, 0).get(0).text)
                .isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void readerStartsAfterTheGivenSeq() throws Exception {
        write(dir, 1, 100, NONE);
        List<Command> read = read(dir, 40);
        assertThat(read).extracting(c -> c.seq).containsExactlyElementsOf(seqs(41, 100));
    }

    @Test
    void segmentsRollAtTheConfiguredSizeAndAreNamedByTheirFirstSeq() throws Exception {
        JournalWriter.Options small = new JournalWriter.Options(FsyncPolicy.BATCH, 10, 4096, 256 << 10);
        write(dir, 1, 500, small);
        List<JournalSegments.Segment> segments = JournalSegments.list(dir);
        assertThat(segments).hasSizeGreaterThan(5);
        assertThat(segments.get(0).firstSeq()).isEqualTo(1);
        for (JournalSegments.Segment segment : segments) {
            assertThat(Files.size(segment.path())).isLessThanOrEqualTo(4096);
            assertThat(segment.path().getFileName().toString()).matches("journal-\\d{20}\\.log");
        }
        assertThat(read(dir, 0)).extracting(c -> c.seq).containsExactlyElementsOf(seqs(1, 500));
        long middle = segments.get(3).firstSeq();
        assertThat(read(dir, middle + 2)).extracting(c -> c.seq).containsExactlyElementsOf(seqs(middle + 3, 500));
        assertThat(read(dir, middle - 1)).extracting(c -> c.seq).containsExactlyElementsOf(seqs(middle, 500));
    }

    @Test
    void appendsContinueInTheLastSegmentAfterReopening() throws Exception {
        write(dir, 1, 10, NONE);
        write(dir, 11, 20, NONE);
        assertThat(JournalSegments.list(dir)).hasSize(1);
        assertThat(read(dir, 0)).extracting(c -> c.seq).containsExactlyElementsOf(seqs(1, 20));
    }

    @Test
    void appendRefusesASeqOutOfOrderAndOpenRefusesToOverwrite() throws Exception {
        write(dir, 1, 5, NONE);
        try (JournalWriter writer = JournalWriter.open(dir, 6, NONE, line -> { })) {
            Command c = new Command();
            c.seq = 8;
            c.op = Op.NEW;
            assertThatThrownBy(() -> writer.append(c)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("seq 8").hasMessageContaining("seq 6");
        }
        assertThatThrownBy(() -> JournalWriter.open(dir, 3, NONE, line -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("up to seq 5");
    }

    @Test
    void fsyncPoliciesForceAsDocumented() throws Exception {
        Command c = new Command();
        Commands.fill(c, 1);
        c.seq = 1;
        Path batchDir = Files.createDirectory(dir.resolve("batch"));
        try (JournalWriter writer = JournalWriter.open(batchDir, 1, new JournalWriter.Options(FsyncPolicy.BATCH, 10,
                1 << 20, 256 << 10), line -> { })) {
            writer.append(c);
            assertThat(writer.writtenSeq()).isZero();
            writer.endOfBatch();
            assertThat(writer.writtenSeq()).isEqualTo(1);
            assertThat(writer.durableSeq()).isEqualTo(1);
            assertThat(writer.lastForceEpochMillis()).isPositive();
        }
        Path noneDir = Files.createDirectory(dir.resolve("none"));
        try (JournalWriter writer = JournalWriter.open(noneDir, 1, NONE, line -> { })) {
            writer.append(c);
            writer.endOfBatch();
            writer.maybeForce();
            assertThat(writer.writtenSeq()).isEqualTo(1);
            assertThat(writer.durableSeq()).isZero();
        }
        Path periodicDir = Files.createDirectory(dir.resolve("periodic"));
        try (JournalWriter writer = JournalWriter.open(periodicDir, 1, new JournalWriter.Options(FsyncPolicy.PERIODIC,
                200, 1 << 20, 256 << 10), line -> { })) {
            writer.append(c);
            writer.endOfBatch();
            assertThat(writer.durableSeq()).isZero();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (writer.durableSeq() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                writer.maybeForce();
            }
            assertThat(writer.durableSeq()).isEqualTo(1);
        }
    }

    @Test
    void steadyStateAppendsAllocateNothing() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (JournalWriter writer = JournalWriter.open(dir, 1, NONE, line -> { })) {
            Command c = new Command();
            long seq = 0;
            for (int round = 0; round < 2; round++) {
                long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < 50_000; i++) {
                    c.seq = ++seq;
                    c.op = Op.NEW;
                    c.side = Side.BUY;
                    c.type = OrderType.LIMIT;
                    c.tif = TimeInForce.GTC;
                    c.price = i;
                    c.qty = i;
                    writer.append(c);
                    if (i % 100 == 99) {
                        writer.endOfBatch();
                    }
                }
                long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                if (round == 1) {
                    assertThat(allocated).as("bytes allocated by 50,000 appends").isLessThan(16 * 1024);
                }
            }
        }
    }

    static void write(Path dir, long from, long to, JournalWriter.Options options) throws Exception {
        try (JournalWriter writer = JournalWriter.open(dir, from, options, line -> { })) {
            Command c = new Command();
            for (long i = from; i <= to; i++) {
                c.clear();
                Commands.fill(c, i);
                c.seq = i;
                writer.append(c);
                if (i % 7 == 0) {
                    writer.endOfBatch();
                }
            }
        }
    }

    static List<Long> seqs(long from, long to) {
        List<Long> seqs = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            seqs.add(i);
        }
        return seqs;
    }
}
