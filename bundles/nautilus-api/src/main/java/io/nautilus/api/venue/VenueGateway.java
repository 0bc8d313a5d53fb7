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
 *
 * <p>Threads: a gateway calls its listeners (reports and state changes) only on its <em>session thread</em>: one
 * thread per gateway, one call at a time, in the order the venue produced them (a state change and the reports
 * around it included), never under the gateway's locks and never on the thread that called a send method,
 * {@link #connect()} or {@link #disconnect(String)}, so a listener may call the gateway back. {@link #state()} is
 * current at once; its listener is told afterwards, on that thread. A listener that throws is logged and counted,
 * and the next report is delivered as usual. Gateways keep this bookkeeping in a {@link VenueSession}.
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
     * Sets the listener that receives every execution report from this venue, on the session thread.
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

    /**
     * Asks the venue for its view of one order (reconciliation). The answer arrives through the listener as an
     * {@link io.nautilus.api.order.ExecutionReport} with {@link io.nautilus.api.order.ExecType#ORDER_STATUS}.
     *
     * @param query the order
     * @return true if handed to the session; false if the session is not usable or the venue cannot answer
     */
    default boolean requestStatus(OrderStatusQuery query) {
        return false;
    }

    /**
     * Sets the listener told about connection state changes, on the session thread.
     *
     * @param listener the listener, or {@code null} to stop telling
     */
    default void setStateListener(VenueStateListener listener) {
    }

    /**
     * The session as operators see it.
     *
     * @return the info
     */
    default VenueSessionInfo sessionInfo() {
        return new VenueSessionInfo(venueId(), state(), "", -1, -1, 0, "");
    }

    /** Connects (logs on) if not connected; returns at once, the state changes follow. */
    default void connect() {
    }

    /**
     * Disconnects (logs out) and stays down until {@link #connect()}.
     *
     * @param reason for the venue and the log
     */
    default void disconnect(String reason) {
    }
}
