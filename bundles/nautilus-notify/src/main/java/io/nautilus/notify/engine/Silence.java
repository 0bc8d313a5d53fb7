package io.nautilus.notify.engine;

import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.SilenceView;

import java.util.List;

/** A silence as the engine thread keeps it. */
final class Silence extends Timed {

    final String id;
    final List<LabelMatcher> matchers;
    final AlertMatcher matcher;
    final long startsNanos;
    long endsNanos;
    final String createdBy;
    final String comment;

    Silence(String id, List<LabelMatcher> matchers, long startsNanos, long endsNanos, String createdBy,
            String comment) {
        this.id = id;
        this.matchers = List.copyOf(matchers);
        this.matcher = new AlertMatcher(matchers);
        this.startsNanos = startsNanos;
        this.endsNanos = endsNanos;
        this.createdBy = createdBy;
        this.comment = comment;
    }

    boolean active(long now) {
        return startsNanos <= now && now < endsNanos;
    }

    SilenceView view(long now) {
        return new SilenceView(id, matchers, startsNanos, endsNanos, createdBy, comment, active(now));
    }
}
