package io.nautilus.core.matching;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Events;

import java.util.List;

/** The outcome of one processed command, copied out of the command slot. */
record Outcome(RejectReason reject, List<Ev> events) {

    List<String> types() {
        return events.stream().map(Ev::typeName).toList();
    }

    List<Ev> trades() {
        return events.stream().filter(e -> e.type() == Events.TRADE).toList();
    }

    /** @return the trades as "taker>maker qty@price" */
    List<String> fills() {
        return trades().stream().map(e -> e.orderId() + ">" + e.counterOrderId() + " " + e.qty() + "@" + e.price())
                .toList();
    }

    Ev only(byte type) {
        List<Ev> of = events.stream().filter(e -> e.type() == type).toList();
        if (of.size() != 1) {
            throw new AssertionError("expected one " + Events.typeName(type) + " in " + events);
        }
        return of.get(0);
    }
}
