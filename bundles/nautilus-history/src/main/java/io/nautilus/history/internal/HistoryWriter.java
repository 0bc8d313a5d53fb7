package io.nautilus.history.internal;

import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.history.api.OrderEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the core's execution reports off the trading path and writes them to the history database: one
 * {@code orders} row per report, one {@code fills} row per fill.
 *
 * <p>The producer (the core's publish thread) only offers to a bounded queue and never blocks: when the queue is
 * full the report is dropped, counted, and the store is marked behind from the first dropped core sequence number,
 * which is persisted in {@code store_progress.behind_from_seq} so that a catch-up from the core's journal can fill
 * the gap. The writer's own thread drains the queue in batches: JDBC batch inserts and the progress row in one
 * transaction per batch. A database error rolls the batch back, is counted and kept as the last error, and the
 * batch is retried with exponential back-off while the queue keeps taking (or dropping) reports.
 *
 * <p>Idempotent by core sequence number: a batch skips every report at or below the progress row's exec id (which
 * increases with the core sequence number), and {@code (core_seq, exec_id)} is each table's primary key, so a
 * report offered again (after a restart or a catch-up) is never written twice.
 *
 * <p>Execution reports do not carry the core sequence number; the core numbers their exec ids
 * {@code seq * }{@value #EXEC_IDS_PER_SEQ}{@code  + n} (n = 1, 2, ... within the command), so
 * {@link #coreSeq(ExecutionReport)} derives it. A command with more reports than that range holds moves its later
 * exec ids into the next seq's range, so their derived seq is one higher than the true one (still increasing).
 */
public final class HistoryWriter implements ExecutionReportListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    /** The {@code store_progress} row of execution reports. */
    public static final String STREAM = "execution-reports";

    /** Exec ids the core gives each command's reports. */
    public static final long EXEC_IDS_PER_SEQ = 65_536;

    /** {@link Stats#behindFromSeq()} while no report has been dropped. */
    public static final long NOT_BEHIND = 0;

    private static final String INSERT_ORDER = "INSERT INTO orders (core_seq, exec_id, order_id, client_order_id,"
            + " orig_client_order_id, account, strategy, instrument, venue, side, order_type, time_in_force,"
            + " exec_type, status, reject_reason, cancel_reason, report_text, last_qty, last_price, cum_qty,"
            + " leaves_qty, avg_price, price_scale, qty_scale, liquidity, event_time_nanos, event_time)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_FILL = "INSERT INTO fills (core_seq, exec_id, order_id, client_order_id,"
            + " account, strategy, instrument, side, price, qty, price_scale, qty_scale, liquidity, venue,"
            + " fill_time_nanos, fill_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_PROGRESS = "UPDATE store_progress SET core_seq = ?, exec_id = ?,"
            + " behind_from_seq = COALESCE(behind_from_seq, ?), updated_at = ? WHERE stream = ?";
    private static final String SELECT_PROGRESS = "SELECT core_seq, exec_id, behind_from_seq FROM store_progress"
            + " WHERE stream = ?";
    private static final int TEXT_MAX = 1000;

    private final DataSource dataSource;
    private final InstrumentScales scales;
    private final WriterSettings settings;
    private final ArrayBlockingQueue<Sequenced> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong behindFromSeq = new AtomicLong(NOT_BEHIND);
    private final Thread thread;

    private volatile boolean running;
    private volatile long rowsWritten;
    private volatile long batches;
    private volatile long errors;
    private volatile String lastError;
    private volatile long writtenSeq;
    private volatile long writtenExecId;
    private volatile long persistedBehindFromSeq = NOT_BEHIND;
    private volatile boolean progressLoaded;

    /** Owned by the writer thread. */
    private Connection connection;

    /**
     * Creates a writer; {@link #start()} starts its thread.
     *
     * @param dataSource the history database, already migrated to the current schema
     * @param scales     the instruments' scales written beside prices and quantities
     * @param settings   queue capacity, batch size and retry back-off
     */
    public HistoryWriter(DataSource dataSource, InstrumentScales scales, WriterSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.scales = Objects.requireNonNull(scales, "scales");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "nautilus-history-writer");
        this.thread.setDaemon(true);
    }

    /** Starts the writer thread; it loads the progress row, then writes what the queue holds. */
    public void start() {
        running = true;
        thread.start();
    }

    /**
     * The core sequence number of a core execution report, from its exec id.
     *
     * @param report a report the trading core published
     * @return {@code execId / }{@value #EXEC_IDS_PER_SEQ}
     */
    public static long coreSeq(ExecutionReport report) {
        return report.execId() / EXEC_IDS_PER_SEQ;
    }

    /**
     * Hands a core execution report to the writer; never blocks (see {@link #offer(long, ExecutionReport)}).
     *
     * @param report the report
     */
    @Override
    public void onExecutionReport(ExecutionReport report) {
        offer(coreSeq(report), report);
    }

    /**
     * Hands a report to the writer without blocking.
     *
     * @param seq    the core sequence number of the command that produced it, greater than zero
     * @param report the report
     * @return true if queued; false if the queue was full and the report was dropped (counted, and the store marked
     *         behind from {@code seq} unless it was behind from an earlier one)
     */
    public boolean offer(long seq, ExecutionReport report) {
        if (queue.offer(new Sequenced(seq, report))) {
            return true;
        }
        dropped.incrementAndGet();
        behindFromSeq.compareAndSet(NOT_BEHIND, seq);
        return false;
    }

    /**
     * What the writer has done so far.
     *
     * @return a snapshot of its counters
     */
    public Stats stats() {
        long behind = behindFromSeq.get();
        long persisted = persistedBehindFromSeq;
        return new Stats(rowsWritten, batches, queue.size(), settings.queueCapacity(), dropped.get(), errors,
                lastError, writtenSeq, writtenExecId,
                persisted != NOT_BEHIND && (behind == NOT_BEHIND || persisted < behind) ? persisted : behind);
    }

    /**
     * Stops the writer: it writes what is queued if the database lets it within the settings' stop timeout, then
     * closes its connection. Idempotent.
     */
    @Override
    public void close() {
        running = false;
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
    }

    private void run() {
        List<Sequenced> batch = new ArrayList<>(settings.batchSize());
        long backoff = settings.retryMin().toMillis();
        try {
            while (true) {
                if (batch.isEmpty()) {
                    Sequenced first = queue.poll(20, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (!running) {
                            return;
                        }
                        if (!progressLoaded || !gapToPersist()) {
                            continue;
                        }
                    } else {
                        batch.add(first);
                        queue.drainTo(batch, settings.batchSize() - 1);
                    }
                }
                try {
                    if (!progressLoaded) {
                        loadProgress();
                    }
                    write(batch);
                    batch.clear();
                    backoff = settings.retryMin().toMillis();
                } catch (SQLException | RuntimeException e) {
                    fail(e);
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
                }
            }
        } catch (InterruptedException e) {
            LOG.warn("history writer stopped with {} reports unwritten (queue {}, batch {})",
                    queue.size() + batch.size(), queue.size(), batch.size());
        } finally {
            closeConnection();
        }
    }

    private void fail(Exception e) {
        errors++;
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!message.equals(lastError)) {
            LOG.warn("history writer: cannot write to the database, retrying with back-off: {}", message);
        }
        lastError = message;
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is discarded below
            }
        }
        closeConnection();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("history writer: closing the connection failed", e);
            }
            connection = null;
        }
    }

    private void loadProgress() throws SQLException {
        Connection c = connection();
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
                persistedBehindFromSeq = rs.wasNull() ? NOT_BEHIND : behind;
            }
        }
        c.commit();
        progressLoaded = true;
        LOG.info("history writer: written up to core seq {} (exec id {}){}", writtenSeq, writtenExecId,
                persistedBehindFromSeq == NOT_BEHIND ? "" : ", behind from seq " + persistedBehindFromSeq);
    }

    private void write(List<Sequenced> batch) throws SQLException {
        long lastExecId = writtenExecId;
        long lastSeq = writtenSeq;
        long behind = behindFromSeq.get();
        Connection c = connection();
        int orderRows = 0;
        int fillRows = 0;
        try (PreparedStatement orders = c.prepareStatement(INSERT_ORDER);
             PreparedStatement fills = c.prepareStatement(INSERT_FILL)) {
            for (Sequenced s : batch) {
                ExecutionReport r = s.report();
                if (r.execId() <= lastExecId) {
                    continue;
                }
                bindOrder(orders, s.seq(), r);
                orders.addBatch();
                orderRows++;
                if (r.isFill()) {
                    bindFill(fills, s.seq(), r);
                    fills.addBatch();
                    fillRows++;
                }
                lastExecId = r.execId();
                lastSeq = Math.max(lastSeq, s.seq());
            }
            if (orderRows == 0 && !gapToPersist()) {
                return;
            }
            if (orderRows > 0) {
                orders.executeBatch();
            }
            if (fillRows > 0) {
                fills.executeBatch();
            }
        }
        try (PreparedStatement p = c.prepareStatement(UPDATE_PROGRESS)) {
            p.setLong(1, lastSeq);
            p.setLong(2, lastExecId);
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
        c.commit();
        rowsWritten += orderRows + fillRows;
        batches++;
        writtenSeq = lastSeq;
        writtenExecId = lastExecId;
        if (behind != NOT_BEHIND && persistedBehindFromSeq == NOT_BEHIND) {
            persistedBehindFromSeq = behind;
        }
    }

    private boolean gapToPersist() {
        return behindFromSeq.get() != NOT_BEHIND && persistedBehindFromSeq == NOT_BEHIND;
    }

    private void bindOrder(PreparedStatement p, long seq, ExecutionReport r) throws SQLException {
        p.setLong(1, seq);
        p.setLong(2, r.execId());
        p.setLong(3, r.orderId());
        p.setLong(4, r.clientOrderId());
        p.setLong(5, r.origClientOrderId());
        p.setString(6, r.account().value());
        p.setString(7, strategy(r.strategy()));
        p.setString(8, r.instrument().value());
        p.setString(9, venue(r.venue()));
        p.setString(10, r.side().name());
        p.setNull(11, Types.VARCHAR);
        p.setNull(12, Types.VARCHAR);
        p.setString(13, r.execType().name());
        p.setString(14, r.status().name());
        p.setString(15, r.rejectReason().name());
        p.setString(16, r.cancelReason().name());
        p.setString(17, r.text() == null || r.text().length() <= TEXT_MAX ? r.text() : r.text().substring(0, TEXT_MAX));
        p.setLong(18, r.lastQuantity());
        setPrice(p, 19, r.lastPrice());
        p.setLong(20, r.cumulativeQuantity());
        p.setLong(21, r.leavesQuantity());
        setPrice(p, 22, r.averagePrice());
        setScale(p, 23, scales.priceScale(r.instrument()));
        setScale(p, 24, scales.quantityScale(r.instrument()));
        p.setString(25, r.liquidity().name());
        p.setLong(26, r.transactTimeNanos());
        p.setObject(27, utc(r.transactTimeNanos()));
    }

    private void bindFill(PreparedStatement p, long seq, ExecutionReport r) throws SQLException {
        p.setLong(1, seq);
        p.setLong(2, r.execId());
        p.setLong(3, r.orderId());
        p.setLong(4, r.clientOrderId());
        p.setString(5, r.account().value());
        p.setString(6, strategy(r.strategy()));
        p.setString(7, r.instrument().value());
        p.setString(8, r.side().name());
        p.setLong(9, r.lastPrice());
        p.setLong(10, r.lastQuantity());
        setScale(p, 11, scales.priceScale(r.instrument()));
        setScale(p, 12, scales.quantityScale(r.instrument()));
        p.setString(13, r.liquidity().name());
        p.setString(14, venue(r.venue()));
        p.setLong(15, r.transactTimeNanos());
        p.setObject(16, utc(r.transactTimeNanos()));
    }

    private static void setPrice(PreparedStatement p, int index, long price) throws SQLException {
        if (price == FixedPoint.NULL) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, price);
        }
    }

    private static void setScale(PreparedStatement p, int index, int scale) throws SQLException {
        if (scale == OrderEvent.UNKNOWN_SCALE) {
            p.setNull(index, Types.SMALLINT);
        } else {
            p.setShort(index, (short) scale);
        }
    }

    private static String strategy(StrategyId id) {
        return id == null ? null : id.value();
    }

    private static String venue(VenueId id) {
        return id == null ? null : id.value();
    }

    /**
     * @param nanos nanoseconds since the epoch
     * @return the same instant as a UTC date-time
     */
    static OffsetDateTime utc(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .atOffset(ZoneOffset.UTC);
    }

    private record Sequenced(long seq, ExecutionReport report) {
    }

    /**
     * The writer's counters.
     *
     * @param rowsWritten   {@code orders} plus {@code fills} rows committed since start
     * @param batches       transactions committed since start
     * @param queueDepth    reports waiting in the queue now
     * @param queueCapacity the queue's capacity
     * @param dropped       reports dropped because the queue was full, since start
     * @param errors        failed write attempts (each retried), since start
     * @param lastError     the last database error, or {@code null} if there was none
     * @param writtenSeq    the core sequence number written up to (persisted), 0 if nothing
     * @param writtenExecId the exec id written up to (persisted), 0 if nothing
     * @param behindFromSeq the first core sequence number the store missed, {@link #NOT_BEHIND} if none
     */
    public record Stats(long rowsWritten, long batches, int queueDepth, int queueCapacity, long dropped, long errors,
                        String lastError, long writtenSeq, long writtenExecId, long behindFromSeq) {
    }
}
