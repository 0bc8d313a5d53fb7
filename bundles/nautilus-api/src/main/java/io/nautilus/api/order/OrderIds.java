package io.nautilus.api.order;

/**
 * The id checks shared by cancel and replace requests.
 */
final class OrderIds {

    private OrderIds() {
    }

    static void checkRequestIds(String request, long clientOrderId, long origClientOrderId) {
        if (clientOrderId <= 0) {
            throw new IllegalArgumentException(request + " request: client order id " + clientOrderId
                    + " must be greater than zero");
        }
        if (origClientOrderId <= 0) {
            throw new IllegalArgumentException(request + " request " + clientOrderId + ": original client order id "
                    + origClientOrderId + " must be greater than zero");
        }
        if (clientOrderId == origClientOrderId) {
            throw new IllegalArgumentException(request + " request " + clientOrderId
                    + ": needs its own client order id, distinct from the order's");
        }
    }
}
