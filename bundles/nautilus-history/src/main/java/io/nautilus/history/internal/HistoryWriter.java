package io.nautilus.history.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalGapException;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.core.api.PositionView;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.internal.db.Databases;
import io.nautilus.history.internal.db.RowSink;
import io.nautilus.history.internal.db.SchemaException;
import io.nautilus.history.internal.db.SchemaMigrator;
import io.nautilus.history.internal.db.Timescale;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes what the core published off the trading path and writes it to the history database: one {@code orders} row
 * per execution report, one {@code fills} row per fill, one {@code instruments} / {@code accounts} row per
 * definition, plus completed bars, position snapshots, alerts and notification records handed to it by the store.
 *
 * <p><b>Hand-off.</b> Producers (the core's publish thread, the market-data engine, the position sampler, alert
 * and notification record senders) only offer to one bounded queue and never block. When it is full the item is dropped and counted; a
 * dropped command result marks the store behind from its seq ({@code store_progress.behind_from_seq}).
 *
 * <p><b>Writing.</b> The writer's own thread first migrates the schema (a schema it refuses disables the store),
 * then drains the queue in batches: the rows go through the {@link RowSink}, and the progress row (the core seq
 * written up to) is updated in the same transaction. A database error rolls the batch back, is logged once per
 * outage, counted, and retried with exponential back-off while the queue keeps taking (or dropping) items.
 *
 * <p><b>Idempotent by seq.</b> Results and definitions at or below the written seq are skipped (the results and
 * definitions of the written seq itself are told apart by kind and id), so a replay, a restart or an item offered
 * twice never writes a seq twice. Bars are keyed by instrument, interval and start and replace an earlier row.
 *
 * <p><b>Catch-up.</b> The journal is the truth: at start (everything after the written seq up to the journal's
 * durable end), before the first live result if it is not the next one the store expects, and whenever results
 * were dropped, the writer replays the missing seqs from {@link JournalHistory} on its own thread, writes them in
 * batches, and then carries on with the queue, skipping what the replay wrote. It keeps the journal's hold
 * {@value #HOLDER} at the written seq. Seqs the journal no longer holds are logged once as an ERROR, recorded in
 * {@code journal_gaps}, and the store carries on from the first seq the journal has.
 */
public final class HistoryWriter implements CommandResultListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    /** The {@code store_progress} row of the core's results. */
    public static final String STREAM = "core-results";

    /** The name of the writer's hold on the core's journal. */
    public static final String HOLDER = "history";

    /** How long a commit must be old before the journal hold moves past it (see {@link #advanceHold()}). */
    static final long HOLD_DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** {@link HistoryStatus#behindFromSeq()} while no result has been dropped. */
    public static final long NOT_BEHIND = 0;

    private static final String SELECT_PROGRESS = "SELECT core_seq, exec_id, behind_from_seq FROM store_progress"
            + " WHERE stream = ?";
    private static final String UPDATE_PROGRESS = "UPDATE store_progress SET core_seq = ?, exec_id = ?,"
            + " behind_from_seq = ?, updated_at = ? WHERE stream = ?";
    private static final String DELETE_BAR = "DELETE FROM bars WHERE instrument = ? AND bar_interval = ?"
            + " AND start_nanos = ?";
    private static final String INSERT_GAP = "INSERT INTO journal_gaps (from_seq, to_seq, reason, noticed_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String RESULT_KEY = "R";
    /** The most items one transaction takes when the writer is behind, unless the batch size is larger. */
    static final int MAX_CATCH_UP_BATCH = 65_536;
    /** How many times the batch size a transaction takes when the writer is behind. */
    private static final int CATCH_UP_FACTOR = 16;
    private static final int MAX_ERROR_CHARS = 500;

    private final DataSource dataSource;
    private final RowSink sink;
    private final WriterSettings settings;
    private final CoreLink core;
    private final SchemaMigrator migrator;
    private final String database;
    private final ArrayBlockingQueue<Item> queue;
    private final Thread thread;
    private final Object dropLock = new Object();
    private final int catchUpBatch;

    /** Guarded by {@link #dropLock}: the first and the last seq dropped since the last catch-up, 0 if none. */
    private long firstDropped = NOT_BEHIND;
    private long lastDropped = NOT_BEHIND;
    private long firstDropAtNanos;

    /** Commits not yet old enough to hold the journal at: {commit nanoTime, seq}; writer thread only. */
    private final ArrayDeque<long[]> committedHolds = new ArrayDeque<>();
    private volatile boolean running;
    private volatile boolean closed;
    private volatile String state = "STOPPED";
    private volatile String disabledReason;
    private volatile int schemaVersion;
    private volatile long handedSeq;
    private volatile long writtenSeq;
    private volatile long persistedBehind = NOT_BEHIND;
    private volatile long oldestInFlightNanos;
    private volatile long rowsWritten;
    private volatile long dropped;
    private volatile long catchUps;
    private volatile long errors;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /** Owned by the writer thread from here on. */
    private Connection connection;
    private volatile boolean ready;
    private boolean startCatchUpPending = true;
    private boolean liveChecked;
    private long liveGapTo;
    private long writtenExecId;
    private Set<String> writtenKeys = new HashSet<>();
    private boolean outage;
    private boolean timescaleChecked;
    private boolean preparedBefore;
    /** Set by a failure: the progress row is read again before writing, in case the last commits were lost. */
    private boolean reread;
    private final Map<InstrumentId, int[]> definedScales = new HashMap<>();

    /**
     * Creates a writer; {@link #start()} starts its thread.
     *
     * @param dataSource the history database
     * @param sink       how rows reach it
     * @param migrator   the schema migrations to apply (or refuse the database with) before writing
     * @param settings   queue capacity, batch size and retry back-off
     * @param core       instrument and money scales and the journal, each possibly absent
     * @param database   which database, without credentials, for the status
     */
    public HistoryWriter(DataSource dataSource, RowSink sink, SchemaMigrator migrator, WriterSettings settings,
                         CoreLink core, String database) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.core = Objects.requireNonNull(core, "core");
        this.database = Objects.requireNonNull(database, "database");
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.catchUpBatch = Math.max(settings.batchSize(),
                (int) Math.min((long) settings.batchSize() * CATCH_UP_FACTOR, MAX_CATCH_UP_BATCH));
        this.thread = new Thread(this::run, "nautilus-history-writer");
        this.thread.setDaemon(true);
    }

    /** Starts the writer thread: it migrates the schema, catches up from the journal, then writes the queue. */
    public void start() {
        running = true;
        state = "RUNNING";
        thread.start();
    }

    // ---- producers: never block

    /**
     * Hands a command result to the writer without blocking; a full hand-off drops it and marks the store behind.
     *
     * @param result the result, with its seq
     */
    @Override
    public void onCommandResult(CommandResult result) {
        offerSeq(new ResultItem(result, System.nanoTime()), result.seq());
    }

    /**
     * Hands an instrument definition to the writer without blocking.
     *
     * @param seq            the defining command's seq
     * @param timestampNanos the command's time
     * @param instrument     the definition
     */
    @Override
    public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
        offerSeq(new InstrumentItem(seq, timestampNanos, instrument, System.nanoTime()), seq);
    }

    /**
     * Hands an account definition to the writer without blocking.
     *
     * @param seq            the defining command's seq
     * @param timestampNanos the command's time
     * @param account        the account
     * @param capital        its capital at the core's money scale
     */
    @Override
    public void onAccountDefined(long seq, long timestampNanos, AccountView account, long capital) {
        offerSeq(new AccountItem(seq, timestampNanos, account, capital, System.nanoTime()), seq);
    }

    /**
     * Hands a completed bar to the writer without blocking.
     *
     * @param interval the bar spec, e.g. {@code time:1m}
     * @param bar      the bar
     * @return false if the hand-off was full or the store is not writing (the bar is not kept)
     */
    public boolean offerBar(String interval, Bar bar) {
        return offer(new BarItem(interval, bar, System.nanoTime()));
    }

    /**
     * Hands an alert to the writer without blocking.
     *
     * @param alert the alert
     * @return false if the hand-off was full or the store is not writing (the alert is not kept)
     */
    public boolean offerAlert(Alert alert) {
        return offer(new AlertItem(Objects.requireNonNull(alert, "alert"), System.nanoTime()));
    }

    /**
     * Hands a notification record (what the notification engine did with an incident) to the writer without
     * blocking.
     *
     * @param record the record; its id is ignored (the database assigns one)
     * @return false if the hand-off was full or the store is not writing (the record is not kept)
     */
    public boolean offerNotification(NotificationRecord record) {
        return offer(new NotificationItem(Objects.requireNonNull(record, "record"), System.nanoTime()));
    }

    /**
     * Hands a sample of the core's positions to the writer without blocking.
     *
     * @param timeNanos when it was taken, nanoseconds since the epoch
     * @param positions the positions
     * @return false if the hand-off was full or the store is not writing
     */
    public boolean offerPositions(long timeNanos, List<PositionView> positions) {
        return offer(new PositionsItem(timeNanos, handedSeq, List.copyOf(positions), System.nanoTime()));
    }

    private boolean offer(Item item) {
        if (closed || disabledReason != null) {
            return false;
        }
        if (queue.offer(item)) {
            return true;
        }
        synchronized (dropLock) {
            dropped++;
        }
        return false;
    }

    private void offerSeq(Item item, long seq) {
        if (closed || disabledReason != null) {
            return;
        }
        if (seq > handedSeq) {
            handedSeq = seq;
        }
        if (queue.offer(item)) {
            return;
        }
        synchronized (dropLock) {
            dropped++;
            if (firstDropped == NOT_BEHIND) {
                firstDropped = seq;
                firstDropAtNanos = item.handedAt();
            }
            lastDropped = Math.max(lastDropped, seq);
        }
    }

    // ---- status

    /**
     * How the writer is doing.
     *
     * @return a snapshot of its state and counters
     */
    public HistoryStatus status() {
        long now = System.nanoTime();
        long behind;
        long dropAt;
        synchronized (dropLock) {
            behind = firstDropped;
            dropAt = firstDropAtNanos;
        }
        boolean droppedNow = behind != NOT_BEHIND;
        if (behind == NOT_BEHIND || (persistedBehind != NOT_BEHIND && persistedBehind < behind)) {
            behind = persistedBehind;
        }
        long oldest = oldestInFlightNanos;
        Item head = queue.peek();
        if (head != null && (oldest == 0 || head.handedAt() - oldest < 0)) {
            oldest = head.handedAt();
        }
        if (droppedNow && (oldest == 0 || dropAt - oldest < 0)) {
            oldest = dropAt;
        }
        long written = writtenSeq;
        long coreSeq = Math.max(handedSeq, written);
        return new HistoryStatus(state, database, schemaVersion, coreSeq, written, Math.max(0, coreSeq - written),
                oldest == 0 ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - oldest)), behind, queue.size(),
                rowsWritten, dropped, catchUps, errors, disabledReason != null ? disabledReason : lastError,
                lastErrorAt);
    }

    /** @return why the writer does not write (the schema was refused), or {@code null} */
    public String disabledReason() {
        return disabledReason;
    }

    /** @return true once the schema is current and the progress row read */
    public boolean ready() {
        return ready;
    }

    private long firstDroppedNow() {
        synchronized (dropLock) {
            return firstDropped;
        }
    }

    /**
     * Stops the writer: it writes what is queued if the database lets it within the settings' stop timeout, then
     * closes its connection. Idempotent. The journal hold stays (a restarted store sets it again).
     */
    @Override
    public void close() {
        running = false;
        closed = true;
        if (thread.isAlive()) {
            try {
                thread.join(settings.stopTimeout().toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(settings.stopTimeout().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (disabledReason == null) {
            state = "STOPPED";
        }
    }

    // ---- the writer thread

    private void run() {
        List<Item> batch = new ArrayList<>(settings.batchSize());
        long backoff = settings.retryMin().toMillis();
        try {
            while (true) {
                try {
                    if (!ready || reread) {
                        prepare();
                    }
                    if (batch.isEmpty()) {
                        advanceHold();
                        Item first = queue.poll(20, TimeUnit.MILLISECONDS);
                        if (first != null) {
                            batch.add(first);
                            queue.drainTo(batch, settings.batchSize() - 1);
                            if (queue.size() >= settings.batchSize()) {
                                queue.drainTo(batch, catchUpBatch - batch.size());
                            }
                            oldestInFlightNanos = first.handedAt();
                        }
                    }
                    if (!catchUpIfWanted(batch)) {
                        Thread.sleep(settings.retryMin().toMillis());
                        continue;
                    }
                    if (!batch.isEmpty()) {
                        write(batch);
                        batch.clear();
                        oldestInFlightNanos = 0;
                    } else if (!running) {
                        return;
                    } else if (persistedBehind != firstDroppedNow() && firstDroppedNow() != NOT_BEHIND) {
                        write(batch);
                    }
                    recovered();
                    backoff = settings.retryMin().toMillis();
                } catch (SchemaException e) {
                    disable(e.getMessage());
                    return;
                } catch (SQLException | IOException | RuntimeException e) {
                    fail(e);
                    if (!running && batch.isEmpty() && queue.isEmpty()) {
                        return;
                    }
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
                }
            }
        } catch (InterruptedException e) {
            LOG.warn("history store: writer stopped with {} items unwritten (caught up from the journal at the next"
                    + " start)", queue.size() + batch.size());
        } finally {
            closeConnection();
        }
    }

    private void prepare() throws SQLException {
        migrator.migrate(dataSource);
        if (!timescaleChecked) {
            boolean postgres;
            try (Connection probe = dataSource.getConnection()) {
                postgres = "PostgreSQL".equals(probe.getMetaData().getDatabaseProductName());
            }
            if (postgres) {
                Timescale.apply(dataSource, Timescale.HISTORY);
            }
            timescaleChecked = true;
        }
        Connection c = connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT MAX(version) FROM schema_version")) {
            schemaVersion = rs.next() ? rs.getInt(1) : 0;
        }
        long hadWritten = writtenSeq;
        try (PreparedStatement p = c.prepareStatement(SELECT_PROGRESS)) {
            p.setString(1, STREAM);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("store_progress has no row for stream " + STREAM
                            + "; the schema was not migrated");
                }
                writtenSeq = rs.getLong(1);
                writtenExecId = rs.getLong(2);
                long behind = rs.getLong(3);
                persistedBehind = rs.wasNull() ? NOT_BEHIND : behind;
            }
        }
        writtenKeys = keysAt(c, writtenSeq);
        definedScales.clear();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT instrument, price_scale, qty_scale FROM instruments ORDER BY core_seq")) {
            while (rs.next()) {
                definedScales.put(InstrumentId.of(rs.getString(1)), new int[] {rs.getInt(2), rs.getInt(3)});
            }
        }
        c.commit();
        if (persistedBehind != NOT_BEHIND) {
            synchronized (dropLock) {
                if (firstDropped == NOT_BEHIND || persistedBehind < firstDropped) {
                    firstDropped = persistedBehind;
                    firstDropAtNanos = System.nanoTime();
                }
                lastDropped = Math.max(lastDropped, persistedBehind);
            }
        }
        if (preparedBefore && writtenSeq < hadWritten) {
            startCatchUpPending = true;
            LOG.warn("history store: {} holds results up to core seq {} only, but seq {} had been committed: its"
                    + " last commits were lost (synchronous_commit = off and a server crash, or a restore);"
                    + " catching them up from the core's journal", database, writtenSeq, hadWritten);
        }
        preparedBefore = true;
        reread = false;
        ready = true;
        hold();
        LOG.info("history store: {} at schema version {}, written up to core seq {}{}", database, schemaVersion,
                writtenSeq, persistedBehind == NOT_BEHIND ? "" : ", behind from seq " + persistedBehind);
    }

    private static Set<String> keysAt(Connection c, long seq) throws SQLException {
        Set<String> keys = new HashSet<>();
        if (seq <= 0) {
            return keys;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM orders WHERE core_seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    keys.add(RESULT_KEY);
                }
            }
        }
        for (String[] t : new String[][] {{"instruments", "instrument", "I:"}, {"accounts", "account", "A:"}}) {
            try (PreparedStatement p = c.prepareStatement("SELECT " + t[1] + " FROM " + t[0]
                    + " WHERE core_seq = ?")) {
                p.setLong(1, seq);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        keys.add(t[2] + rs.getString(1));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Replays from the journal what the store is missing, if anything.
     *
     * @param batch the batch about to be written (its first result tells whether live results started later than
     *              the written seq)
     * @return true if the batch may be written; false if the journal does not yet reach the missing seqs
     */
    private boolean catchUpIfWanted(List<Item> batch) throws SQLException, IOException {
        if (!liveChecked) {
            for (Item item : batch) {
                if (item.seq() > 0) {
                    liveChecked = true;
                    if (item.seq() - 1 > writtenSeq) {
                        liveGapTo = item.seq() - 1;
                    }
                    break;
                }
            }
        }
        long dropTo;
        synchronized (dropLock) {
            dropTo = firstDropped == NOT_BEHIND ? 0 : lastDropped;
        }
        JournalHistory journal = core.journal();
        if (journal == null) {
            liveGapTo = 0;
            if (dropTo != 0 && !holdsSeqBefore(batch, firstDroppedNow())) {
                recordLostDrops(dropTo);
            }
            return true;
        }
        long need = Math.max(liveGapTo, dropTo);
        if (need <= writtenSeq) {
            if (dropTo != 0) {
                clearBehind(dropTo);
            }
            liveGapTo = 0;
            if (!startCatchUpPending) {
                return true;
            }
            long durable = journal.durableSeq();
            if (durable <= writtenSeq) {
                startCatchUpPending = false;
                if (durable < writtenSeq) {
                    LOG.error("history store: the core's journal ends at seq {}, before seq {} the store has written"
                            + " up to: the journal was reset or is another one; results up to seq {} are taken as"
                            + " written (use a new history folder or database for a new journal)", durable,
                            writtenSeq, writtenSeq);
                }
                return true;
            }
        }
        state = "CATCHING_UP";
        long replayed = replay(journal);
        startCatchUpPending = false;
        state = "RUNNING";
        if (replayed >= need) {
            if (dropTo != 0) {
                clearBehind(dropTo);
            }
            liveGapTo = 0;
            return true;
        }
        return false;
    }

    private static boolean holdsSeqBefore(List<Item> batch, long seq) {
        for (Item item : batch) {
            if (item.seq() > 0 && item.seq() < seq) {
                return true;
            }
        }
        return false;
    }

    private long replay(JournalHistory journal) throws SQLException, IOException {
        long from = writtenSeq;
        ReplayBatcher batcher = new ReplayBatcher();
        long last;
        try {
            last = journal.replay(from, Long.MAX_VALUE, batcher);
        } catch (JournalGapException e) {
            batcher.flush();
            batcher.rethrow();
            long first = e.firstAvailableSeq();
            if (first - 1 <= writtenSeq) {
                throw e;
            }
            recordGap(writtenSeq + 1, first - 1, "the core's journal no longer holds them");
            from = writtenSeq;
            last = journal.replay(from, Long.MAX_VALUE, batcher);
        }
        batcher.flush();
        batcher.rethrow();
        catchUps++;
        if (last > writtenSeq) {
            write(List.of(), last);
        }
        LOG.info("history store: caught up from the core's journal, seqs {} to {} ({} results and definitions)",
                from + 1, Math.max(from, last), batcher.items);
        return Math.max(last, writtenSeq);
    }

    /** Collects replayed results in batches and writes each on the calling (writer) thread. */
    private final class ReplayBatcher implements CommandResultListener {
        private final List<Item> pending = new ArrayList<>(catchUpBatch);
        private Exception failure;
        private long items;

        @Override
        public void onCommandResult(CommandResult result) {
            add(new ResultItem(result, System.nanoTime()));
        }

        @Override
        public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
            add(new InstrumentItem(seq, timestampNanos, instrument, System.nanoTime()));
        }

        @Override
        public void onAccountDefined(long seq, long timestampNanos, AccountView account, long capital) {
            add(new AccountItem(seq, timestampNanos, account, capital, System.nanoTime()));
        }

        private void add(Item item) {
            if (failure != null) {
                return;
            }
            items++;
            pending.add(item);
            if (pending.size() >= catchUpBatch) {
                flush();
            }
        }

        void flush() {
            if (failure != null || pending.isEmpty()) {
                return;
            }
            try {
                write(pending);
                pending.clear();
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
        }

        void rethrow() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
        }
    }

    private void clearBehind(long dropTo) throws SQLException {
        synchronized (dropLock) {
            if (lastDropped == dropTo) {
                firstDropped = NOT_BEHIND;
                lastDropped = NOT_BEHIND;
            }
        }
        if (persistedBehind != NOT_BEHIND) {
            write(List.of(), writtenSeq);
        }
    }

    private void recordLostDrops(long dropTo) throws SQLException {
        long from;
        synchronized (dropLock) {
            from = firstDropped;
        }
        recordGap(from, dropTo, "dropped from the full hand-off while no journal was there to catch up from");
        clearBehind(dropTo);
    }

    private void recordGap(long from, long to, String reason) throws SQLException {
        Connection c = connection();
        try (PreparedStatement p = c.prepareStatement(INSERT_GAP)) {
            p.setLong(1, from);
            p.setLong(2, to);
            p.setString(3, reason);
            p.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            p.executeUpdate();
        }
        long newWritten = Math.max(writtenSeq, to);
        updateProgress(c, newWritten, writtenExecId, firstDroppedNow());
        c.commit();
        if (newWritten > writtenSeq) {
            writtenKeys = new HashSet<>();
        }
        writtenSeq = newWritten;
        LOG.error("history store: core seqs {} to {} are missing from the history store ({}); recorded in"
                + " journal_gaps, carrying on from seq {}", from, to, reason, to + 1);
    }

    private void write(List<Item> batch) throws SQLException {
        write(batch, writtenSeq);
    }

    /**
     * Writes a batch and the progress row in one transaction.
     *
     * @param batch     the items, seq items in seq order
     * @param atLeastTo the seq the progress row moves to even when no item reaches it
     */
    private void write(List<Item> batch, long atLeastTo) throws SQLException {
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> fills = new ArrayList<>();
        List<Object[]> instruments = new ArrayList<>();
        List<Object[]> accounts = new ArrayList<>();
        Map<List<Object>, Object[]> bars = new LinkedHashMap<>();
        List<Object[]> positions = new ArrayList<>();
        List<Object[]> alerts = new ArrayList<>();
        List<Object[]> notifications = new ArrayList<>();
        long lastSeq = writtenSeq;
        long lastExecId = writtenExecId;
        Set<String> keysAtLast = new HashSet<>(writtenKeys);
        for (Item item : batch) {
            long seq = item.seq();
            if (seq > 0) {
                String key = item.key();
                if (seq < lastSeq || (seq == lastSeq && keysAtLast.contains(key))) {
                    continue;
                }
                if (seq > lastSeq) {
                    keysAtLast = new HashSet<>();
                    lastSeq = seq;
                }
                keysAtLast.add(key);
            }
            if (item instanceof ResultItem r) {
                for (ExecutionReport report : r.result().reports()) {
                    int ps = priceScale(report.instrument());
                    int qs = quantityScale(report.instrument());
                    orders.add(HistoryTables.order(seq, report, ps, qs));
                    if (report.isFill()) {
                        fills.add(HistoryTables.fill(seq, report, ps, qs));
                    }
                    lastExecId = Math.max(lastExecId, report.execId());
                }
            } else if (item instanceof InstrumentItem i) {
                instruments.add(HistoryTables.instrument(seq, i.timestampNanos(), i.instrument()));
                definedScales.put(i.instrument().id(),
                        new int[] {i.instrument().priceScale(), i.instrument().quantityScale()});
            } else if (item instanceof AccountItem a) {
                accounts.add(HistoryTables.account(seq, a.timestampNanos(), a.account(), a.capital(),
                        core.moneyScale()));
            } else if (item instanceof BarItem b) {
                Bar bar = b.bar();
                bars.put(List.of(bar.instrument().value(), b.interval(), bar.startNanos()),
                        HistoryTables.bar(b.interval(), bar, priceScale(bar.instrument()),
                                quantityScale(bar.instrument())));
            } else if (item instanceof PositionsItem p) {
                for (PositionView view : p.positions()) {
                    positions.add(HistoryTables.position(p.timeNanos(), p.coreSeq(), view,
                            priceScale(view.instrument()), quantityScale(view.instrument())));
                }
            } else if (item instanceof AlertItem a) {
                alerts.add(HistoryTables.alert(a.alert()));
            } else if (item instanceof NotificationItem n) {
                notifications.add(HistoryTables.notification(n.record()));
            }
        }
        if (atLeastTo > lastSeq) {
            lastSeq = atLeastTo;
            keysAtLast = new HashSet<>();
        }
        long behind = firstDroppedNow();
        int rows = orders.size() + fills.size() + instruments.size() + accounts.size() + bars.size()
                + positions.size() + alerts.size() + notifications.size();
        if (rows == 0 && lastSeq == writtenSeq && behind == persistedBehind) {
            return;
        }
        Connection c = connection();
        sink.write(c, HistoryTables.INSTRUMENTS, instruments);
        sink.write(c, HistoryTables.ACCOUNTS, accounts);
        sink.write(c, HistoryTables.ORDERS, orders);
        sink.write(c, HistoryTables.FILLS, fills);
        if (!bars.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement(DELETE_BAR)) {
                for (List<Object> key : bars.keySet()) {
                    p.setString(1, (String) key.get(0));
                    p.setString(2, (String) key.get(1));
                    p.setLong(3, (Long) key.get(2));
                    p.addBatch();
                }
                p.executeBatch();
            }
            sink.write(c, HistoryTables.BARS, new ArrayList<>(bars.values()));
        }
        sink.write(c, HistoryTables.POSITIONS, positions);
        sink.write(c, HistoryTables.ALERTS, alerts);
        sink.write(c, HistoryTables.NOTIFICATIONS, notifications);
        updateProgress(c, lastSeq, lastExecId, behind);
        c.commit();
        rowsWritten += rows;
        writtenExecId = lastExecId;
        writtenKeys = keysAtLast;
        persistedBehind = behind;
        if (lastSeq != writtenSeq) {
            writtenSeq = lastSeq;
            committedHolds.addLast(new long[] {System.nanoTime(), lastSeq});
            advanceHold();
        }
    }

    private void updateProgress(Connection c, long seq, long execId, long behind) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(UPDATE_PROGRESS)) {
            p.setLong(1, seq);
            p.setLong(2, execId);
            if (behind == NOT_BEHIND) {
                p.setNull(3, Types.BIGINT);
            } else {
                p.setLong(3, behind);
            }
            p.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            p.setString(5, STREAM);
            if (p.executeUpdate() != 1) {
                throw new SQLException("store_progress has no row for stream " + STREAM);
            }
        }
    }

    /**
     * Moves the journal hold to the newest seq committed at least {@link #HOLD_DELAY_NANOS} ago: a commit is not
     * on disk at once everywhere (H2 writes its file up to 500 ms after a commit; PostgreSQL with
     * {@code synchronous_commit = off} up to three WAL writer delays), and a {@code kill -9} in between undoes it.
     * Were the hold already past it, the core could delete the journal segment the catch-up then needs.
     */
    private void advanceHold() {
        long now = System.nanoTime();
        long seq = -1;
        while (!committedHolds.isEmpty() && now - committedHolds.peekFirst()[0] >= HOLD_DELAY_NANOS) {
            seq = committedHolds.pollFirst()[1];
        }
        if (seq >= 0) {
            setHold(seq);
        }
    }

    /** Holds the journal at the written seq as read back from the database (durable). */
    private void hold() {
        committedHolds.clear();
        setHold(writtenSeq);
    }

    private void setHold(long seq) {
        JournalHistory journal = core.journal();
        if (journal != null) {
            try {
                journal.hold(HOLDER, seq);
            } catch (RuntimeException e) {
                LOG.debug("history store: cannot set the journal hold", e);
            }
        }
    }

    private int priceScale(InstrumentId instrument) {
        int[] scales = definedScales.get(instrument);
        return scales != null ? scales[0] : core.priceScale(instrument);
    }

    private int quantityScale(InstrumentId instrument) {
        int[] scales = definedScales.get(instrument);
        return scales != null ? scales[1] : core.quantityScale(instrument);
    }

    private void fail(Exception e) {
        String message = oneLine(e);
        lastError = message;
        lastErrorAt = Instant.now();
        errors++;
        LOG.debug("history store: attempt {} failed", errors, e);
        if (!outage) {
            outage = true;
            LOG.error("history store: cannot {}: {}; retrying with back-off up to {} ms, trading goes on"
                    + " (results wait in the hand-off or are caught up from the journal)",
                    e instanceof IOException ? "catch up from the core's journal" : "write to " + database, message,
                    settings.retryMax().toMillis());
        }
        state = "RETRYING";
        reread = true;
        discardConnection();
    }

    private void recovered() {
        if (outage) {
            outage = false;
            LOG.info("history store: writing to {} again after {} failed attempt(s) in all", database, errors);
        }
        if ("RETRYING".equals(state)) {
            state = "RUNNING";
        }
    }

    private void disable(String reason) {
        try {
            schemaVersion = storedVersion();
        } catch (SQLException e) {
            LOG.debug("history store: cannot read the schema version", e);
        }
        disabledReason = reason;
        state = "DISABLED";
        queue.clear();
        LOG.error("history store DISABLED: {}; trading goes on without history", reason);
    }

    private int storedVersion() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * The error as {@code lastError} and the log show it: one line of at most {@value #MAX_ERROR_CHARS}
     * characters. H2's {@code ; SQL statement: ...} tail is cut; a JDBC batch error (pgjdbc repeats the whole
     * statement in it) is replaced by the reason of the batch entry that failed ({@link Databases#reason}); the
     * lines of a PostgreSQL error ({@code Detail:}, {@code Where:}) are joined.
     *
     * @param e a database or journal error
     * @return one line, or the error's class name if it has no message
     */
    static String oneLine(Exception e) {
        String message;
        if (e instanceof BatchUpdateException b && b.getNextException() != null) {
            message = Databases.reason(b.getNextException());
        } else {
            message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
        }
        int statement = message.indexOf("; SQL statement:");
        if (statement >= 0) {
            message = message.substring(0, statement);
        }
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return message.length() <= MAX_ERROR_CHARS ? message : message.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    /** Rolls back and gives up the connection after a failure; a pool drops it rather than handing it out again. */
    private void discardConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is given up below
        }
        try {
            if (dataSource.isWrapperFor(Databases.Pool.class)) {
                dataSource.unwrap(Databases.Pool.class).evict(connection);
                connection = null;
                return;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("history store: cannot evict the failed connection from the pool", e);
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("history store: closing the connection failed", e);
            }
            connection = null;
        }
    }

    // ---- hand-off items

    private interface Item {
        /** @return when it was handed off, {@link System#nanoTime()} */
        long handedAt();

        /** @return its core seq, 0 if it has none */
        default long seq() {
            return 0;
        }

        /** @return what it is within its seq */
        default String key() {
            return "";
        }
    }

    private record ResultItem(CommandResult result, long handedAt) implements Item {
        @Override
        public long seq() {
            return result.seq();
        }

        @Override
        public String key() {
            return RESULT_KEY;
        }
    }

    private record InstrumentItem(long seq, long timestampNanos, Instrument instrument, long handedAt)
            implements Item {
        @Override
        public String key() {
            return "I:" + instrument.id().value();
        }
    }

    private record AccountItem(long seq, long timestampNanos, AccountView account, long capital, long handedAt)
            implements Item {
        @Override
        public String key() {
            return "A:" + account.account().value();
        }
    }

    private record BarItem(String interval, Bar bar, long handedAt) implements Item {
    }

    private record AlertItem(Alert alert, long handedAt) implements Item {
    }

    private record NotificationItem(NotificationRecord record, long handedAt) implements Item {
    }

    private record PositionsItem(long timeNanos, long coreSeq, List<PositionView> positions, long handedAt)
            implements Item {
    }
}
