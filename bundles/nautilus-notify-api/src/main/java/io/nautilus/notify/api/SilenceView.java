package io.nautilus.notify.api;

import java.util.List;
import java.util.Objects;

/**
 * A silence: alerts matching all its matchers are recorded but nobody is told, from its start to its end.
 *
 * @param id          the silence's id, e.g. {@code S3}
 * @param matchers    all must match for an alert to be silenced; not empty
 * @param startsNanos when it starts, nanoseconds since the epoch
 * @param endsNanos   when it ends (or ended, when expired early)
 * @param createdBy   the user who created it
 * @param comment     why, as the user wrote it; may be empty
 * @param active      whether it silences alerts now
 */
public record SilenceView(String id, List<LabelMatcher> matchers, long startsNanos, long endsNanos, String createdBy,
                          String comment, boolean active) {

    /**
     * Checks the view.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if there is no matcher
     */
    public SilenceView {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("silence " + id + " has no matcher");
        }
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }
}
