package io.nautilus.events;

/**
 * The counts of one running {@code nautilus-events} consumer endpoint since its route started.
 *
 * <p>{@code received = delivered + failed + queued + discarded}, where discarded events were still queued when
 * the route stopped. Dropped events were never queued: the hand-off was full when the core published them (the
 * history store, fed from the core's journal, still has them).
 *
 * @param endpointUri the endpoint, e.g. {@code nautilus-events://fills}
 * @param eventType   {@code execution}, {@code fill} or {@code bar}
 * @param capacity    the hand-off's capacity, in events
 * @param queued      events waiting in the hand-off now
 * @param received    events accepted into the hand-off
 * @param dropped     events refused because the hand-off was full
 * @param delivered   events the route processed without an exception
 * @param failed      events whose exchange ended with an exception (after the route's own error handling)
 * @param lastCoreSeq the highest core sequence number of a delivered execution or fill, 0 if none (and for bars)
 * @param lastError   the last delivery failure in one line, or {@code null}
 */
public record EventEndpointStats(String endpointUri, String eventType, int capacity, int queued, long received,
                                 long dropped, long delivered, long failed, long lastCoreSeq, String lastError) {
}
