package io.nautilus.core.journal;

import io.nautilus.core.Command;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads journal records in seq order across segments, from the first record after a given seq (a snapshot's),
 * checking every record's length, CRC32C and seq (each must be the previous + 1, and a segment must start where
 * its name says and where the previous one ended).
 *
 * <p>Reading stops at the first invalid byte and reports it as a {@link JournalProblem}:
 * <ul>
 *   <li>in the <b>last</b> segment, a torn or corrupt tail (incomplete header or record, record length beyond the
 *       end of the file or out of range, CRC mismatch, seq not the previous + 1) is {@linkplain JournalProblem#tail()
 *       a tail problem}: {@link #truncateCorruptTail()} cuts the file at the last good record (saving the cut bytes
 *       beside it) so the bad data is neither replayed nor appended after;</li>
 *   <li>anywhere else (an earlier segment, a missing segment, a record that passes its CRC but cannot be decoded,
 *       a header of another format version), the problem is not a tail problem: replaying past it would skip data,
 *       so recovery fails with a clear error instead.</li>
 * </ul>
 * Records are read through one reused direct buffer; only admin commands' text allocates.
 */
public final class JournalReader implements AutoCloseable {

    private final List<JournalSegments.Segment> segments;
    private final long afterSeq;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();

    private int index;
    private FileChannel channel;
    private long fileSize;
    private long position;
    private long bufferStart = -1;
    private long expectedSeq;
    private long lastSeq;
    private JournalProblem problem;
    private boolean finished;

    /**
     * Opens a journal directory for reading the records after {@code afterSeq}.
     *
     * @param dir the journal directory
     * @param afterSeq seq already covered (by a snapshot), 0 to read everything
     * @throws IOException if the directory cannot be listed
     */
    public JournalReader(Path dir, long afterSeq) throws IOException {
        this(JournalSegments.list(dir), afterSeq);
    }

    JournalReader(List<JournalSegments.Segment> segments, long afterSeq) {
        this.segments = segments;
        this.afterSeq = afterSeq;
        this.buffer = ByteBuffer.allocateDirect(Math.max(256 << 10, JournalFormat.MAX_RECORD))
                .order(JournalFormat.ORDER);
        int start = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstSeq() <= afterSeq + 1) {
                start = i;
            }
        }
        if (segments.isEmpty()) {
            finished = true;
            lastSeq = 0;
        } else if (start < 0) {
            JournalSegments.Segment first = segments.get(0);
            lastSeq = 0;
            problem = new JournalProblem(first.path(), 0, afterSeq, "the journal starts at seq " + first.firstSeq()
                    + " but records from seq " + (afterSeq + 1) + " are needed (segments missing)", false);
        } else {
            index = start;
            expectedSeq = segments.get(start).firstSeq();
            lastSeq = expectedSeq - 1;
        }
    }

    /**
     * Reads the next record after {@code afterSeq} into a command (all input fields; attachment null; outcome
     * cleared).
     *
     * @param into the command to fill
     * @return true if a record was read; false at the end of the journal or at a problem (see {@link #problem()})
     * @throws IOException if a file cannot be read
     */
    public boolean next(Command into) throws IOException {
        while (problem == null && !finished) {
            if (channel == null && !openSegment()) {
                return false;
            }
            if (position == fileSize) {
                closeChannel();
                if (index == segments.size() - 1) {
                    finished = true;
                    return false;
                }
                index++;
                continue;
            }
            long remaining = fileSize - position;
            if (remaining < JournalFormat.RECORD_HEADER) {
                fail("incomplete record header (" + remaining + " of " + JournalFormat.RECORD_HEADER + " bytes)",
                        true);
                return false;
            }
            int at = ensure(position, JournalFormat.RECORD_HEADER);
            int length = buffer.getInt(at);
            int checksum = buffer.getInt(at + 4);
            if (length < JournalFormat.FIXED_PAYLOAD || length > JournalFormat.MAX_PAYLOAD) {
                fail("invalid record length " + length, true);
                return false;
            }
            if (JournalFormat.RECORD_HEADER + (long) length > remaining) {
                fail("incomplete record: " + length + " payload bytes announced, "
                        + (remaining - JournalFormat.RECORD_HEADER) + " left in the file", true);
                return false;
            }
            at = ensure(position, JournalFormat.RECORD_HEADER + length);
            int p = at + JournalFormat.RECORD_HEADER;
            crc.reset();
            int limit = buffer.limit();
            buffer.limit(p + length).position(p);
            crc.update(buffer);
            buffer.limit(limit).position(0);
            if ((int) crc.getValue() != checksum) {
                fail("CRC mismatch", true);
                return false;
            }
            long seq = buffer.getLong(p + JournalFormat.SEQ);
            if (seq != expectedSeq) {
                fail("record seq " + seq + " where seq " + expectedSeq + " was expected", true);
                return false;
            }
            boolean wanted = seq > afterSeq;
            if (wanted) {
                try {
                    JournalFormat.getPayload(buffer, p, length, into);
                } catch (IllegalArgumentException e) {
                    fail("record seq " + seq + " passes its CRC but cannot be decoded: " + e.getMessage(), false);
                    return false;
                }
            }
            position += JournalFormat.RECORD_HEADER + length;
            lastSeq = seq;
            expectedSeq = seq + 1;
            if (wanted) {
                return true;
            }
        }
        return false;
    }

    private boolean openSegment() throws IOException {
        JournalSegments.Segment segment = segments.get(index);
        channel = FileChannel.open(segment.path(), StandardOpenOption.READ);
        fileSize = channel.size();
        bufferStart = -1;
        position = 0;
        if (fileSize < JournalFormat.SEGMENT_HEADER) {
            fail("incomplete segment header (" + fileSize + " of " + JournalFormat.SEGMENT_HEADER + " bytes)", true);
            return false;
        }
        int at = ensure(0, JournalFormat.SEGMENT_HEADER);
        int magic = buffer.getInt(at);
        int version = buffer.getInt(at + 4);
        long first = buffer.getLong(at + 8);
        if (magic != JournalFormat.MAGIC) {
            fail("not a journal segment (magic " + Integer.toHexString(magic) + ")", false);
            return false;
        }
        if (version != JournalFormat.VERSION) {
            fail("journal format version " + version + " is not supported (this build reads version "
                    + JournalFormat.VERSION + ")", false);
            return false;
        }
        if (first != segment.firstSeq()) {
            fail("segment header says it starts at seq " + first + ", its name says " + segment.firstSeq(), false);
            return false;
        }
        if (first != expectedSeq) {
            fail("segment starts at seq " + first + " but the previous one ended at seq " + lastSeq
                    + " (records missing)", false);
            return false;
        }
        position = JournalFormat.SEGMENT_HEADER;
        return true;
    }

    /** Makes bytes [offset, offset + n) of the file available in the buffer; returns the buffer index of offset. */
    private int ensure(long offset, int n) throws IOException {
        if (bufferStart < 0 || offset < bufferStart || offset + n > bufferStart + buffer.limit()) {
            buffer.clear();
            bufferStart = offset;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            buffer.flip();
            if (buffer.limit() < n) {
                throw new IOException(segments.get(index).path() + " shrank while being read");
            }
        }
        return (int) (offset - bufferStart);
    }

    private void fail(String reason, boolean tornLike) {
        boolean tail = tornLike && index == segments.size() - 1;
        problem = new JournalProblem(segments.get(index).path(), position, lastSeq, reason, tail);
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** @return why reading stopped before the end of the journal, or null if it did not (yet) */
    public JournalProblem problem() {
        return problem;
    }

    /**
     * @return seq of the last valid record read (skipped ones included); if none, the first segment's first seq - 1,
     *         or 0 without segments
     */
    public long lastSeq() {
        return lastSeq;
    }

    /**
     * Repairs a {@linkplain JournalProblem#tail() tail problem}: copies the bytes from the problem's offset to the
     * end of the file into {@code <segment>.corrupt-<offset>} (for inspection), then cuts the segment there and
     * forces it; a segment whose header is torn is deleted. Does nothing for other problems.
     *
     * @return what was done, for the log, or null if nothing
     * @throws IOException if the file cannot be copied or cut
     */
    public String truncateCorruptTail() throws IOException {
        if (problem == null || !problem.tail()) {
            return null;
        }
        closeChannel();
        Path file = problem.file();
        long offset = problem.offset();
        Path saved = file.resolveSibling(file.getFileName() + ".corrupt-" + offset);
        long size;
        long following;
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel copy = FileChannel.open(saved, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            size = source.size();
            following = validRecordsAfter(source, offset, size);
            long done = 0;
            while (done < size - offset) {
                done += source.transferTo(offset + done, size - offset - done, copy);
            }
            copy.force(true);
            if (offset >= JournalFormat.SEGMENT_HEADER) {
                source.truncate(offset);
                source.force(true);
            }
        }
        if (offset < JournalFormat.SEGMENT_HEADER) {
            Files.delete(file);
        }
        Durable.forceDirectory(file.getParent());
        return (offset < JournalFormat.SEGMENT_HEADER ? "deleted torn segment " + file
                : "truncated " + file + " from " + size + " to " + offset + " bytes")
                + "; the removed " + (size - offset) + " bytes are saved in " + saved
                + (following > 0 ? "; WARNING: " + following + " records with valid checksums followed the bad one"
                        + " (corruption inside the file rather than a torn write?) and were cut too" : "");
    }

    /**
     * Counts the records with valid checksums that follow the bad record at {@code offset} along the length chain
     * (only possible if the bad record's own length field is plausible).
     */
    private long validRecordsAfter(FileChannel source, long offset, long size) throws IOException {
        if (offset < JournalFormat.SEGMENT_HEADER) {
            return 0;
        }
        ByteBuffer header = ByteBuffer.allocate(JournalFormat.RECORD_HEADER).order(JournalFormat.ORDER);
        long at = offset;
        long count = -1;
        while (at + JournalFormat.RECORD_HEADER <= size) {
            header.clear();
            while (header.hasRemaining() && source.read(header, at + header.position()) >= 0) {
                // positional read of the record header
            }
            int length = header.getInt(0);
            if (length < JournalFormat.FIXED_PAYLOAD || length > JournalFormat.MAX_PAYLOAD
                    || at + JournalFormat.RECORD_HEADER + length > size) {
                break;
            }
            if (count >= 0) {
                buffer.clear().limit(length);
                while (buffer.hasRemaining() && source.read(buffer, at + JournalFormat.RECORD_HEADER
                        + buffer.position()) >= 0) {
                    // positional read of the payload
                }
                buffer.flip();
                crc.reset();
                crc.update(buffer);
                if ((int) crc.getValue() != header.getInt(4)) {
                    break;
                }
            }
            count++;
            at += JournalFormat.RECORD_HEADER + length;
        }
        bufferStart = -1;
        return Math.max(count, 0);
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }
}
