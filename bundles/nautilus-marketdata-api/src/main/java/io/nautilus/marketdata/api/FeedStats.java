package io.nautilus.marketdata.api;

import java.util.Map;
import java.util.Objects;

/**
 * Validation counters of one feed since the engine started.
 *
 * @param feedId    the feed
 * @param accepted  ticks passed on without a flag
 * @param rejected  ticks dropped, per reason (only reasons with a count are present)
 * @param flagged   failed checks whose ticks were passed on marked, per reason (only reasons with a count)
 * @param lastError the text of the last normalisation error, or {@code null} if none
 */
public record FeedStats(String feedId, long accepted, Map<ValidationReason, Long> rejected,
                        Map<ValidationReason, Long> flagged, String lastError) {

    /**
     * Copies the maps.
     *
     * @throws NullPointerException if the feed id or a map is null
     */
    public FeedStats {
        Objects.requireNonNull(feedId, "feedId");
        rejected = Map.copyOf(rejected);
        flagged = Map.copyOf(flagged);
    }

    /**
     * The number of ticks rejected for a reason.
     *
     * @param reason the reason
     * @return the count, 0 if none
     */
    public long rejected(ValidationReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    /**
     * The number of ticks flagged for a reason.
     *
     * @param reason the reason
     * @return the count, 0 if none
     */
    public long flagged(ValidationReason reason) {
        return flagged.getOrDefault(reason, 0L);
    }
}
