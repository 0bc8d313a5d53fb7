package io.nautilus.core.matching;

import io.nautilus.api.Side;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Events;

import java.util.ArrayList;
import java.util.List;

/** One event copied out of an {@link Events} buffer, comparable and readable in assertion messages. */
record Ev(byte type, long orderId, long counterOrderId, int account, int counterAccount, int instrument, Side side,
          long price, long qty, long leaves, long counterLeaves, int reason, long value, long value2) {

    static List<Ev> copy(Events e) {
        List<Ev> list = new ArrayList<>(e.size());
        for (int i = 0; i < e.size(); i++) {
            list.add(new Ev(e.type(i), e.orderId(i), e.counterOrderId(i), e.account(i), e.counterAccount(i),
                    e.instrument(i), e.side(i), e.price(i), e.qty(i), e.leaves(i), e.counterLeaves(i), e.reason(i),
                    e.value(i), e.value2(i)));
        }
        return list;
    }

    String typeName() {
        return Events.typeName(type);
    }

    CancelReason cancelReason() {
        return CancelReason.fromCode(reason);
    }

    @Override
    public String toString() {
        return switch (type) {
            case Events.TRADE -> "TRADE " + orderId + "x" + counterOrderId + " " + qty + "@" + price + " leaves "
                    + leaves + "/" + counterLeaves + " cum " + value + "/" + value2;
            case Events.CANCELED -> "CANCELED " + orderId + " " + qty + "@" + price + " " + cancelReason();
            case Events.REJECTED -> "REJECTED " + orderId + " " + RejectReason.values()[reason];
            case Events.REPLACED -> "REPLACED " + orderId + " " + qty + "@" + price + " leaves " + leaves + " was "
                    + value2 + "@" + value + (reason == 1 ? " kept" : " lost");
            default -> typeName() + " " + orderId + " " + side + " " + qty + "@" + price + " leaves " + leaves;
        };
    }
}
