package io.nautilus.api.venue;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.ReplaceOrder;

/**
 * A session with one external venue that carries order commands out and execution reports back; registered
 * as an OSGi service by a venue adapter.
 *
 * <p>The trading core is the single consumer: it sets the listener and feeds the venue's reports back onto
 * its command ring. Send methods are asynchronous; every outcome, including a venue reject, arrives as an
 * {@link io.nautilus.api.order.ExecutionReport} with the command's client order id.
 */
public interface VenueGateway {

    /**
     * The venue this gateway connects to.
     *
     * @return the venue id
     */
    VenueId venueId();

    /**
     * The session's current connection state.
     *
     * @return the state; commands are accepted only when {@link ConnectionState#isUsable()}
     */
    ConnectionState state();

    /**
     * Sets the listener that receives every execution report from this venue.
     *
     * @param listener the consumer, or {@code null} to stop delivering
     */
    void setListener(ExecutionReportListener listener);

    /**
     * Sends a new order to the venue.
     *
     * @param order the order, already validated and risk-checked
     * @return true if handed to the session; false if the session is not usable, in which case nothing was sent
     */
    boolean sendNew(NewOrder order);

    /**
     * Sends a cancel request to the venue.
     *
     * @param cancel the request
     * @return true if handed to the session; false if the session is not usable, in which case nothing was sent
     */
    boolean sendCancel(CancelOrder cancel);

    /**
     * Sends a replace request to the venue.
     *
     * @param replace the request
     * @return true if handed to the session; false if the session is not usable, in which case nothing was sent
     */
    boolean sendReplace(ReplaceOrder replace);
}
