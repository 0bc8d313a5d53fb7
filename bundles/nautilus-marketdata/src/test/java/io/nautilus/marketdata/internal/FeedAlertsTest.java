package io.nautilus.marketdata.internal;

import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.ValidationReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Stale feeds and reject bursts judged from the feeds' counters with explicit times (no clock, no sleeps).
 */
class FeedAlertsTest {

    static final long SECOND = 1_000_000_000L;

    final RecordingAlertService recorded = new RecordingAlertService();
    final FeedAlerts alerts = new FeedAlerts(30 * SECOND, 100, 10 * SECOND);

    FeedAlertsTest() {
        alerts.bind(recorded);
    }

    static FeedStats stats(long accepted, long stale, long crossed) {
        Map<ValidationReason, Long> rejected = new java.util.EnumMap<>(ValidationReason.class);
        if (stale > 0) {
            rejected.put(ValidationReason.STALE, stale);
        }
        if (crossed > 0) {
            rejected.put(ValidationReason.CROSSED_QUOTE, crossed);
        }
        return new FeedStats("fx", accepted, rejected, Map.of(), null);
    }

    @Test
    void aFeedSilentForTheStaleTimeIsStaleAndResolvedWhenTicksFlowAgain() {
        alerts.check(List.of(stats(10, 0, 0)), 0);
        alerts.check(List.of(stats(10, 0, 0)), 29 * SECOND);
        assertThat(recorded.raised()).isEmpty();

        alerts.check(List.of(stats(10, 0, 0)), 30 * SECOND);
        alerts.check(List.of(stats(10, 0, 0)), 31 * SECOND);

        assertThat(recorded.raised()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("feed-stale:fx");
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.source()).isEqualTo(AlertService.MARKET_DATA);
            assertThat(a.labels()).containsEntry(FeedAlerts.FEED, "fx");
            assertThat(a.text()).contains("no tick passed on for 30 s");
        });

        alerts.check(List.of(stats(11, 0, 0)), 32 * SECOND);

        assertThat(recorded.resolved()).containsExactly("feed-stale:fx | feed fx delivers ticks again");
    }

    @Test
    void aFeedThatNeverDeliveredIsNotStale() {
        alerts.check(List.of(stats(0, 0, 0)), 0);
        alerts.check(List.of(stats(0, 0, 0)), 300 * SECOND);

        assertThat(recorded.raised()).isEmpty();
    }

    @Test
    void aRejectBurstWithinTheWindowIsRaisedOnceAndResolvedAfterAQuietWindow() {
        alerts.check(List.of(stats(0, 0, 0)), 0);
        alerts.check(List.of(stats(1, 60, 0)), SECOND);
        assertThat(recorded.raised()).isEmpty();

        alerts.check(List.of(stats(2, 90, 20)), 2 * SECOND);
        alerts.check(List.of(stats(3, 150, 20)), 3 * SECOND);

        assertThat(recorded.raised()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("feed-rejects:fx");
            assertThat(a.text()).contains("110 ticks rejected within 10 s", "CROSSED_QUOTE 20", "STALE 90");
        });

        alerts.check(List.of(stats(4, 170, 20)), 10 * SECOND);
        assertThat(recorded.resolved()).isEmpty();
        alerts.check(List.of(stats(5, 175, 20)), 20 * SECOND);

        assertThat(recorded.resolved()).containsExactly("feed-rejects:fx | feed fx: 5 ticks rejected in the last 10 s");
    }

    @Test
    void aFewRejectsSpreadOverWindowsAreNoBurst() {
        long rejected = 0;
        for (int s = 0; s <= 60; s++) {
            rejected += 5;
            alerts.check(List.of(stats(s, rejected, 0)), s * SECOND);
        }

        assertThat(recorded.raised()).isEmpty();
    }

    @Test
    void countersStartingOverAfterAnEngineRestartRaiseNothing() {
        alerts.check(List.of(stats(1000, 500, 0)), 0);
        alerts.check(List.of(stats(3, 0, 0)), SECOND);
        alerts.check(List.of(stats(4, 50, 0)), 2 * SECOND);

        assertThat(recorded.raised()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FeedAlerts(-1, 100, SECOND))
                .withMessageContaining("must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new FeedAlerts(SECOND, 100, 0))
                .withMessageContaining("window 0 ns must be greater than 0");
    }

    @Test
    void nothingIsSentWithoutAService() {
        alerts.unbind(recorded);
        alerts.check(List.of(stats(10, 0, 0)), 0);
        alerts.check(List.of(stats(10, 0, 0)), 60 * SECOND);

        assertThat(recorded.raised()).isEmpty();
    }
}
