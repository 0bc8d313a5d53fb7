package io.nautilus.core.journal;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;

import static org.assertj.core.api.Assertions.assertThat;

/** Deterministic test commands and comparisons. */
public final class Commands {

    private Commands() {
    }

    /**
     * Fills the input fields of command number i (1-based) of a deterministic stream; seq is not set.
     *
     * @param c the command
     * @param i its number
     */
    public static void fill(Command c, long i) {
        c.timestamp = 1_700_000_000_000_000_000L + i * 1_000;
        int kind = (int) (i % 10);
        c.op = switch (kind) {
            case 7 -> Op.CANCEL;
            case 8 -> Op.REPLACE;
            case 9 -> i % 50 == 9 ? Op.ADD_ACCOUNT : Op.MARK;
            default -> Op.NEW;
        };
        c.orderId = i;
        c.account = (int) (i % 5);
        c.instrument = (int) (i % 3);
        c.side = i % 2 == 0 ? Side.BUY : Side.SELL;
        c.type = OrderType.values()[(int) (i % 4)];
        c.tif = TimeInForce.values()[(int) (i % 5)];
        c.price = 10_000 + i % 97;
        c.qty = 1 + i % 13;
        c.stopPrice = i % 4 >= 2 ? 9_000 : 0;
        c.displayQty = i % 11 == 0 ? 1 : 0;
        c.flags = (int) (i & 3);
        c.expiry = c.tif == TimeInForce.GTD ? c.timestamp + 5_000 : 0;
        c.clientOrderId = i * 7;
        c.text = c.op == Op.ADD_ACCOUNT ? "account-" + i + "-ü€😀" : null;
    }

    /**
     * Asserts two commands have the same input fields (attachment excluded).
     *
     * @param actual the read command
     * @param expected the written one
     */
    public static void assertSameInput(Command actual, Command expected) {
        assertThat(actual.seq).as("seq").isEqualTo(expected.seq);
        assertThat(actual.timestamp).as("timestamp").isEqualTo(expected.timestamp);
        assertThat(actual.op).as("op").isEqualTo(expected.op);
        assertThat(actual.orderId).as("orderId").isEqualTo(expected.orderId);
        assertThat(actual.account).as("account").isEqualTo(expected.account);
        assertThat(actual.instrument).as("instrument").isEqualTo(expected.instrument);
        assertThat(actual.side).as("side").isEqualTo(expected.side);
        assertThat(actual.type).as("type").isEqualTo(expected.type);
        assertThat(actual.tif).as("tif").isEqualTo(expected.tif);
        assertThat(actual.price).as("price").isEqualTo(expected.price);
        assertThat(actual.qty).as("qty").isEqualTo(expected.qty);
        assertThat(actual.stopPrice).as("stopPrice").isEqualTo(expected.stopPrice);
        assertThat(actual.displayQty).as("displayQty").isEqualTo(expected.displayQty);
        assertThat(actual.flags).as("flags").isEqualTo(expected.flags);
        assertThat(actual.expiry).as("expiry").isEqualTo(expected.expiry);
        assertThat(actual.clientOrderId).as("clientOrderId").isEqualTo(expected.clientOrderId);
        assertThat(actual.text).as("text").isEqualTo(expected.text);
        assertThat(actual.attachment).as("attachment").isNull();
    }
}
