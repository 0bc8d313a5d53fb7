package io.nautilus.core.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The segment files of a journal directory: {@code journal-<20-digit seq of the first record>.log}.
 */
public final class JournalSegments {

    /** File name prefix of a segment. */
    public static final String PREFIX = "journal-";
    /** File name suffix of a segment. */
    public static final String SUFFIX = ".log";

    private static final int DIGITS = 20;

    /**
     * One segment file.
     *
     * @param path the file
     * @param firstSeq seq of its first record (from its name)
     */
    public record Segment(Path path, long firstSeq) {
    }

    private JournalSegments() {
    }

    /**
     * @param firstSeq seq of the first record, &gt;= 1
     * @return the segment's file name
     */
    public static String fileName(long firstSeq) {
        return PREFIX + String.format("%0" + DIGITS + "d", firstSeq) + SUFFIX;
    }

    /**
     * Parses a segment file name.
     *
     * @param name a file name
     * @return its first seq, or -1 if the name is not a segment's
     */
    public static long parse(String name) {
        if (name.length() != PREFIX.length() + DIGITS + SUFFIX.length() || !name.startsWith(PREFIX)
                || !name.endsWith(SUFFIX)) {
            return -1;
        }
        long seq = 0;
        for (int i = PREFIX.length(); i < PREFIX.length() + DIGITS; i++) {
            char ch = name.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            seq = seq * 10 + (ch - '0');
            if (seq < 0) {
                return -1;
            }
        }
        return seq;
    }

    /**
     * Lists the segments of a directory, oldest first; other files are ignored.
     *
     * @param dir the journal directory (may not exist: no segments)
     * @return the segments, sorted by first seq
     * @throws IOException if the directory cannot be listed
     */
    public static List<Segment> list(Path dir) throws IOException {
        List<Segment> segments = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return segments;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                long seq = parse(file.getFileName().toString());
                if (seq > 0 && Files.isRegularFile(file)) {
                    segments.add(new Segment(file, seq));
                }
            });
        }
        segments.sort(Comparator.comparingLong(Segment::firstSeq));
        return segments;
    }

    /**
     * @param dir the journal directory
     * @return total size of its segment files in bytes
     * @throws IOException if the directory cannot be listed
     */
    public static long totalBytes(Path dir) throws IOException {
        long total = 0;
        for (Segment segment : list(dir)) {
            try {
                total += Files.size(segment.path());
            } catch (IOException e) {
                // deleted meanwhile
            }
        }
        return total;
    }

    /**
     * Deletes the segments whose records all have a seq &lt;= {@code seq} (a segment is wholly before it when the
     * next segment starts at or before {@code seq + 1}); the last segment is never deleted.
     *
     * @param dir the journal directory
     * @param seq seq covered by the oldest snapshot kept
     * @return the number of segments deleted
     * @throws IOException if a file cannot be deleted
     */
    public static int deleteWhollyBefore(Path dir, long seq) throws IOException {
        List<Segment> segments = list(dir);
        int deleted = 0;
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i + 1).firstSeq() <= seq + 1) {
                Files.deleteIfExists(segments.get(i).path());
                deleted++;
            } else {
                break;
            }
        }
        if (deleted > 0) {
            Durable.forceDirectory(dir);
        }
        return deleted;
    }
}
