package io.nautilus.core.replay;

import io.nautilus.core.Command;
import io.nautilus.core.matching.MatchingEngine;

/**
 * One replay of a loaded {@link CommandFile}: fresh engines per run, only the processing is timed.
 */
final class Replay {

    /**
     * Outcome of a run.
     *
     * @param nanos processing time
     * @param rejected commands the engine rejected
     */
    record Result(long nanos, long rejected) {
    }

    private final CommandFile file;
    private final ReplayOptions options;

    Replay(CommandFile file, ReplayOptions options) {
        this.file = file;
        this.options = options;
    }

    /**
     * Runs the file once on fresh engines.
     *
     * @param trades where the trades go, or null (warm-up)
     * @return the timing
     * @throws Exception if the pipeline fails
     */
    Result run(TradeLog trades) throws Exception {
        if (options.pipeline()) {
            return PipelineReplay.run(file, options, trades);
        }
        return matchingAlone(trades);
    }

    private Result matchingAlone(TradeLog trades) {
        MatchingEngine engine = new MatchingEngine();
        for (int i = 0; i < file.instruments().size(); i++) {
            engine.defineInstrument(i, 1, 1, 1, 0, 0);
        }
        for (int i = 0; i < file.accounts().size(); i++) {
            engine.defineAccount(i, options.stp());
        }
        TradeLog log = trades == null ? new TradeLog() : trades;
        Command slot = new Command();
        int n = file.size();
        long rejected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            file.fill(i, slot);
            engine.process(slot);
            log.record(slot, slot.seq);
            if (slot.rejected()) {
                rejected++;
            }
        }
        long nanos = System.nanoTime() - start;
        return new Result(nanos, rejected);
    }
}
