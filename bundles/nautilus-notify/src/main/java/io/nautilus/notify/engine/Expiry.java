package io.nautilus.notify.engine;

/** When an open incident is resolved for not being raised again (an auto-resolve rule); engine thread only. */
final class Expiry extends Timed {

    final Incident incident;
    /** The rule's delay, for the resolution's reason. */
    long afterNanos;

    Expiry(Incident incident) {
        this.incident = incident;
    }
}
