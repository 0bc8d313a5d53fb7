package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {

    private final EngineFixture f = new EngineFixture();
    private byte[] before;

    @BeforeEach
    void book() {
        f.engine.defineInstrument(INSTRUMENT, 5, 10, 20, 0, 0);
        f.buy(1, ALICE, 100, 50);
        f.sell(2, BOB, 110, 50);
        before = f.snapshot();
    }

    private EngineFixture.Spec limit(long id, long price, long qty) {
        return f.order(id, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty);
    }

    private void assertRejected(Outcome out, RejectReason reason) {
        assertThat(out.reject()).isEqualTo(reason);
        assertThat(out.events()).hasSize(1);
        Ev ev = out.events().get(0);
        assertThat(ev.type()).isEqualTo(Events.REJECTED);
        assertThat(ev.reason()).isEqualTo(reason.ordinal());
        assertThat(f.snapshot()).as("engine state after a reject").isEqualTo(before);
    }

    @Test
    void duplicateOrderIdOfWorkingOrder() {
        assertRejected(limit(1, 100, 50).send(), RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void duplicateOrderIdOfFinishedOrder() {
        f.cancel(1);
        before = f.snapshot();

        assertRejected(limit(1, 100, 50).send(), RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void nonPositiveOrderId() {
        assertRejected(limit(0, 100, 50).send(), RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertRejected(limit(-3, 100, 50).send(), RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void rejectedIdCanBeUsedLater() {
        assertRejected(limit(3, 101, 50).send(), RejectReason.PRICE_NOT_ON_TICK);

        assertThat(limit(3, 100, 50).send().reject()).isEqualTo(RejectReason.NONE);
    }

    @Test
    void unknownInstrument() {
        assertRejected(limit(3, 100, 50).instrument(99).send(), RejectReason.UNKNOWN_INSTRUMENT);
    }

    @Test
    void unknownAccount() {
        assertRejected(f.order(3, 77, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 50).send(),
                RejectReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void missingSideTypeOrTif() {
        assertRejected(f.order(3, ALICE, null, OrderType.LIMIT, TimeInForce.GTC, 100, 50).send(),
                RejectReason.INVALID_ORDER);
        assertRejected(f.order(3, ALICE, Side.BUY, null, TimeInForce.GTC, 100, 50).send(),
                RejectReason.INVALID_ORDER);
        assertRejected(f.order(3, ALICE, Side.BUY, OrderType.LIMIT, null, 100, 50).send(),
                RejectReason.INVALID_ORDER);
    }

    @Test
    void nonPositiveQuantity() {
        assertRejected(limit(3, 100, 0).send(), RejectReason.INVALID_ORDER);
        assertRejected(limit(3, 100, -10).send(), RejectReason.INVALID_ORDER);
    }

    @Test
    void quantityNotALotMultiple() {
        assertRejected(limit(3, 100, 55).send(), RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
    }

    @Test
    void quantityBelowMinimum() {
        Outcome out = limit(3, 100, 10).send();

        assertRejected(out, RejectReason.QUANTITY_BELOW_MINIMUM);
        assertThat(f.command.rejectLimit).isEqualTo(20);
        assertThat(f.command.rejectValue).isEqualTo(10);
    }

    @Test
    void limitPriceOffTickOrNotPositive() {
        assertRejected(limit(3, 102, 50).send(), RejectReason.PRICE_NOT_ON_TICK);
        assertRejected(limit(3, 0, 50).send(), RejectReason.INVALID_ORDER);
        assertRejected(limit(3, -5, 50).send(), RejectReason.INVALID_ORDER);
    }

    @Test
    void stopPriceOffTickOrNotPositive() {
        assertRejected(f.order(3, ALICE, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 50).stop(121).send(),
                RejectReason.PRICE_NOT_ON_TICK);
        assertRejected(f.order(3, ALICE, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTC, 120, 50).send(),
                RejectReason.INVALID_ORDER);
        assertRejected(f.order(3, ALICE, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTC, 121, 50).stop(120)
                .send(), RejectReason.PRICE_NOT_ON_TICK);
    }

    @Test
    void displayQuantityOutOfRangeOrOffLot() {
        assertRejected(limit(3, 100, 50).display(60).send(), RejectReason.INVALID_ORDER);
        assertRejected(limit(3, 100, 50).display(-10).send(), RejectReason.INVALID_ORDER);
        assertRejected(limit(3, 100, 50).display(15).send(), RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
    }

    @Test
    void gtdWithoutExpiry() {
        assertRejected(f.order(3, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.GTD, 100, 50).send(),
                RejectReason.INVALID_ORDER);
    }

    @Test
    void undefinedFlags() {
        assertRejected(limit(3, 100, 50).flags(8).send(), RejectReason.INVALID_ORDER);
    }

    @Test
    void rejectedCommandsOnOrdersLeaveThemAlone() {
        assertRejected(f.cancel(5), RejectReason.UNKNOWN_ORDER);
        assertRejected(f.replace(1, 102, 50), RejectReason.PRICE_NOT_ON_TICK);
        assertRejected(f.reduce(1, 0), RejectReason.INVALID_ORDER);
    }
}
