package io.nautilus.core.journal;

import io.nautilus.core.Snapshotable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshots of the core's state: files {@code snapshot-<20-digit seq>.bin} in the journal directory, where seq is
 * the last command whose effects the snapshot includes.
 *
 * <p>Layout (big-endian, as {@link java.io.DataOutput} writes):
 * <pre>
 * header: int magic "NSNP" (0x4E534E50) | int format version (2) | long seq | long timestamp (logical time of the
 *         last command, epoch nanos) | int part count | int CRC32C of the 28 bytes before it
 * part (repeated): int name length | name, UTF-8 | int body length | int CRC32C of the body | body
 * </pre>
 * A part's name is its class name; each part is length-prefixed and checksummed on its own and read from a stream
 * bounded to its body, so one part's bug cannot shift the others.
 *
 * <p>Format versions: 2 added parts after the engine's (the state the core keeps on its publish thread, e.g. the
 * client order ids of working orders). A version 1 file still loads: its parts must be the first ones expected, in
 * order, and the parts it lacks keep the state they had (a fresh one at start).
 *
 * <p>Writes are atomic: a temporary {@code .tmp} file is written and forced, then renamed over the final name and
 * the directory forced; leftover temporary files are ignored when loading and deleted by the next write. Only the
 * newest {@code keep} snapshots are kept.
 */
public final class SnapshotStore {

    /** Default number of snapshots kept. */
    public static final int DEFAULT_KEEP = 3;

    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int DIGITS = 20;
    private static final int MAGIC = 0x4E534E50;
    private static final int VERSION = 2;
    private static final int OLDEST_VERSION = 1;
    private static final int HEADER = 32;

    /**
     * A snapshot captured in memory (on the thread that owns the state), ready to be written on any thread.
     *
     * @param seq last command included
     * @param timestamp logical time of that command, epoch nanos
     * @param names part names, in order
     * @param bodies part bodies, in order (not copied: do not modify)
     */
    public record Image(long seq, long timestamp, List<String> names, List<byte[]> bodies) {
    }

    /**
     * What {@link #load} loaded.
     *
     * @param seq the snapshot's seq, 0 if none was loaded
     * @param timestamp its timestamp, 0 if none
     * @param file its file, null if none
     */
    public record Loaded(long seq, long timestamp, Path file) {
    }

    private final Path dir;
    private final int keep;
    private volatile java.util.function.LongSupplier held = () -> Long.MAX_VALUE;

    /**
     * @param dir the directory (the journal's)
     * @param keep number of snapshots to keep, &gt;= 1
     */
    public SnapshotStore(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("snapshots to keep " + keep + " is below 1");
        }
        this.dir = dir;
        this.keep = keep;
    }

    /**
     * @param seq a snapshot's seq
     * @return its file name
     */
    public static String fileName(long seq) {
        return PREFIX + String.format("%0" + DIGITS + "d", seq) + SUFFIX;
    }

    private static long parse(String name) {
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
        }
        return seq;
    }

    /**
     * @param part a part
     * @return the name it is stored under (its class name)
     */
    public static String partName(Snapshotable part) {
        return part.getClass().getName();
    }

    /**
     * Serializes the parts' state into memory. Call on the thread that owns the state, between commands.
     *
     * @param seq last command included
     * @param timestamp logical time of that command
     * @param parts the parts, in a fixed order
     * @return the image
     * @throws IOException if a part fails to write
     */
    public static Image capture(long seq, long timestamp, List<? extends Snapshotable> parts) throws IOException {
        List<String> names = new ArrayList<>(parts.size());
        List<byte[]> bodies = new ArrayList<>(parts.size());
        for (Snapshotable part : parts) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            part.writeSnapshot(out);
            out.flush();
            names.add(partName(part));
            bodies.add(bytes.toByteArray());
        }
        return new Image(seq, timestamp, Collections.unmodifiableList(names), Collections.unmodifiableList(bodies));
    }

    /**
     * Captures and writes a snapshot (both on the calling thread, which must own the state).
     *
     * @param seq last command included
     * @param timestamp logical time of that command
     * @param parts the parts
     * @return the file written
     * @throws IOException if a part or the file fails
     */
    public Path write(long seq, long timestamp, List<? extends Snapshotable> parts) throws IOException {
        return write(capture(seq, timestamp, parts));
    }

    /**
     * Writes a snapshot atomically (temporary file, force, rename, force directory), then deletes leftover
     * temporary files and all but the newest {@code keep} snapshots.
     *
     * @param image the image
     * @return the file written
     * @throws IOException if the file fails
     */
    public Path write(Image image) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(image.seq());
        out.writeLong(image.timestamp());
        out.writeInt(image.bodies().size());
        out.flush();
        out.writeInt(crc(bytes.toByteArray(), 0, HEADER - 4));
        for (int i = 0; i < image.bodies().size(); i++) {
            byte[] name = image.names().get(i).getBytes(StandardCharsets.UTF_8);
            byte[] body = image.bodies().get(i);
            out.writeInt(name.length);
            out.write(name);
            out.writeInt(body.length);
            out.writeInt(crc(body, 0, body.length));
            out.write(body);
        }
        out.flush();
        Path target = dir.resolve(fileName(image.seq()));
        Path temp = dir.resolve(fileName(image.seq()) + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer data = ByteBuffer.wrap(bytes.toByteArray());
            while (data.hasRemaining()) {
                channel.write(data);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.forceDirectory(dir);
        prune();
        return target;
    }

    /**
     * Also keeps, from the next pruning on, the newest snapshot at or before a held seq (a consumer replaying the
     * journal from there needs it).
     *
     * @param lowestHeld the lowest seq a consumer holds, {@link Long#MAX_VALUE} if none; called when pruning
     */
    public void keepForHolds(java.util.function.LongSupplier lowestHeld) {
        held = java.util.Objects.requireNonNull(lowestHeld, "lowestHeld");
    }

    /**
     * The snapshot a hold keeps: the newest one at or before the lowest held seq.
     *
     * @param seqs the snapshot seqs present, oldest first
     * @param lowestHeld the lowest held seq, {@link Long#MAX_VALUE} if none
     * @return its seq; -1 without a hold, 0 if a hold needs the journal from seq 1 (no snapshot at or before it)
     */
    public static long heldSnapshot(List<Long> seqs, long lowestHeld) {
        if (lowestHeld == Long.MAX_VALUE) {
            return -1;
        }
        long found = 0;
        for (long seq : seqs) {
            if (seq <= lowestHeld) {
                found = seq;
            }
        }
        return found;
    }

    private void prune() throws IOException {
        List<Long> seqs = seqs();
        long kept = heldSnapshot(seqs, held.getAsLong());
        for (int i = 0; i < seqs.size() - keep; i++) {
            if (seqs.get(i) != kept) {
                Files.deleteIfExists(dir.resolve(fileName(seqs.get(i))));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Durable.forceDirectory(dir);
    }

    /**
     * @return seqs of the snapshot files present, oldest first (validity not checked)
     * @throws IOException if the directory cannot be listed
     */
    public List<Long> seqs() throws IOException {
        List<Long> seqs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return seqs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                long seq = parse(file.getFileName().toString());
                if (seq >= 0 && Files.isRegularFile(file)) {
                    seqs.add(seq);
                }
            });
        }
        Collections.sort(seqs);
        return seqs;
    }

    /**
     * Loads the newest valid snapshot into the parts.
     *
     * @param parts the parts, in the order they were captured
     * @return the snapshot's seq, 0 if none
     * @throws IOException see {@link #load}
     */
    public long loadLatest(List<? extends Snapshotable> parts) throws IOException {
        return load(parts, line -> { }).seq();
    }

    /**
     * Loads the newest valid snapshot into the parts. A snapshot is valid if its header, part count, part names and
     * every CRC check out (all verified before any part is touched); if the newest is not, it is reported and the
     * next older one is tried. A part that fails while reading a valid snapshot is reported too, and the older
     * snapshot is tried (it replaces every part's state again).
     *
     * @param parts the parts, in the order they were captured
     * @param report receives one line per snapshot skipped
     * @return what was loaded (seq 0 if no snapshot)
     * @throws IOException if the directory cannot be read, or parts were partly loaded and no snapshot loads fully
     */
    public Loaded load(List<? extends Snapshotable> parts, Consumer<String> report) throws IOException {
        return load(parts, report, Long.MAX_VALUE);
    }

    /**
     * Loads the newest valid snapshot at or before a seq into the parts, as {@link #load(List, Consumer)}.
     *
     * @param parts the parts, in the order they were captured
     * @param report receives one line per snapshot skipped
     * @param maxSeq the newest seq a snapshot may have
     * @return what was loaded (seq 0 if no snapshot)
     * @throws IOException see {@link #load(List, Consumer)}
     */
    public Loaded load(List<? extends Snapshotable> parts, Consumer<String> report, long maxSeq) throws IOException {
        List<Long> seqs = seqs();
        boolean touched = false;
        for (int i = seqs.size() - 1; i >= 0; i--) {
            if (seqs.get(i) > maxSeq) {
                continue;
            }
            Path file = dir.resolve(fileName(seqs.get(i)));
            byte[] data;
            try {
                data = Files.readAllBytes(file);
            } catch (IOException e) {
                report.accept("snapshot " + file + " cannot be read (" + e + "); trying an older one");
                continue;
            }
            String invalid = validate(data, seqs.get(i), parts);
            if (invalid != null) {
                report.accept("snapshot " + file + " is invalid: " + invalid + "; trying an older one");
                continue;
            }
            touched = true;
            try {
                apply(data, parts, file, report);
            } catch (IOException | RuntimeException e) {
                report.accept("snapshot " + file + " could not be loaded: " + e + "; trying an older one");
                continue;
            }
            ByteBuffer header = ByteBuffer.wrap(data);
            return new Loaded(seqs.get(i), header.getLong(16), file);
        }
        if (touched) {
            throw new IOException("no snapshot in " + dir + " loads completely, and a failed attempt left the state"
                    + " partly loaded; cannot replay the journal onto it");
        }
        return new Loaded(0, 0, null);
    }

    private static String validate(byte[] data, long seq, List<? extends Snapshotable> parts) {
        if (data.length < HEADER) {
            return "shorter than its header (" + data.length + " bytes)";
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        int magic = in.getInt();
        int version = in.getInt();
        long fileSeq = in.getLong();
        in.getLong();
        int count = in.getInt();
        int headerCrc = in.getInt();
        if (magic != MAGIC) {
            return "bad magic " + Integer.toHexString(magic);
        }
        if (headerCrc != crc(data, 0, HEADER - 4)) {
            return "header CRC mismatch";
        }
        if (version < OLDEST_VERSION || version > VERSION) {
            return "format version " + version + " is not supported (this build reads " + OLDEST_VERSION + " to "
                    + VERSION + ")";
        }
        if (fileSeq != seq) {
            return "header seq " + fileSeq + " does not match its name";
        }
        if (version == VERSION ? count != parts.size() : count < 1 || count > parts.size()) {
            return count + " parts where " + parts.size() + " are expected";
        }
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 4) {
                return "truncated in part " + i;
            }
            int nameLength = in.getInt();
            if (nameLength < 0 || nameLength > in.remaining()) {
                return "part " + i + " has an invalid name length " + nameLength;
            }
            String name = new String(data, in.position(), nameLength, StandardCharsets.UTF_8);
            in.position(in.position() + nameLength);
            String expected = partName(parts.get(i));
            if (!name.equals(expected)) {
                return "part " + i + " is '" + name + "' where '" + expected + "' is expected";
            }
            if (in.remaining() < 8) {
                return "truncated in part " + name;
            }
            int length = in.getInt();
            int bodyCrc = in.getInt();
            if (length < 0 || length > in.remaining()) {
                return "part " + name + " has an invalid length " + length;
            }
            if (bodyCrc != crc(data, in.position(), length)) {
                return "part " + name + " CRC mismatch";
            }
            in.position(in.position() + length);
        }
        if (in.hasRemaining()) {
            return in.remaining() + " unexpected bytes after the last part";
        }
        return null;
    }

    private static void apply(byte[] data, List<? extends Snapshotable> parts, Path file, Consumer<String> report)
            throws IOException {
        ByteBuffer in = ByteBuffer.wrap(data);
        int count = in.getInt(24);
        in.position(HEADER);
        if (count < parts.size()) {
            report.accept("snapshot " + file + " is of format version 1: the parts from "
                    + partName(parts.get(count)) + " on keep their state");
        }
        for (Snapshotable part : parts.subList(0, count)) {
            int nameLength = in.getInt();
            in.position(in.position() + nameLength);
            int length = in.getInt();
            in.getInt();
            ByteArrayInputStream body = new ByteArrayInputStream(data, in.position(), length);
            part.readSnapshot(new DataInputStream(body));
            if (body.available() > 0) {
                report.accept("snapshot " + file + ": part " + partName(part) + " left " + body.available()
                        + " of its " + length + " bytes unread");
            }
            in.position(in.position() + length);
        }
    }

    private static int crc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    /** @return the directory */
    public Path directory() {
        return dir;
    }

    /** @return number of snapshots kept */
    public int keep() {
        return keep;
    }
}
