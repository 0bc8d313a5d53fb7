package io.nautilus.notify.config;

import io.nautilus.notify.api.LabelMatcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One routing rule ({@code route.<n>.*}): which alerts it takes, who is told, how its alerts are grouped and how
 * they escalate.
 *
 * @param number         its number; routes are tried in increasing number
 * @param match          all must hold for an alert to match; empty matches every alert
 * @param receivers      told first (escalation level 0)
 * @param groupBy        the labels an alert's group is made of ({@code key}, {@code severity}, {@code source} or
 *                       the alert's labels); empty puts all the route's alerts in one group
 * @param groupWait      how long a new group waits for more alerts before its first notification; 0 releases it
 *                       at once
 * @param groupInterval  how long a group waits after a notification before telling about new or resolved alerts
 * @param repeatInterval how long after a notification a group whose alerts are still firing and unacknowledged is
 *                       told again
 * @param escalations    the escalation levels, in order; may be empty
 * @param escalateLoop   whether the levels start again after the last while still unacknowledged
 * @param continueMatching whether later routes are tried too when this one matches
 */
public record RouteConfig(int number, List<LabelMatcher> match, List<String> receivers, List<String> groupBy,
                          Duration groupWait, Duration groupInterval, Duration repeatInterval,
                          List<EscalationLevel> escalations, boolean escalateLoop, boolean continueMatching) {

    /**
     * Checks the route.
     *
     * @throws IllegalArgumentException if a duration is negative or an interval zero
     */
    public RouteConfig {
        match = List.copyOf(match);
        receivers = List.copyOf(receivers);
        groupBy = List.copyOf(groupBy);
        escalations = List.copyOf(escalations);
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        if (groupWait.isNegative() || groupInterval.isZero() || groupInterval.isNegative()
                || repeatInterval.isZero() || repeatInterval.isNegative()) {
            throw new IllegalArgumentException(name() + ": group_wait must be 0 or more, group_interval and"
                    + " repeat_interval positive");
        }
    }

    /** @return how the route is named in incidents and messages, {@code route.<n>} */
    public String name() {
        return "route." + number;
    }
}
