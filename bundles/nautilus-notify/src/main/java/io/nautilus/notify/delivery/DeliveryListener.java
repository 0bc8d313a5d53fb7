package io.nautilus.notify.delivery;

import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.engine.Outgoing;

/**
 * Told of every delivery attempt as it ends, e.g. to record it in the history store.
 *
 * <p>Called on the receiver's delivery thread (or the caller's thread for {@link Deliveries#test}); an
 * implementation must return quickly and not throw (a listener that throws is logged and the delivery goes on).
 */
@FunctionalInterface
public interface DeliveryListener {

    /** A listener that does nothing. */
    DeliveryListener NONE = (outgoing, attempt) -> { };

    /**
     * One attempt ended.
     *
     * @param outgoing the message as the pipeline released it (its alerts give the incidents' ids and keys)
     * @param attempt  the attempt: its number, outcome, detail, latency, and whether the message went to the
     *                 dead-letter list with it
     */
    void onAttempt(Outgoing outgoing, DeliveryView attempt);
}
