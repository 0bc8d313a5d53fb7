package io.nautilus.notify.engine;

import java.util.LinkedHashSet;
import java.util.Set;

/** An incident's place in one route's group: whether the group told about it, and its escalation. */
final class Member extends Timed {

    final Incident incident;
    final Group group;
    boolean notified;
    boolean resolvedSent;
    /** Index of the next escalation level to run. */
    int nextLevel;
    final Set<String> told = new LinkedHashSet<>();

    Member(Incident incident, Group group) {
        this.incident = incident;
        this.group = group;
    }
}
