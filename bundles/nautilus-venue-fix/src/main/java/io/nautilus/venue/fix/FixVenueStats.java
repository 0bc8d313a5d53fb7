package io.nautilus.venue.fix;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one FIX venue session, for operators and tests; they only grow while the gateway runs.
 */
public final class FixVenueStats {

    final LongAdder reportsDelivered = new LongAdder();
    final LongAdder reportsRejected = new LongAdder();
    final LongAdder messagesDropped = new LongAdder();
    final LongAdder sessionRejectsSent = new LongAdder();
    final LongAdder sessionRejectsReceived = new LongAdder();
    final LongAdder businessRejectsReceived = new LongAdder();
    final LongAdder cancelRejectsReceived = new LongAdder();
    final LongAdder duplicateFillsDropped = new LongAdder();

    /** @return execution reports handed to the listener */
    public long reportsDelivered() {
        return reportsDelivered.sum();
    }

    /** @return venue ExecutionReports rejected at session level because they contradict themselves */
    public long reportsRejected() {
        return reportsRejected.sum();
    }

    /** @return venue messages logged and dropped because they are not about an order the gateway knows */
    public long messagesDropped() {
        return messagesDropped.sum();
    }

    /** @return session-level Rejects (35=3) the gateway sent: invalid messages from the venue */
    public long sessionRejectsSent() {
        return sessionRejectsSent.sum();
    }

    /** @return session-level Rejects (35=3) the venue sent about our messages */
    public long sessionRejectsReceived() {
        return sessionRejectsReceived.sum();
    }

    /** @return BusinessMessageRejects (35=j) the venue sent */
    public long businessRejectsReceived() {
        return businessRejectsReceived.sum();
    }

    /** @return OrderCancelRejects (35=9) the venue sent */
    public long cancelRejectsReceived() {
        return cancelRejectsReceived.sum();
    }

    /** @return fills the venue sent again (an ExecID already seen for the order), dropped */
    public long duplicateFillsDropped() {
        return duplicateFillsDropped.sum();
    }

    @Override
    public String toString() {
        return "reports=" + reportsDelivered() + " reportsRejected=" + reportsRejected() + " dropped="
                + messagesDropped() + " sessionRejectsSent=" + sessionRejectsSent() + " sessionRejectsReceived="
                + sessionRejectsReceived() + " businessRejects=" + businessRejectsReceived() + " cancelRejects="
                + cancelRejectsReceived() + " duplicateFills=" + duplicateFillsDropped();
    }
}
