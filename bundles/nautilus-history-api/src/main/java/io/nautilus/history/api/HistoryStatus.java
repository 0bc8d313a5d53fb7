package io.nautilus.history.api;

import java.time.Instant;

/**
 * How the history store is doing, for {@code nautilus:history status}, metrics and the web tier.
 *
 * @param state          {@code RUNNING}, {@code CATCHING_UP}, {@code RETRYING} (the database refuses; retried
 *                       with back-off), {@code DISABLED} (switched off or the schema was refused) or
 *                       {@code STOPPED}
 * @param database       which database, without credentials, e.g. {@code H2 data/nautilus/history} or
 *                       {@code PostgreSQL 15.18 jdbc:postgresql://db:5432/nautilus (TimescaleDB 2.17)}
 * @param schemaVersion  the schema version the database holds, 0 if unknown
 * @param coreSeq        the last seq the core published that the store was handed, 0 if none
 * @param writtenSeq     the core seq the store has written everything up to
 * @param lagSeq         commands published but not yet written ({@code coreSeq - writtenSeq}, not negative)
 * @param lagMillis      how long the oldest unwritten result has waited, 0 if none
 * @param behindFromSeq  the first core seq the store missed and must catch up from the journal, 0 if none
 * @param queued         results waiting in the hand-off
 * @param rowsWritten    rows written since the store started
 * @param dropped        results the hand-off refused (queue full), caught up later from the journal
 * @param catchUps       catch-ups from the journal since start
 * @param errors         database errors since start
 * @param lastError      the latest error, one line, or {@code null}
 * @param lastErrorAt    when it happened, or {@code null}
 */
public record HistoryStatus(String state, String database, int schemaVersion, long coreSeq, long writtenSeq,
                            long lagSeq, long lagMillis, long behindFromSeq, int queued, long rowsWritten,
                            long dropped, long catchUps, long errors, String lastError, Instant lastErrorAt) {
}
