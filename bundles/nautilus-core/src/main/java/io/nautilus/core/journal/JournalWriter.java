package io.nautilus.core.journal;

import io.nautilus.core.Command;
import io.nautilus.core.LatencyRecorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Appends commands' input fields to the journal: segment files {@code journal-<20-digit first seq>.log} in one
 * directory, rolled when the next record would pass the segment size. Layout: see {@link JournalFormat} (a 16-byte
 * segment header, then records {@code [int length][int CRC32C of payload][payload]}).
 *
 * <p>Records are encoded into a direct buffer by {@link #append} and handed to the OS by {@link #endOfBatch} (or
 * when the buffer fills); {@link #endOfBatch} then forces the file according to the {@link FsyncPolicy}. Loss
 * windows, for commands whose results were released after their batch's {@link #endOfBatch}:
 * <ul>
 *   <li>{@link FsyncPolicy#BATCH}: none (forced before the results are released).</li>
 *   <li>{@link FsyncPolicy#PERIODIC}: at most the fsync period (plus one idle tick of the caller) on a power loss or
 *       kernel crash; none on a process kill.</li>
 *   <li>{@link FsyncPolicy#NONE}: until the OS writes the pages back (Linux: tens of seconds) on a power loss or
 *       kernel crash; none on a process kill (the bytes are in the OS page cache).</li>
 * </ul>
 * After a power loss with PERIODIC or NONE the journal may end before the newest snapshot; {@link #open} then
 * starts a new segment at the snapshot's seq + 1 and reports it.
 *
 * <p>Group commit: after {@link #forceOnThread} the BATCH forces run on a thread of their own. {@link #endOfBatch}
 * then writes the batch and hands its force to that thread without waiting, so the next batch is written while the
 * previous one is forced, and the next force covers every batch written meanwhile. The hand-off is one seq (the last
 * written), never a queue; the {@link ForceListener} is told which seqs are durable, or that forcing failed.
 *
 * <p>Single writer: one thread appends; the {@code volatile} statistics may be read from any thread. Steady-state
 * appends allocate nothing (text of admin commands is encoded in place).
 */
public final class JournalWriter implements AutoCloseable {

    /** Longest command text journaled, in chars. */
    public static final int MAX_TEXT_CHARS = JournalFormat.MAX_TEXT_CHARS;

    /**
     * Writer settings.
     *
     * @param fsync when to force
     * @param fsyncPeriodMillis period of {@link FsyncPolicy#PERIODIC}, &gt;= 1
     * @param segmentBytes roll to a new segment before a record would pass this size (a segment holds at least one
     *        record), &gt;= 1024
     * @param bufferBytes size of the direct write buffer, at least one maximal record
     */
    public record Options(FsyncPolicy fsync, long fsyncPeriodMillis, long segmentBytes, int bufferBytes) {

        /** Default segment size: 256 MiB. */
        public static final long DEFAULT_SEGMENT_BYTES = 256L << 20;
        /** Default write buffer: 1 MiB. */
        public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
        /** Smallest segment size. */
        public static final long MIN_SEGMENT_BYTES = 1024;

        /**
         * Validates the settings.
         *
         * @param fsync when to force
         * @param fsyncPeriodMillis PERIODIC period
         * @param segmentBytes roll size
         * @param bufferBytes write buffer size
         */
        public Options {
            if (fsync == null) {
                throw new IllegalArgumentException("fsync policy is required");
            }
            if (fsyncPeriodMillis < 1) {
                throw new IllegalArgumentException("fsync period " + fsyncPeriodMillis + " ms is below 1 ms");
            }
            if (segmentBytes < MIN_SEGMENT_BYTES) {
                throw new IllegalArgumentException("segment size " + segmentBytes + " bytes is below "
                        + MIN_SEGMENT_BYTES);
            }
            if (bufferBytes < JournalFormat.MAX_RECORD) {
                throw new IllegalArgumentException("write buffer " + bufferBytes + " bytes is below one maximal record ("
                        + JournalFormat.MAX_RECORD + ")");
            }
        }

        /** @return BATCH fsync, 10 ms period, 256 MiB segments, 1 MiB buffer */
        public static Options defaults() {
            return new Options(FsyncPolicy.BATCH, 10, DEFAULT_SEGMENT_BYTES, DEFAULT_BUFFER_BYTES);
        }
    }

    /** Opens the journal's segment files: {@link FileChannel#open}, or a test's wrapper that holds or fails I/O. */
    @FunctionalInterface
    public interface Channels {

        /** Plain files. */
        Channels FILES = FileChannel::open;

        /**
         * Opens a segment file.
         *
         * @param path the file
         * @param options how to open it
         * @return the channel
         * @throws IOException if it cannot be opened
         */
        FileChannel open(Path path, OpenOption... options) throws IOException;
    }

    /** Told what became of the forces handed to the fsync thread (see {@link #forceOnThread}). */
    public interface ForceListener {

        /**
         * Records up to {@code seq} are on the device. Called on the fsync thread, or on the writing thread when it
         * forces itself (segment roll, close).
         *
         * @param seq the last durable seq
         */
        void forced(long seq);

        /**
         * Forcing failed: records from {@code fromSeq} through {@code seq} may not be on the device. Called on the
         * fsync thread for the failed force and again for every force handed to it afterwards (it no longer forces).
         *
         * @param fromSeq first seq that may not be durable
         * @param seq last seq of the force that was asked for
         * @param failure why
         */
        void failed(long fromSeq, long seq, Throwable failure);
    }

    private static final long FORCER_IDLE_WAIT_NANOS = 30_000_000_000L;

    private final Path dir;
    private final Options options;
    private final Channels channels;
    private volatile Forcer forcer;
    private final long periodNanos;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();

    private volatile FileChannel channel;
    private long segmentFirstSeq;
    private long segmentSize;
    private long segmentRecords;
    private long nextSeq;
    private long bufferedLastSeq;
    private boolean dirty;
    private long lastForceNanos;
    private boolean closed;

    private volatile long writtenSeq;
    private volatile long durableSeq;
    private volatile long lastForceEpochMillis;
    private volatile long forceCount;
    private final LatencyRecorder forceLatency = new LatencyRecorder();
    private volatile long bytesWritten;

    private JournalWriter(Path dir, Options options, long nextSeq, Channels channels) {
        this.dir = dir;
        this.options = options;
        this.channels = channels;
        this.periodNanos = options.fsyncPeriodMillis() * 1_000_000L;
        this.buffer = ByteBuffer.allocateDirect(options.bufferBytes()).order(JournalFormat.ORDER);
        this.nextSeq = nextSeq;
        this.writtenSeq = nextSeq - 1;
        this.durableSeq = nextSeq - 1;
        this.lastForceNanos = System.nanoTime();
    }

    /**
     * Opens the journal of a directory for appending at {@code nextSeq}. The last segment is read and checked: a
     * torn or corrupt tail is cut off (and reported) so nothing is ever appended after bad data. If the journal ends
     * before {@code nextSeq - 1} (it lost its tail in a power loss but a snapshot covers it), a new segment starts
     * at {@code nextSeq}.
     *
     * @param dir the journal directory (created if missing)
     * @param nextSeq seq of the next record (recovered last seq + 1), &gt;= 1
     * @param options settings
     * @param report receives one line per repair
     * @return the writer
     * @throws IOException if the files cannot be read or written
     * @throws JournalCorruptedException if the last segment is corrupt other than at its tail
     * @throws IllegalStateException if the journal already holds records at or after {@code nextSeq} (recovery was
     *         not run)
     */
    public static JournalWriter open(Path dir, long nextSeq, Options options, Consumer<String> report)
            throws IOException {
        return open(dir, nextSeq, options, report, Channels.FILES);
    }

    /**
     * Opens the journal as {@link #open(Path, long, Options, Consumer)} does, with segment files opened by
     * {@code channels}.
     *
     * @param dir the journal directory (created if missing)
     * @param nextSeq seq of the next record, &gt;= 1
     * @param options settings
     * @param report receives one line per repair
     * @param channels opens the segment files written to
     * @return the writer
     * @throws IOException if the files cannot be read or written
     */
    public static JournalWriter open(Path dir, long nextSeq, Options options, Consumer<String> report,
                                     Channels channels) throws IOException {
        if (nextSeq < 1) {
            throw new IllegalArgumentException("next seq " + nextSeq + " is below 1");
        }
        Files.createDirectories(dir);
        JournalWriter writer = new JournalWriter(dir, options, nextSeq, channels);
        List<JournalSegments.Segment> segments = JournalSegments.list(dir);
        if (segments.isEmpty()) {
            writer.create(nextSeq);
            return writer;
        }
        JournalSegments.Segment last = segments.get(segments.size() - 1);
        long lastSeq;
        try (JournalReader reader = new JournalReader(List.of(last), last.firstSeq() - 1)) {
            Command scratch = new Command();
            while (reader.next(scratch)) {
                // reads to the end of the segment
            }
            JournalProblem problem = reader.problem();
            if (problem != null) {
                if (!problem.tail()) {
                    throw new JournalCorruptedException(problem);
                }
                report.accept(problem.toString());
                report.accept(reader.truncateCorruptTail());
            }
            lastSeq = reader.lastSeq();
        }
        boolean exists = Files.exists(last.path());
        long records = lastSeq - (last.firstSeq() - 1);
        if (lastSeq >= nextSeq) {
            throw new IllegalStateException("journal " + last.path() + " holds records up to seq " + lastSeq
                    + " but appending was asked to continue at seq " + nextSeq + "; recover first");
        }
        if (lastSeq + 1 == nextSeq && exists) {
            writer.append(last, records);
        } else {
            if (lastSeq + 1 < nextSeq) {
                report.accept("journal ends at seq " + lastSeq + ", before the recovered state at seq " + (nextSeq - 1)
                        + " (a snapshot covers the difference; the journal's tail was lost before it was forced);"
                        + " continuing in a new segment at seq " + nextSeq);
            }
            if (exists && records == 0) {
                Files.delete(last.path());
            }
            writer.create(nextSeq);
        }
        return writer;
    }

    private void append(JournalSegments.Segment segment, long records) throws IOException {
        channel = channels.open(segment.path(), StandardOpenOption.WRITE);
        segmentSize = channel.size();
        channel.position(segmentSize);
        segmentFirstSeq = segment.firstSeq();
        segmentRecords = records;
    }

    private void create(long firstSeq) throws IOException {
        Path path = dir.resolve(JournalSegments.fileName(firstSeq));
        channel = channels.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(JournalFormat.SEGMENT_HEADER).order(JournalFormat.ORDER);
        header.putInt(JournalFormat.MAGIC).putInt(JournalFormat.VERSION).putLong(firstSeq).flip();
        while (header.hasRemaining()) {
            channel.write(header);
        }
        if (options.fsync() != FsyncPolicy.NONE) {
            channel.force(false);
            Durable.forceDirectory(dir);
        }
        segmentFirstSeq = firstSeq;
        segmentSize = JournalFormat.SEGMENT_HEADER;
        segmentRecords = 0;
    }

    /**
     * Encodes one command's input fields into the write buffer (handed to the OS at {@link #endOfBatch} or when the
     * buffer fills). Allocates nothing.
     *
     * @param c the command; its seq must be the next seq
     * @throws IOException if writing a full buffer or rolling fails
     * @throws IllegalArgumentException if the seq is not the next one or the text is too long
     */
    public void append(Command c) throws IOException {
        if (c.seq != nextSeq) {
            throw new IllegalArgumentException("journal append of seq " + c.seq + " where seq " + nextSeq
                    + " was expected");
        }
        int textBytes = -1;
        if (c.text != null) {
            if (c.text.length() > JournalFormat.MAX_TEXT_CHARS) {
                throw new IllegalArgumentException("command text of " + c.text.length() + " chars exceeds "
                        + JournalFormat.MAX_TEXT_CHARS);
            }
            textBytes = JournalFormat.utf8Length(c.text);
        }
        int payload = JournalFormat.FIXED_PAYLOAD + Math.max(textBytes, 0);
        int recordLength = JournalFormat.RECORD_HEADER + payload;
        if (segmentRecords > 0 && segmentSize + buffer.position() + recordLength > options.segmentBytes()) {
            roll(c.seq);
        }
        if (buffer.remaining() < recordLength) {
            flush();
        }
        int start = buffer.position();
        int p = start + JournalFormat.RECORD_HEADER;
        JournalFormat.putPayload(buffer, p, c, textBytes);
        int end = p + payload;
        crc.reset();
        buffer.limit(end).position(p);
        crc.update(buffer);
        buffer.limit(buffer.capacity());
        buffer.putInt(start, payload);
        buffer.putInt(start + 4, (int) crc.getValue());
        buffer.position(end);
        segmentRecords++;
        bufferedLastSeq = c.seq;
        nextSeq++;
    }

    /**
     * Hands the buffered records to the OS and forces them if the policy says so: BATCH always, PERIODIC when the
     * period has elapsed since the last force, NONE never.
     *
     * @throws IOException if writing or forcing fails
     */
    public void endOfBatch() throws IOException {
        flush();
        if (dirty) {
            Forcer thread = forcer;
            if (thread != null) {
                thread.request(writtenSeq);
            } else if (options.fsync() == FsyncPolicy.BATCH
                    || options.fsync() == FsyncPolicy.PERIODIC && System.nanoTime() - lastForceNanos >= periodNanos) {
                force();
            }
        }
    }

    /**
     * Forces written records when the PERIODIC period has elapsed (call when idle, so the loss window holds without
     * new batches).
     *
     * @throws IOException if forcing fails
     */
    public void maybeForce() throws IOException {
        if (dirty && options.fsync() == FsyncPolicy.PERIODIC && System.nanoTime() - lastForceNanos >= periodNanos) {
            force();
        }
    }

    private void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        int n = buffer.remaining();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
        segmentSize += n;
        bytesWritten += n;
        writtenSeq = bufferedLastSeq;
        dirty = true;
    }

    private void force() throws IOException {
        long began = System.nanoTime();
        channel.force(false);
        dirty = false;
        lastForceNanos = System.nanoTime();
        forceLatency.record(lastForceNanos - began);
        lastForceEpochMillis = System.currentTimeMillis();
        forceCount++;
        durableSeq = writtenSeq;
        Forcer thread = forcer;
        if (thread != null) {
            thread.listener.forced(writtenSeq);
        }
    }

    /**
     * Forces BATCH writes on a thread of its own from now on (group commit): {@link #endOfBatch} hands each batch's
     * force to it and returns. The thread ends in {@link #close}. Only with {@link FsyncPolicy#BATCH}.
     *
     * @param threadName the fsync thread's name
     * @param listener told on the fsync thread which seqs are durable, or that forcing failed
     * @throws IllegalStateException if the policy is not BATCH, the thread runs already or the writer is closed
     */
    public void forceOnThread(String threadName, ForceListener listener) {
        if (options.fsync() != FsyncPolicy.BATCH) {
            throw new IllegalStateException("a force thread is for the BATCH fsync policy, not " + options.fsync());
        }
        if (forcer != null || closed) {
            throw new IllegalStateException(closed ? "the journal is closed" : "the force thread runs already");
        }
        Forcer thread = new Forcer(listener, durableSeq);
        Thread t = new Thread(thread, threadName);
        t.setDaemon(true);
        thread.thread = t;
        forcer = thread;
        t.start();
    }

    /** @return true if BATCH forces run on the fsync thread ({@link #forceOnThread}) */
    public boolean forcesOnThread() {
        return forcer != null;
    }

    /** Waits until the fsync thread has done every force handed to it (before the writing thread forces itself). */
    private void awaitForcer() throws IOException {
        Forcer thread = forcer;
        if (thread != null) {
            thread.awaitIdle();
        }
    }

    private void roll(long firstSeq) throws IOException {
        flush();
        awaitForcer();
        if (options.fsync() != FsyncPolicy.NONE && dirty) {
            force();
        }
        channel.close();
        create(firstSeq);
    }

    /**
     * Writes what is buffered, forces it (whatever the policy: this is a clean shutdown) and closes the file.
     * Idempotent.
     *
     * @throws IOException if writing or forcing fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            awaitForcer();
            if (dirty) {
                force();
            }
        } finally {
            Forcer thread = forcer;
            if (thread != null) {
                thread.stop();
            }
            channel.close();
        }
    }

    /**
     * The fsync thread: forces the segment up to the last seq handed to it, then tells the listener. One pending
     * seq, never a queue: a request made while a force runs is covered by the next force, with everything written
     * meanwhile.
     */
    private final class Forcer implements Runnable {

        final ForceListener listener;
        Thread thread;
        private volatile long requested;
        private volatile long done;
        private volatile boolean stopped;
        private volatile Throwable failure;

        Forcer(ForceListener listener, long durable) {
            this.listener = listener;
            this.requested = durable;
            this.done = durable;
        }

        void request(long seq) {
            requested = seq;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (!stopped) {
                long target = requested;
                if (target <= done) {
                    LockSupport.park(this);
                    continue;
                }
                Throwable failed = failure;
                if (failed == null) {
                    try {
                        long began = System.nanoTime();
                        channel.force(false);
                        forceLatency.record(System.nanoTime() - began);
                        lastForceEpochMillis = System.currentTimeMillis();
                        forceCount++;
                        durableSeq = target;
                        done = target;
                        listener.forced(target);
                        continue;
                    } catch (Throwable e) {
                        failure = e;
                        failed = e;
                    }
                }
                done = target;
                listener.failed(durableSeq + 1, target, failed);
            }
        }

        /** Waits (bounded) until every requested force is done or failed. */
        void awaitIdle() throws IOException {
            long deadline = System.nanoTime() + FORCER_IDLE_WAIT_NANOS;
            while (done < requested) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IOException("the fsync thread did not force seq " + requested + " in 30 s");
                }
                LockSupport.parkNanos(50_000);
            }
            Throwable failed = failure;
            if (failed != null) {
                throw new IOException("forcing the journal failed: " + failed, failed);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return seq the next append must carry */
    public long nextSeq() {
        return nextSeq;
    }

    /** @return last seq handed to the OS (survives a process kill); any thread */
    public long writtenSeq() {
        return writtenSeq;
    }

    /** @return last seq forced to the device; any thread */
    public long durableSeq() {
        return durableSeq;
    }

    /** @return wall-clock time of the last force, epoch millis, 0 if none yet; any thread */
    public long lastForceEpochMillis() {
        return lastForceEpochMillis;
    }

    /** @return forces so far; any thread */
    public long forceCount() {
        return forceCount;
    }

    /** @return the time of each force so far (any thread) */
    public LatencyRecorder forceLatency() {
        return forceLatency;
    }

    /** @return bytes handed to the OS by this writer; any thread */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** @return first seq of the segment being written */
    public long segmentFirstSeq() {
        return segmentFirstSeq;
    }

    /** @return the journal directory */
    public Path directory() {
        return dir;
    }

    /** @return the settings */
    public Options options() {
        return options;
    }
}
