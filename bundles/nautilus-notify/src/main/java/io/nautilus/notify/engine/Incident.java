package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One incident as the engine thread keeps it (mutable, engine thread only). */
final class Incident {

    final long id;
    final long firstNanos;
    Alert alert;
    AlertState state = AlertState.FIRING;
    long count = 1;
    String route = "";
    final Set<String> receivers = new LinkedHashSet<>();
    int escalationLevel;
    String suppressedBy = "";
    String acknowledgedBy = "";
    long acknowledgedNanos;
    String resolvedBy = "";
    long resolvedNanos;
    String comment = "";
    final List<Member> members = new ArrayList<>(1);

    Incident(long id, Alert alert) {
        this.id = id;
        this.alert = alert;
        this.firstNanos = alert.timestampNanos();
    }

    boolean open() {
        return state != AlertState.RESOLVED;
    }

    boolean suppressed() {
        return !suppressedBy.isEmpty();
    }

    AlertView view() {
        return new AlertView(id, alert, state, firstNanos, count, route, List.copyOf(receivers), escalationLevel,
                suppressedBy, acknowledgedBy, acknowledgedNanos, resolvedBy, resolvedNanos, comment);
    }
}
