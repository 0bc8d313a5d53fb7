package io.nautilus.core.pipeline;

import io.nautilus.core.journal.FsyncPolicy;
import io.nautilus.core.journal.JournalWriter;
import io.nautilus.core.journal.SnapshotStore;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the {@link CorePipeline}. {@link #from(Map)} reads them from configuration properties; the defaults are
 * the {@code DEFAULT_} constants below, which the trading core's Metatype ({@code TradingCoreConfig}) names as its
 * own defaults, so the component in Karaf and the pipeline outside it start from the same settings:
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>value</th><th>default</th></tr>
 *   <tr><td>{@code ring.size}</td><td>ring slots, a power of two, 8 to 2^24</td><td>16384</td></tr>
 *   <tr><td>{@code pipeline.layout}</td><td>{@code auto}, {@code compact}, {@code parallel}
 *       ({@link PipelineLayout})</td><td>{@code auto}: {@code compact} on at most 2 CPUs, else
 *       {@code parallel}</td></tr>
 *   <tr><td>{@code wait.strategy}</td><td>{@code auto}, {@code busy-spin}, {@code yielding}, {@code sleeping},
 *       {@code blocking}, {@code phased}</td><td>{@code auto}: the layout's
 *       ({@link PipelineLayout#defaultWaitStrategy()}: {@code phased}; see {@link WaitMode})</td></tr>
 *   <tr><td>{@code idle.tick.ms}</td><td>1 to 1000: idle threads wake at least this often (a safety net:
 *       queries and snapshot requests wake them at once; with PERIODIC fsync the fsync period is used if
 *       shorter)</td><td>10</td></tr>
 *   <tr><td>{@code journal.dir}</td><td>journal and snapshot directory</td><td>required</td></tr>
 *   <tr><td>{@code journal.fsync}</td><td>{@code batch}, {@code periodic}, {@code none}
 *       ({@link FsyncPolicy})</td><td>{@code batch}</td></tr>
 *   <tr><td>{@code journal.fsync.period.ms}</td><td>PERIODIC fsync period, 1 to 60000</td><td>10</td></tr>
 *   <tr><td>{@code journal.segment.size}</td><td>segment roll size in bytes, suffix k, m or g allowed
 *       (binary), at least 1k</td><td>256m</td></tr>
 *   <tr><td>{@code snapshot.interval.minutes}</td><td>scheduled snapshots, 0 = off</td><td>60</td></tr>
 *   <tr><td>{@code snapshot.keep}</td><td>snapshots kept, &gt;= 1</td><td>3</td></tr>
 *   <tr><td>{@code journal.delete.before.snapshot}</td><td>delete journal segments wholly before the oldest kept
 *       snapshot</td><td>false</td></tr>
 *   <tr><td>{@code pin.journal}, {@code pin.business}, {@code pin.publish}</td><td>CPU to pin the thread to
 *       (Linux with {@code taskset}; a failure is a warning), -1 = none; the compact layout has no publish thread (its
 *       {@code pin.publish} is unused)</td><td>-1</td></tr>
 * </table>
 * Other keys (e.g. Config Admin's {@code service.pid}) are ignored.
 *
 * @param ringSize ring slots (a power of two); each slot is a pre-allocated {@link io.nautilus.core.Command} of
 *        about 1 KiB
 * @param waitStrategy how threads wait
 * @param idleTick wake-up period of idle threads
 * @param journalDir journal and snapshot directory
 * @param fsync journal fsync policy
 * @param fsyncPeriod PERIODIC fsync period
 * @param segmentBytes journal segment roll size
 * @param snapshotInterval scheduled snapshot period, {@link Duration#ZERO} = off
 * @param snapshotsKept snapshots kept
 * @param deleteJournalBeforeSnapshot delete segments wholly before the oldest kept snapshot
 * @param pinJournal CPU of the journal thread, -1 = none
 * @param pinBusiness CPU of the business thread, -1 = none
 * @param pinPublish CPU of the publish thread, -1 = none (unused in the compact layout, which has no publish
 *        thread)
 * @param layout the threads the stages run on
 */
public record PipelineConfig(int ringSize, WaitMode waitStrategy, Duration idleTick, Path journalDir,
                             FsyncPolicy fsync, Duration fsyncPeriod, long segmentBytes, Duration snapshotInterval,
                             int snapshotsKept, boolean deleteJournalBeforeSnapshot, int pinJournal, int pinBusiness,
                             int pinPublish, PipelineLayout layout) {

    /** Default ring size ({@code ring.size}). */
    public static final int DEFAULT_RING_SIZE = 16_384;
    /** Default thread layout ({@code pipeline.layout}): chosen by the machine's CPUs. */
    public static final String DEFAULT_LAYOUT = "auto";
    /** Default wait strategy ({@code wait.strategy}): the layout's {@link PipelineLayout#defaultWaitStrategy()}. */
    public static final String DEFAULT_WAIT_STRATEGY = "auto";
    /** Default wake-up period of idle threads in milliseconds ({@code idle.tick.ms}). */
    public static final int DEFAULT_IDLE_TICK_MS = 10;
    /** Default fsync policy ({@code journal.fsync}), as {@link FsyncPolicy#parse} reads it. */
    public static final String DEFAULT_FSYNC = "batch";
    /** Default PERIODIC fsync period in milliseconds ({@code journal.fsync.period.ms}). */
    public static final int DEFAULT_FSYNC_PERIOD_MS = 10;
    /** Default journal segment roll size ({@code journal.segment.size}), in the syntax {@link #from} reads. */
    public static final String DEFAULT_SEGMENT_SIZE = "256m";
    /** Default scheduled snapshot period in minutes ({@code snapshot.interval.minutes}), 0 = off. */
    public static final int DEFAULT_SNAPSHOT_INTERVAL_MINUTES = 60;
    /** Default number of snapshots kept ({@code snapshot.keep}). */
    public static final int DEFAULT_SNAPSHOTS_KEPT = SnapshotStore.DEFAULT_KEEP;
    /** Default of {@code journal.delete.before.snapshot}. */
    public static final boolean DEFAULT_DELETE_JOURNAL_BEFORE_SNAPSHOT = false;
    /** Default CPU of a pipeline thread ({@code pin.journal}, {@code pin.business}, {@code pin.publish}): none. */
    public static final int NO_PINNING = -1;
    /** Largest ring size. */
    public static final int MAX_RING_SIZE = 1 << 24;

    /**
     * Validates the settings; messages name the key, the value and the limit.
     *
     * @param ringSize ring slots
     * @param waitStrategy how threads wait
     * @param idleTick wake-up period of idle threads
     * @param journalDir journal and snapshot directory
     * @param fsync journal fsync policy
     * @param fsyncPeriod PERIODIC fsync period
     * @param segmentBytes journal segment roll size
     * @param snapshotInterval scheduled snapshot period
     * @param snapshotsKept snapshots kept
     * @param deleteJournalBeforeSnapshot delete segments wholly before the oldest kept snapshot
     * @param pinJournal CPU of the journal thread
     * @param pinBusiness CPU of the business thread
     * @param pinPublish CPU of the publish thread
     * @param layout the threads the stages run on
     */
    public PipelineConfig {
        if (ringSize < 8 || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring.size " + ringSize + " must be a power of two from 8 to "
                    + MAX_RING_SIZE);
        }
        if (waitStrategy == null) {
            throw new IllegalArgumentException("wait.strategy is required");
        }
        if (idleTick == null || idleTick.toMillis() < 1 || idleTick.toMillis() > 1000) {
            throw new IllegalArgumentException("idle.tick.ms " + (idleTick == null ? null : idleTick.toMillis())
                    + " must be from 1 to 1000");
        }
        if (journalDir == null) {
            throw new IllegalArgumentException("journal.dir is required");
        }
        if (fsync == null) {
            throw new IllegalArgumentException("journal.fsync is required");
        }
        if (fsyncPeriod == null || fsyncPeriod.toMillis() < 1 || fsyncPeriod.toMillis() > 60_000) {
            throw new IllegalArgumentException("journal.fsync.period.ms "
                    + (fsyncPeriod == null ? null : fsyncPeriod.toMillis()) + " must be from 1 to 60000");
        }
        if (segmentBytes < JournalWriter.Options.MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("journal.segment.size " + segmentBytes + " bytes is below "
                    + JournalWriter.Options.MIN_SEGMENT_BYTES);
        }
        if (snapshotInterval == null || snapshotInterval.isNegative()) {
            throw new IllegalArgumentException("snapshot.interval.minutes must be 0 (off) or more");
        }
        if (snapshotsKept < 1) {
            throw new IllegalArgumentException("snapshot.keep " + snapshotsKept + " must be at least 1");
        }
        checkCpu("pin.journal", pinJournal);
        checkCpu("pin.business", pinBusiness);
        checkCpu("pin.publish", pinPublish);
        if (layout == null) {
            throw new IllegalArgumentException("pipeline.layout is required");
        }
    }

    private static void checkCpu(String key, int cpu) {
        if (cpu < -1 || cpu > 4095) {
            throw new IllegalArgumentException(key + " " + cpu + " must be -1 (no pinning) or a CPU number 0 to 4095");
        }
    }

    /**
     * The defaults with a journal directory.
     *
     * @param journalDir journal and snapshot directory
     * @return the settings
     */
    public static PipelineConfig defaults(Path journalDir) {
        PipelineLayout layout = PipelineLayout.parse(DEFAULT_LAYOUT);
        return new PipelineConfig(DEFAULT_RING_SIZE, waitMode(DEFAULT_WAIT_STRATEGY, layout),
                Duration.ofMillis(DEFAULT_IDLE_TICK_MS), journalDir, FsyncPolicy.parse(DEFAULT_FSYNC),
                Duration.ofMillis(DEFAULT_FSYNC_PERIOD_MS),
                parseSize("journal.segment.size", DEFAULT_SEGMENT_SIZE),
                Duration.ofMinutes(DEFAULT_SNAPSHOT_INTERVAL_MINUTES), DEFAULT_SNAPSHOTS_KEPT,
                DEFAULT_DELETE_JOURNAL_BEFORE_SNAPSHOT, NO_PINNING, NO_PINNING, NO_PINNING, layout);
    }

    /**
     * Reads {@code wait.strategy}: {@code auto} is the layout's default.
     *
     * @param text the configured text
     * @param layout the layout
     * @return the wait mode
     * @throws IllegalArgumentException naming the key, the value and the accepted values
     */
    private static WaitMode waitMode(String text, PipelineLayout layout) {
        if (text.trim().equalsIgnoreCase("auto")) {
            return layout.defaultWaitStrategy();
        }
        try {
            return WaitMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wait.strategy '" + text
                    + "' must be auto, busy-spin, yielding, sleeping, blocking or phased", e);
        }
    }

    /**
     * Reads settings from configuration properties (values may be strings, numbers or booleans; blank = default).
     *
     * @param properties the properties
     * @return the settings
     * @throws IllegalArgumentException naming the key, the bad value and what is expected
     */
    public static PipelineConfig from(Map<String, ?> properties) {
        String dir = string(properties, "journal.dir");
        if (dir == null) {
            throw new IllegalArgumentException("journal.dir is required");
        }
        Path journalDir;
        try {
            journalDir = Path.of(dir);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("journal.dir '" + dir + "' is not a valid path: " + e.getMessage(), e);
        }
        PipelineConfig d = defaults(journalDir);
        String layoutText = string(properties, "pipeline.layout");
        PipelineLayout layout = PipelineLayout.parse(layoutText == null ? DEFAULT_LAYOUT : layoutText);
        String wait = string(properties, "wait.strategy");
        String fsync = string(properties, "journal.fsync");
        return new PipelineConfig(
                (int) integer(properties, "ring.size", d.ringSize(), Integer.MAX_VALUE),
                waitMode(wait == null ? DEFAULT_WAIT_STRATEGY : wait, layout),
                Duration.ofMillis(integer(properties, "idle.tick.ms", d.idleTick().toMillis(), Long.MAX_VALUE)),
                journalDir,
                fsync == null ? d.fsync() : FsyncPolicy.parse(fsync),
                Duration.ofMillis(integer(properties, "journal.fsync.period.ms", d.fsyncPeriod().toMillis(),
                        Long.MAX_VALUE)),
                size(properties, "journal.segment.size", d.segmentBytes()),
                Duration.ofMinutes(integer(properties, "snapshot.interval.minutes", d.snapshotInterval().toMinutes(),
                        1_000_000)),
                (int) integer(properties, "snapshot.keep", d.snapshotsKept(), Integer.MAX_VALUE),
                bool(properties, "journal.delete.before.snapshot", d.deleteJournalBeforeSnapshot()),
                (int) integer(properties, "pin.journal", d.pinJournal(), Integer.MAX_VALUE),
                (int) integer(properties, "pin.business", d.pinBusiness(), Integer.MAX_VALUE),
                (int) integer(properties, "pin.publish", d.pinPublish(), Integer.MAX_VALUE),
                layout);
    }

    /**
     * @param interval scheduled snapshot period, {@link Duration#ZERO} = off
     * @return a copy with that interval
     */
    public PipelineConfig withSnapshotInterval(Duration interval) {
        return new PipelineConfig(ringSize, waitStrategy, idleTick, journalDir, fsync, fsyncPeriod, segmentBytes,
                interval, snapshotsKept, deleteJournalBeforeSnapshot, pinJournal, pinBusiness, pinPublish, layout);
    }

    /** @return the wake-up period of idle threads: the idle tick, or the PERIODIC fsync period if shorter */
    public Duration effectiveIdleTick() {
        return fsync == FsyncPolicy.PERIODIC && fsyncPeriod.compareTo(idleTick) < 0 ? fsyncPeriod : idleTick;
    }

    /** @return the journal writer's settings */
    public JournalWriter.Options journalOptions() {
        return new JournalWriter.Options(fsync, fsyncPeriod.toMillis(), segmentBytes,
                JournalWriter.Options.DEFAULT_BUFFER_BYTES);
    }

    private static String string(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static long integer(Map<String, ?> properties, String key, long fallback, long max) {
        Object value = properties.get(key);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return check(key, ((Number) value).longValue(), max);
        }
        String text = string(properties, key);
        if (text == null) {
            return fallback;
        }
        try {
            return check(key, Long.parseLong(text), max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a whole number", e);
        }
    }

    private static long check(String key, long value, long max) {
        if (value > max || value < -max - 1) {
            throw new IllegalArgumentException(key + " " + value + " is out of range");
        }
        return value;
    }

    private static long size(Map<String, ?> properties, String key, long fallback) {
        Object value = properties.get(key);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        String text = string(properties, key);
        return text == null ? fallback : parseSize(key, text);
    }

    private static long parseSize(String key, String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] suffix : new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"},
                {"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1024"}, {"m", "1048576"},
                {"g", "1073741824"}, {"b", "1"}}) {
            if (lower.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                lower = lower.substring(0, lower.length() - suffix[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(lower), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a size in bytes (e.g. 268435456, 256m,"
                    + " 1g)", e);
        }
    }

    private static boolean bool(Map<String, ?> properties, String key, boolean fallback) {
        Object value = properties.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        String text = string(properties, key);
        if (text == null) {
            return fallback;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " '" + text + "' is not true or false");
    }
}
