package io.nautilus.venue.fix;

import io.nautilus.api.venue.VenueSession;

/**
 * Counters of one FIX venue session, for operators and tests; they only grow while the gateway runs. They are the
 * labelled counters of the gateway's {@link VenueSession}, read here by name.
 */
public final class FixVenueStats {

    final VenueSession.Counter reportsDelivered;
    final VenueSession.Counter reportsRejected;
    final VenueSession.Counter messagesDropped;
    final VenueSession.Counter sessionRejectsSent;
    final VenueSession.Counter sessionRejectsReceived;
    final VenueSession.Counter businessRejectsReceived;
    final VenueSession.Counter cancelRejectsReceived;
    final VenueSession.Counter duplicateFillsDropped;

    FixVenueStats(VenueSession session) {
        reportsDelivered = session.counter(VenueSession.REPORTS);
        reportsRejected = session.counter("reportsRejected");
        messagesDropped = session.counter("dropped");
        sessionRejectsSent = session.counter("sessionRejectsSent");
        sessionRejectsReceived = session.counter("sessionRejectsReceived");
        businessRejectsReceived = session.counter("businessRejects");
        cancelRejectsReceived = session.counter("cancelRejects");
        duplicateFillsDropped = session.counter("duplicateFills");
    }

    /** @return execution reports handed to the listener's session thread */
    public long reportsDelivered() {
        return reportsDelivered.get();
    }

    /** @return venue ExecutionReports rejected at session level because they contradict themselves */
    public long reportsRejected() {
        return reportsRejected.get();
    }

    /** @return venue messages logged and dropped because they are not about an order the gateway knows */
    public long messagesDropped() {
        return messagesDropped.get();
    }

    /** @return session-level Rejects (35=3) the gateway sent: invalid messages from the venue */
    public long sessionRejectsSent() {
        return sessionRejectsSent.get();
    }

    /** @return session-level Rejects (35=3) the venue sent about our messages */
    public long sessionRejectsReceived() {
        return sessionRejectsReceived.get();
    }

    /** @return BusinessMessageRejects (35=j) the venue sent */
    public long businessRejectsReceived() {
        return businessRejectsReceived.get();
    }

    /** @return OrderCancelRejects (35=9) the venue sent */
    public long cancelRejectsReceived() {
        return cancelRejectsReceived.get();
    }

    /** @return fills the venue sent again (an ExecID already seen for the order), dropped */
    public long duplicateFillsDropped() {
        return duplicateFillsDropped.get();
    }

    @Override
    public String toString() {
        return "reports=" + reportsDelivered() + " reportsRejected=" + reportsRejected() + " dropped="
                + messagesDropped() + " sessionRejectsSent=" + sessionRejectsSent() + " sessionRejectsReceived="
                + sessionRejectsReceived() + " businessRejects=" + businessRejectsReceived() + " cancelRejects="
                + cancelRejectsReceived() + " duplicateFills=" + duplicateFillsDropped();
    }
}
