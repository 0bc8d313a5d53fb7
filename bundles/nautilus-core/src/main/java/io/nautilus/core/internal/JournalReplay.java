package io.nautilus.core.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.Command;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalGapException;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.journal.JournalCorruptedException;
import io.nautilus.core.journal.JournalProblem;
import io.nautilus.core.journal.JournalReader;
import io.nautilus.core.journal.JournalSegments;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.journal.SnapshotStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One journal replay for a {@link CommandResultListener}, on the caller's thread: a private {@link TradingEngine} and
 * {@link ReportBuilder} loaded from the newest snapshot at or before the first wanted seq (or empty when the journal
 * starts at seq 1), then the journal's commands processed through them and their results delivered through
 * {@link ResultDelivery}, as the live publish thread does. Files are only read: snapshots are loaded whole, segments
 * are read up to the given end (records the live writer appends meanwhile are past it), nothing is repaired.
 */
final class JournalReplay {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReplay.class);

    private final Path dir;
    private final int moneyScale;
    private final Function<Registry.InstrumentDef, Instrument> instruments;

    /**
     * @param dir the journal folder
     * @param moneyScale the live engine's money scale
     * @param instruments the instrument of a definition, with the venue and currency the core knows
     */
    JournalReplay(Path dir, int moneyScale, Function<Registry.InstrumentDef, Instrument> instruments) {
        this.dir = dir;
        this.moneyScale = moneyScale;
        this.instruments = instruments;
    }

    /**
     * Delivers the results of the commands with seq in {@code (afterSeq, endSeq]}.
     *
     * @param afterSeq the last seq the listener has
     * @param endSeq the last seq to replay, at most what the live journal has written
     * @param listener receives the results; its exceptions propagate
     * @return the last seq replayed ({@code afterSeq} if none)
     * @throws JournalGapException if the commands after {@code afterSeq} are no longer in the journal
     * @throws IOException if the journal cannot be read or is corrupt before {@code endSeq}
     */
    long replay(long afterSeq, long endSeq, CommandResultListener listener) throws IOException {
        if (endSeq <= afterSeq) {
            return afterSeq;
        }
        TradingEngine engine = new TradingEngine(moneyScale);
        ReportBuilder reports = new ReportBuilder();
        List<Snapshotable> parts = new ArrayList<>(engine.snapshotParts());
        parts.add(reports);
        SnapshotStore snapshots = new SnapshotStore(dir, SnapshotStore.DEFAULT_KEEP);
        long from = snapshots.load(parts, line -> LOG.warn("journal replay: {}", line), afterSeq).seq();
        List<JournalSegments.Segment> segments = JournalSegments.list(dir);
        if (segments.isEmpty() || segments.get(0).firstSeq() > from + 1) {
            long first = firstAvailable(snapshots.seqs(), segments, endSeq);
            throw new JournalGapException("the journal no longer holds the commands after seq " + afterSeq
                    + (from > 0 ? " (from the snapshot at seq " + from + ")" : "") + "; the first seq a replay can"
                    + " deliver is " + first, first);
        }
        long last = from;
        long replayed = afterSeq;
        Command command = new Command();
        try (JournalReader reader = new JournalReader(dir, from)) {
            while (last < endSeq && reader.next(command)) {
                Recovery.process(engine, command);
                List<ExecutionReport> list = reports(reports, command, engine);
                last = command.seq;
                if (last > afterSeq) {
                    CommandResult result = list.isEmpty() ? null : ResultDelivery.result(command, list);
                    ResultDelivery.deliver(listener, command, result, instruments);
                    replayed = last;
                }
            }
            JournalProblem problem = reader.problem();
            if (last < endSeq && problem != null && !problem.tail()) {
                throw new JournalCorruptedException(problem);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            long first = firstAvailable(snapshots.seqs(), JournalSegments.list(dir), endSeq);
            throw new JournalGapException("journal segment " + e.getFile() + " was deleted while replaying after seq "
                    + last + " (nothing held it); the first seq a replay can deliver is " + first, first);
        }
        return replayed;
    }

    /** The command's reports; none if they cannot be built (the live publication logs that and goes on too). */
    private static List<ExecutionReport> reports(ReportBuilder reports, Command command, TradingEngine engine) {
        if (command.events.size() == 0) {
            return List.of();
        }
        try {
            return reports.reports(command, engine.registry().view(), command.timestamp);
        } catch (RuntimeException e) {
            LOG.error("journal replay: cannot build execution reports of command {}", command, e);
            return List.of();
        }
    }

    /** The first seq a replay can deliver: after the oldest snapshot the journal continues from, or 1. */
    private static long firstAvailable(List<Long> snapshots, List<JournalSegments.Segment> segments, long endSeq) {
        if (segments.isEmpty()) {
            return endSeq + 1;
        }
        long journalStart = segments.get(0).firstSeq();
        if (journalStart <= 1) {
            return 1;
        }
        for (long seq : snapshots) {
            if (journalStart <= seq + 1) {
                return seq + 1;
            }
        }
        return endSeq + 1;
    }
}
