package io.nautilus.core.journal;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.Snapshotable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rebuilds the core's state from a journal directory: load the newest valid snapshot, replay the journal records
 * after it through the processor in seq order, and cut a torn or corrupt tail off the journal. The processor is
 * deterministic (it never reads a clock; the commands carry their logical time), so the replay produces exactly the
 * state of the original run.
 *
 * <p>Corruption other than at the journal's tail (an earlier segment, a missing segment) fails recovery with a
 * {@link JournalCorruptedException} rather than skipping data.
 */
public final class Recovery {

    /** Reject detail of a command whose processing threw. */
    public static final String PROCESSOR_EXCEPTION = "exception in processor";

    /**
     * What a recovery did.
     *
     * @param snapshotSeq seq of the snapshot loaded, 0 if none
     * @param lastSeq seq of the last command in the recovered state (the next command is lastSeq + 1)
     * @param lastTimestamp logical time of that command (the snapshot's if nothing was replayed), 0 if none
     * @param replayed commands replayed from the journal
     * @param processorFailures replayed commands whose processing threw (they were rejected, as in the original run)
     * @param tailRepaired true if a torn or corrupt journal tail was cut off
     */
    public record Result(long snapshotSeq, long lastSeq, long lastTimestamp, long replayed, long processorFailures,
                         boolean tailRepaired) {
    }

    private Recovery() {
    }

    /**
     * Recovers the state of a journal directory.
     *
     * @param dir the journal directory (created if missing)
     * @param parts the state's parts, in the order the snapshots were captured
     * @param processor the processor the commands are replayed through
     * @param report receives one line per problem found and repaired (corrupt snapshot skipped, tail truncated)
     * @return seq of the last command in the recovered state, 0 if none
     * @throws IOException if files cannot be read
     * @throws JournalCorruptedException if the journal is corrupt other than at its tail
     */
    public static long recover(Path dir, List<? extends Snapshotable> parts, CommandProcessor processor,
                               Consumer<String> report) throws IOException {
        return run(dir, parts, processor, report).lastSeq();
    }

    /**
     * Recovers the state of a journal directory, as {@link #recover}, and says what it did.
     *
     * @param dir the journal directory (created if missing)
     * @param parts the state's parts, in the order the snapshots were captured
     * @param processor the processor the commands are replayed through
     * @param report receives one line per problem found and repaired
     * @return what was done
     * @throws IOException if files cannot be read
     * @throws JournalCorruptedException if the journal is corrupt other than at its tail
     */
    public static Result run(Path dir, List<? extends Snapshotable> parts, CommandProcessor processor,
                             Consumer<String> report) throws IOException {
        Files.createDirectories(dir);
        SnapshotStore.Loaded snapshot = new SnapshotStore(dir, SnapshotStore.DEFAULT_KEEP).load(parts, report);
        long replayed = 0;
        long failures = 0;
        long lastTimestamp = snapshot.timestamp();
        boolean repaired = false;
        long journalLast;
        try (JournalReader reader = new JournalReader(dir, snapshot.seq())) {
            Command command = new Command();
            while (reader.next(command)) {
                if (process(processor, command) != null) {
                    failures++;
                }
                lastTimestamp = command.timestamp;
                replayed++;
            }
            JournalProblem problem = reader.problem();
            if (problem != null) {
                if (!problem.tail()) {
                    throw new JournalCorruptedException(problem);
                }
                report.accept(problem + "; replay stopped at seq " + problem.lastGoodSeq());
                report.accept(reader.truncateCorruptTail());
                repaired = true;
            }
            journalLast = reader.lastSeq();
        }
        if (failures > 0) {
            report.accept(failures + " replayed commands threw in the processor and were rejected, as in the"
                    + " original run");
        }
        if (snapshot.seq() > 0 && journalLast < snapshot.seq()) {
            report.accept("the journal ends at seq " + journalLast + ", before the snapshot at seq " + snapshot.seq()
                    + " (its tail was lost before it was forced); the snapshot covers the difference");
        }
        return new Result(snapshot.seq(), Math.max(snapshot.seq(), journalLast), lastTimestamp, replayed, failures,
                repaired);
    }

    /**
     * Processes one command the way the pipeline and the replay both do: clears its outcome, calls the processor,
     * and if the processor throws (a bug: processors reject bad input instead) clears the outcome again and rejects
     * the command with {@link RejectReason#OTHER} and detail {@link #PROCESSOR_EXCEPTION}. The processor's state may
     * have been partly changed by the failed call; a replay repeats exactly that.
     *
     * @param processor the processor
     * @param command the command
     * @return the exception the processor threw, or null
     */
    public static Throwable process(CommandProcessor processor, Command command) {
        command.clearOutcome();
        try {
            processor.process(command);
            return null;
        } catch (Exception | AssertionError | StackOverflowError e) {
            command.clearOutcome();
            command.reject(RejectReason.OTHER, PROCESSOR_EXCEPTION, 0, 0);
            return e;
        }
    }
}
