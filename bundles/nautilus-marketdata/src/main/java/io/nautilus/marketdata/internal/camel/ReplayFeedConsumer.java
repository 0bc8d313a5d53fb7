package io.nautilus.marketdata.internal.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a CSV file once on its own thread. Columns (a header line naming them is optional; without one this
 * order is assumed): {@code time,type,instrument,bid,ask,bidSize,askSize,price,size[,side,seq]}. {@code time} is
 * epoch milliseconds or an ISO-8601 instant; {@code type} is quote, trade or book; empty cells are absent fields.
 * Blank lines and lines starting with {@code #} are skipped. Rows are paced by their time differences divided by
 * {@code speed} (0 = no pacing); each row is sent as a tick map whose {@code received} time is its own
 * {@code time}, so the engine's staleness check sees the recorded, not today's, clock.
 */
final class ReplayFeedConsumer extends DefaultConsumer {

    /** The column order when the file has no header. */
    static final List<String> DEFAULT_COLUMNS = List.of("time", "type", "instrument", "bid", "ask", "bidSize",
            "askSize", "price", "size", "side", "seq");

    private static final Logger LOG = LoggerFactory.getLogger(ReplayFeedConsumer.class);

    private final FeedEndpoint endpoint;
    private ExecutorService executor;

    ReplayFeedConsumer(FeedEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String file = endpoint.getFile();
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException(endpoint.getEndpointUri() + ": option 'file' is required");
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(endpoint.getEndpointUri() + ": cannot read " + path.toAbsolutePath());
        }
        endpoint.resetProgress();
        executor = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "nautilus-feed-replay");
        executor.submit(() -> replay(path));
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        super.doStop();
    }

    private void replay(Path path) {
        double speed = endpoint.getSpeed();
        List<String> columns = DEFAULT_COLUMNS;
        long firstTime = Long.MIN_VALUE;
        long startNanos = System.nanoTime();
        long rows = 0;
        int lineNo = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && isRunAllowed()) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split(",", -1);
                if (rows == 0 && columns == DEFAULT_COLUMNS && cells[0].strip().equalsIgnoreCase("time")) {
                    columns = header(cells);
                    continue;
                }
                Map<String, Object> message = new LinkedHashMap<>();
                for (int i = 0; i < cells.length && i < columns.size(); i++) {
                    String cell = cells[i].strip();
                    if (!cell.isEmpty()) {
                        message.put(columns.get(i), cell);
                    }
                }
                Object time = message.get("time");
                if (time != null) {
                    message.put("received", time);
                    if (speed > 0) {
                        long timeMillis = timeMillis(time.toString());
                        if (timeMillis != Long.MIN_VALUE) {
                            if (firstTime == Long.MIN_VALUE) {
                                firstTime = timeMillis;
                            }
                            pace(startNanos + (long) (TimeUnit.MILLISECONDS.toNanos(timeMillis - firstTime) / speed));
                        }
                    }
                }
                message.put("line", lineNo);
                emit(message);
                rows++;
            }
            LOG.info("replay of {} ended: {} rows sent", path, rows);
        } catch (IOException e) {
            LOG.error("replay of {} failed at line {}: {}", path, lineNo, e.toString());
        } finally {
            endpoint.markFinished();
        }
    }

    private static List<String> header(String[] cells) {
        String[] names = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            names[i] = cells[i].strip();
        }
        return List.of(names);
    }

    private static long timeMillis(String time) {
        try {
            return TimeUnit.NANOSECONDS.toMillis(TickMapper.parseTime(time, TimeUnit.MILLISECONDS));
        } catch (IllegalArgumentException e) {
            return Long.MIN_VALUE; // sent unpaced; the producer reports the bad time
        }
    }

    private void pace(long deadlineNanos) {
        long wait;
        while ((wait = deadlineNanos - System.nanoTime()) > 0 && isRunAllowed()) {
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    private void emit(Map<String, Object> message) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(message);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        endpoint.countEmitted();
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("replay feed: route failed", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
