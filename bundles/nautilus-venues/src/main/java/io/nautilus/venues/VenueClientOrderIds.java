package io.nautilus.venues;

/**
 * The client order ids the venue layer gives an order's messages at its venue, derived from the core's order id so
 * that they survive a restart without any state: the new order is sent as the order id itself, its n-th cancel or
 * replace request (1 to 999) as {@code orderId * 1000 + n}. Core order ids stay below 10<sup>16</sup> (epoch
 * microseconds), request ids above 10<sup>17</sup>.
 */
final class VenueClientOrderIds {

    /** Requests per order before the numbering wraps around (the venue then sees a reused id). */
    static final int MAX_REQUESTS = 999;
    private static final long REQUEST_ID_FLOOR = 100_000_000_000_000_000L;

    private VenueClientOrderIds() {
    }

    /**
     * @param orderId the core's order id
     * @param request the request number, 1 to {@link #MAX_REQUESTS}
     * @return the client order id of that cancel or replace request
     */
    static long request(long orderId, int request) {
        return orderId * 1000 + request;
    }

    /**
     * @param clientOrderId a client order id the venue layer sent
     * @return the core's order id it belongs to
     */
    static long orderId(long clientOrderId) {
        return clientOrderId >= REQUEST_ID_FLOOR ? clientOrderId / 1000 : clientOrderId;
    }
}
