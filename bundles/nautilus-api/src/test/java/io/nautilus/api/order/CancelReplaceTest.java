package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import org.junit.jupiter.api.Test;

import static io.nautilus.api.instrument.FixedPoint.NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CancelReplaceTest {

    private static final AccountId ACCOUNT = AccountId.of("ACC-1");
    private static final InstrumentId ES = InstrumentId.of("ESZ4.CME");

    @Test
    void cancelReferencesTheOriginalOrder() {
        CancelOrder cancel = new CancelOrder(8, 7, ACCOUNT, ES);
        assertThat(cancel.origClientOrderId()).isEqualTo(7);
    }

    @Test
    void cancelNeedsItsOwnPositiveClientOrderId() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CancelOrder(7, 7, ACCOUNT, ES))
                .withMessage("cancel request 7: needs its own client order id, distinct from the order's");
        assertThatIllegalArgumentException().isThrownBy(() -> new CancelOrder(0, 7, ACCOUNT, ES))
                .withMessage("cancel request: client order id 0 must be greater than zero");
        assertThatIllegalArgumentException().isThrownBy(() -> new CancelOrder(8, -1, ACCOUNT, ES))
                .withMessage("cancel request 8: original client order id -1 must be greater than zero");
    }

    @Test
    void replaceMayChangePriceQuantityOrBoth() {
        ReplaceOrder priceOnly = new ReplaceOrder(8, 7, ACCOUNT, ES, 500_000, 0);
        assertThat(priceOnly.changesPrice()).isTrue();
        assertThat(priceOnly.changesQuantity()).isFalse();
        ReplaceOrder quantityOnly = new ReplaceOrder(8, 7, ACCOUNT, ES, NULL, 3);
        assertThat(quantityOnly.changesPrice()).isFalse();
        assertThat(quantityOnly.changesQuantity()).isTrue();
    }

    @Test
    void replaceThatChangesNothingIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplaceOrder(8, 7, ACCOUNT, ES, NULL, 0))
                .withMessage("replace request 8 changes nothing: give a new price, a new quantity or both");
    }

    @Test
    void replaceWithNegativeQuantityIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplaceOrder(8, 7, ACCOUNT, ES, 100, -2))
                .withMessageContaining("quantity -2");
    }

    @Test
    void replaceIsCheckedAgainstTheInstrument() {
        Instrument es = new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 2, 2, 0, "USD");
        assertThat(new ReplaceOrder(8, 7, ACCOUNT, ES, 500_025, 0).checkAgainst(es)).isEqualTo(RejectReason.NONE);
        assertThat(new ReplaceOrder(8, 7, ACCOUNT, ES, 500_020, 0).checkAgainst(es))
                .isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(new ReplaceOrder(8, 7, ACCOUNT, ES, NULL, 1).checkAgainst(es))
                .isEqualTo(RejectReason.QUANTITY_BELOW_MINIMUM);
    }
}
