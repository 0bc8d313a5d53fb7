package io.nautilus.backtest.internal;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestState;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of the platform's backtests ({@code data/nautilus/backtests}): one sub-folder per run, named by its id
 * ({@code bt-<yyyyMMdd>-<nnnn>}, numbered per UTC day, so ids sort by submission), holding the engine's files,
 * {@code request.json} (the options) and {@code status.properties} (state and figures, from which runs of earlier
 * sessions are listed).
 */
final class RunFolder {

    /** The status file in a run's folder. */
    static final String STATUS = "status.properties";
    /** The request file in a run's folder. */
    static final String REQUEST = "request.json";

    private static final Pattern ID = Pattern.compile("bt-(\\d{8})-(\\d{4,})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Path root;
    private String day = "";
    private long last;

    /** @param root the folder of all runs (made when the first run is) */
    RunFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Creates the folder of a new run.
     *
     * @param now the time of submission
     * @return its id, unique in the folder
     * @throws UncheckedIOException if the folder cannot be made
     */
    synchronized String create(Instant now) {
        String today = DAY.format(now);
        if (!today.equals(day)) {
            day = today;
            last = highest(today);
        }
        try {
            Files.createDirectories(root);
            while (true) {
                String id = String.format("bt-%s-%04d", today, ++last);
                try {
                    Files.createDirectory(root.resolve(id));
                    return id;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made by an earlier session after this one looked: take the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param id a run id
     * @return its folder
     */
    Path folder(String id) {
        return root.resolve(id);
    }

    /**
     * Writes a run's {@code request.json}.
     *
     * @param run the run
     * @throws IOException if it cannot be written
     */
    void writeRequest(Run run) throws IOException {
        write(run.folder().resolve(REQUEST), RequestOptions.json(run.request()));
    }

    /**
     * Writes a run's {@code status.properties} (replacing it in one move).
     *
     * @param info the run as it is
     * @throws IOException if it cannot be written
     */
    void writeStatus(BacktestInfo info) throws IOException {
        Properties p = new Properties();
        p.setProperty("state", info.state().name());
        p.setProperty("submitted", info.submitted().toString());
        if (info.started() != null) {
            p.setProperty("started", info.started().toString());
        }
        if (info.finished() != null) {
            p.setProperty("finished", info.finished().toString());
        }
        p.setProperty("progress", Double.toString(info.progress()));
        p.setProperty("events", Long.toString(info.events()));
        p.setProperty("fills", Long.toString(info.fills()));
        p.setProperty("eventsPerSecond", Double.toString(info.eventsPerSecond()));
        if (info.error() != null) {
            p.setProperty("error", info.error());
        }
        List<String> args = RequestOptions.args(info.request());
        for (int i = 0; i < args.size(); i++) {
            p.setProperty("arg." + i, args.get(i));
        }
        for (Map.Entry<String, Object> stat : info.stats().entrySet()) {
            p.setProperty("stat." + stat.getKey(), String.valueOf(stat.getValue()));
        }
        Path file = Path.of(info.outDir()).resolve(STATUS);
        Path tmp = file.resolveSibling(STATUS + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "backtest " + info.id() + " (written by the platform; read back after a restart)");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The runs of earlier sessions: every run folder with a readable status file. A run the file shows QUEUED or
     * RUNNING did not end before the platform stopped: it is shown FAILED with that reason.
     *
     * @return the runs, by id; folders without a readable status file are skipped
     */
    List<BacktestInfo> load() {
        List<BacktestInfo> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return runs;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                String id = folder.getFileName().toString();
                Path status = folder.resolve(STATUS);
                if (ID.matcher(id).matches() && Files.isRegularFile(status)) {
                    BacktestInfo info = read(id, folder, status);
                    if (info != null) {
                        runs.add(info);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return runs;
    }

    private static BacktestInfo read(String id, Path folder, Path status) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(status, StandardCharsets.UTF_8)) {
            p.load(r);
            List<String> args = new ArrayList<>();
            for (int i = 0; p.getProperty("arg." + i) != null; i++) {
                args.add(p.getProperty("arg." + i));
            }
            BacktestRequest request = BacktestRequest.parse(args);
            BacktestState state = BacktestState.valueOf(p.getProperty("state"));
            String error = p.getProperty("error");
            Instant finished = instant(p.getProperty("finished"));
            if (!state.isFinished()) {
                state = BacktestState.FAILED;
                error = "the platform stopped before the run ended";
            }
            Map<String, Object> stats = new LinkedHashMap<>();
            p.stringPropertyNames().stream().filter(k -> k.startsWith("stat.")).sorted()
                    .forEach(k -> stats.put(k.substring("stat.".length()), p.getProperty(k)));
            return new BacktestInfo(id, state, request, Instant.parse(p.getProperty("submitted")),
                    instant(p.getProperty("started")), finished,
                    Double.parseDouble(p.getProperty("progress", "0")), Long.parseLong(p.getProperty("events", "0")),
                    Long.parseLong(p.getProperty("fills", "0")),
                    Double.parseDouble(p.getProperty("eventsPerSecond", "0")), error, folder.toString(), stats);
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RunFolder.class).warn("backtest {}: cannot read {}: {}", id, status,
                    e.toString());
            return null;
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private long highest(String today) {
        long max = 0;
        if (!Files.isDirectory(root)) {
            return max;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                Matcher m = ID.matcher(folder.getFileName().toString());
                if (m.matches() && m.group(1).equals(today)) {
                    max = Math.max(max, Long.parseLong(m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return max;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
