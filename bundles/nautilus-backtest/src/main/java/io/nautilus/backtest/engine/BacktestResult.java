package io.nautilus.backtest.engine;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A completed backtest: what the command line prints as its JSON line, and the figures of {@code stats.json}.
 *
 * @param events          market events processed
 * @param fills           fills (rows of {@code fills.csv})
 * @param seconds         wall-clock seconds of the replay (from the first event to the end of the data)
 * @param eventsPerSecond events per wall-clock second of the replay
 * @param out             the folder the files were written to
 * @param stats           the figures of {@code stats.json}, in the file's order (numbers as {@link Number}, dates
 *                        and names as {@link String}, parameters as a map)
 */
public record BacktestResult(long events, long fills, double seconds, double eventsPerSecond, Path out,
                             Map<String, Object> stats) {

    /** Copies the figures. */
    public BacktestResult {
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /** @return the one JSON line {@code bin/nautilus-backtest} prints: events, fills, seconds, eventsPerSecond, out */
    public String jsonLine() {
        return "{\"events\":" + events + ",\"fills\":" + fills + ",\"seconds\":" + Json.number(seconds)
                + ",\"eventsPerSecond\":" + Json.number(eventsPerSecond) + ",\"out\":" + Json.string(out.toString())
                + "}";
    }
}
