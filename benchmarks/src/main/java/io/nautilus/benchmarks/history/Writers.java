package io.nautilus.benchmarks.history;

import io.nautilus.api.InstrumentId;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.history.internal.HistoryWriter;
import io.nautilus.history.internal.InstrumentScales;
import io.nautilus.history.internal.WriterSettings;
import io.nautilus.history.internal.db.RowSink;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Builds the store's real {@link HistoryWriter} outside OSGi. Its constructor takes the bundle's package-private
 * {@code CoreLink} (what the writer asks of the core), so the link is made by {@code CoreLink.of} through
 * reflection, at set-up only; everything after that is the writer's own code.
 */
public final class Writers {

    /** Every instrument at 2 price and 3 quantity decimals. */
    public static final InstrumentScales FIXED_SCALES = new InstrumentScales() {
        @Override
        public int priceScale(InstrumentId instrument) {
            return 2;
        }

        @Override
        public int quantityScale(InstrumentId instrument) {
            return 3;
        }
    };

    private Writers() {
    }

    /**
     * Creates a writer (not started).
     *
     * @param dataSource  the database
     * @param sink        how rows reach it ({@code PgCopySink}, {@code JdbcBatchSink})
     * @param settings    queue capacity and batch size
     * @param scales      instrument scales for reports of instruments the writer has not seen defined
     * @param journal     the core's journal to catch up from, or a supplier of {@code null} for none
     * @param description the database, for the writer's status and logs
     * @return the writer; {@link HistoryWriter#start()} starts it
     */
    public static HistoryWriter create(DataSource dataSource, RowSink sink, WriterSettings settings,
                                       InstrumentScales scales, Supplier<JournalHistory> journal,
                                       String description) {
        try {
            Class<?> link = Class.forName("io.nautilus.history.internal.CoreLink");
            Method of = link.getMethod("of", InstrumentScales.class, int.class, Supplier.class);
            of.setAccessible(true);
            Object core = of.invoke(null, scales, 2, journal);
            Constructor<HistoryWriter> constructor = HistoryWriter.class.getConstructor(DataSource.class,
                    RowSink.class, SchemaMigrator.class, WriterSettings.class, link, String.class);
            return constructor.newInstance(dataSource, sink, SchemaMigrator.current(), settings, core, description);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create the history writer: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the history bundle's HistoryWriter/CoreLink changed: " + e, e);
        }
    }

    /**
     * Waits until the writer has migrated the schema and read its progress row.
     *
     * @param writer  a started writer
     * @param seconds how long at most
     * @throws IllegalStateException if it is not ready in time or was disabled
     */
    public static void awaitReady(HistoryWriter writer, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!writer.ready()) {
            if (writer.disabledReason() != null) {
                throw new IllegalStateException("history writer disabled: " + writer.disabledReason());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("history writer not ready after " + seconds + " s: "
                        + writer.status());
            }
            Thread.sleep(5);
        }
    }
}
