package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.ACC_1;
import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.api.OrderView;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/** Input the core must never see: numbers that are not plain decimals, accounts it does not know. */
class AccountAndNumberInputTest extends CoreCommandTest {

    private static final String NOT_PLAIN = "' is not a plain decimal number (digits with an optional '-' and '.',"
            + " e.g. 1000 or 0.25; no exponent, '+', hex or '_')";

    @Test
    void submitRefusesScientificNotationForQuantityAndPrice() {
        SubmitCommand quantity = submit("1e3", "100");
        assertThatThrownBy(quantity::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: quantity '1e3" + NOT_PLAIN);
        SubmitCommand price = submit("1", "1E2");
        assertThatThrownBy(price::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: price '1E2" + NOT_PLAIN);
        for (String text : new String[] {"+1", "0x1", "1_0", "NaN", "Infinity"}) {
            SubmitCommand other = submit(text, "100");
            assertThatThrownBy(other::execute).as(text).hasMessage("nautilus: quantity '" + text + NOT_PLAIN);
        }
        assertThat(core.received).isEmpty();
    }

    @Test
    void replaceAndReduceRefuseScientificNotation() {
        core.orders.add(new OrderView(42, 0, ACC_1, BTC.id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10_000, 0,
                10_000, 10_000, 0, 0, OrderFlags.NONE, 0, true));
        ReplaceCommand replace = wired(new ReplaceCommand());
        replace.orderId = 42;
        replace.quantity = "1e3";
        assertThatThrownBy(replace::execute).hasMessage("nautilus: --quantity '1e3" + NOT_PLAIN);
        replace.quantity = null;
        replace.price = "1.005e2";
        assertThatThrownBy(replace::execute).hasMessage("nautilus: --price '1.005e2" + NOT_PLAIN);
        ReduceCommand reduce = wired(new ReduceCommand());
        reduce.orderId = 42;
        reduce.quantity = "1e-1";
        assertThatThrownBy(reduce::execute).hasMessage("nautilus: quantity '1e-1" + NOT_PLAIN);
        assertThat(core.received).isEmpty();
    }

    @Test
    void positionsAndPnlOfAnUnknownAccountFail() {
        PositionsCommand positions = wired(new PositionsCommand());
        positions.account = "nobody";
        assertThatThrownBy(positions::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: unknown account 'nobody'; known: ACC-1, ACC-2");
        PnlCommand pnl = wired(new PnlCommand());
        pnl.account = "nobody";
        assertThatThrownBy(pnl::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: unknown account 'nobody'; known: ACC-1, ACC-2");
        assertThat(output()).isEmpty();
    }

    @Test
    void positionsAndPnlOfAKnownAccountWithoutPositionsPrintTheEmptyTable() throws Exception {
        PositionsCommand positions = wired(new PositionsCommand());
        positions.account = "ACC-2";
        positions.run(out);
        PnlCommand pnl = wired(new PnlCommand());
        pnl.account = "ACC-2";
        pnl.run(out);
        assertThat(output()).isNotEmpty();
    }

    private SubmitCommand submit(String quantity, String price) {
        SubmitCommand submit = wired(new SubmitCommand());
        submit.account = "ACC-1";
        submit.instrument = "BTC-USD";
        submit.side = "BUY";
        submit.quantity = quantity;
        submit.price = price;
        return submit;
    }
}
