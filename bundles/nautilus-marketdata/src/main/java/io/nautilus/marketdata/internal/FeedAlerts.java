package io.nautilus.marketdata.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertSender;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.ValidationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The market-data engine's alerts (docs/alerts.md), judged from the feeds' counters once a second off the engine
 * thread: {@code feed-stale:<feed>} (WARNING) when a feed that delivered ticks passed none on for the stale time,
 * resolved when ticks flow again; {@code feed-rejects:<feed>} (WARNING) when at least the burst count of its ticks
 * were rejected within one window, resolved after a window with fewer. Both carry the label {@code feed}.
 *
 * <p>Logged as {@code ALERT} lines and raised through the {@link AlertService} when one is bound; raising never
 * blocks and never throws. Times come from the caller, so tests need no clock.
 */
final class FeedAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(FeedAlerts.class);
    /** Label naming the feed an alert is about. */
    static final String FEED = "feed";

    private final long staleNanos;
    private final long burst;
    private final long windowNanos;
    private final Map<String, Feed> feeds = new HashMap<>();
    private final AlertSender sender = new AlertSender((key, n, e) ->
            LOG.warn("alert service failed on {} ({} failures so far; logged at powers of two)", key, n, e));

    /** What the watcher knows of one feed (watcher thread only). */
    private static final class Feed {
        long passed = -1;
        long passedAt;
        boolean stale;
        boolean windowOpen;
        long windowStart;
        long windowRejected;
        boolean bursting;
    }

    /**
     * @param staleNanos  a feed that passed no tick on for this long is stale; 0 = never
     * @param burst       rejected ticks within one window that make a burst; 0 = never
     * @param windowNanos the window, greater than 0
     */
    FeedAlerts(long staleNanos, long burst, long windowNanos) {
        if (staleNanos < 0 || burst < 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("feed alerts: stale time " + staleNanos + " ns and burst " + burst
                    + " must not be negative, window " + windowNanos + " ns must be greater than 0");
        }
        this.staleNanos = staleNanos;
        this.burst = burst;
        this.windowNanos = windowNanos;
    }

    void bind(AlertService alerts) {
        sender.bind(alerts);
    }

    void unbind(AlertService alerts) {
        sender.unbind(alerts);
    }

    /**
     * Judges the feeds' counters (the watcher thread, once a second).
     *
     * @param stats     every feed's counters since the engine started (a restarted engine starts them over)
     * @param nowNanos  a monotonic time, e.g. {@link System#nanoTime()}
     */
    void check(List<FeedStats> stats, long nowNanos) {
        for (FeedStats s : stats) {
            Feed feed = feeds.computeIfAbsent(s.feedId(), id -> new Feed());
            long passed = s.accepted();
            for (long flagged : s.flagged().values()) {
                passed += flagged;
            }
            long rejected = 0;
            for (long r : s.rejected().values()) {
                rejected += r;
            }
            stale(s, feed, passed, nowNanos);
            rejects(s, feed, rejected, nowNanos);
        }
    }

    private void stale(FeedStats s, Feed feed, long passed, long now) {
        if (passed != feed.passed) {
            boolean first = feed.passed < 0;
            feed.passed = passed;
            feed.passedAt = now;
            if (feed.stale && !first) {
                feed.stale = false;
                resolve("feed-stale:" + s.feedId(), "feed " + s.feedId() + " delivers ticks again");
            }
            return;
        }
        if (staleNanos > 0 && passed > 0 && !feed.stale && now - feed.passedAt >= staleNanos) {
            feed.stale = true;
            raise("feed-stale:" + s.feedId(), s.feedId(), "feed " + s.feedId() + " is stale: no tick passed on for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - feed.passedAt) + " s (" + passed + " since start)"
                    + (s.lastError() == null ? "" : "; last error: " + s.lastError()));
        }
    }

    private void rejects(FeedStats s, Feed feed, long rejected, long now) {
        if (!feed.windowOpen || rejected < feed.windowRejected) {
            feed.windowOpen = true;
            feed.windowStart = now;
            feed.windowRejected = rejected;
            return;
        }
        long inWindow = rejected - feed.windowRejected;
        if (burst > 0 && inWindow >= burst && !feed.bursting) {
            feed.bursting = true;
            raise("feed-rejects:" + s.feedId(), s.feedId(), "feed " + s.feedId() + ": " + inWindow
                    + " ticks rejected within " + TimeUnit.NANOSECONDS.toSeconds(windowNanos) + " s (since start: "
                    + reasons(s.rejected()) + ")" + (s.lastError() == null ? "" : "; last error: " + s.lastError()));
        }
        if (now - feed.windowStart >= windowNanos) {
            if (feed.bursting && inWindow < burst) {
                feed.bursting = false;
                resolve("feed-rejects:" + s.feedId(), "feed " + s.feedId() + ": " + inWindow + " ticks rejected in"
                        + " the last " + TimeUnit.NANOSECONDS.toSeconds(windowNanos) + " s");
            }
            feed.windowStart = now;
            feed.windowRejected = rejected;
        }
    }

    private static String reasons(Map<ValidationReason, Long> rejected) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<ValidationReason, Long> e : new TreeMap<>(rejected).entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return sb.toString();
    }

    private void raise(String key, String feed, String text) {
        LOG.warn("ALERT {}: {}", key, text);
        sender.raise(key, () -> new Alert(key, Severity.WARNING, AlertService.MARKET_DATA, text, AlertSender.nowNanos(),
                Map.of(FEED, feed)));
    }

    private void resolve(String key, String reason) {
        LOG.info("{} resolved: {}", key, reason);
        sender.resolve(key, reason);
    }
}
