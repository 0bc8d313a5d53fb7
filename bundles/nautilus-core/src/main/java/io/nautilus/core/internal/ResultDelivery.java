package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.engine.Registry;

import java.util.List;
import java.util.function.Function;

/**
 * What a processed command tells a {@link CommandResultListener}: its {@link CommandResult} and the instrument or
 * account it defined. The live publication and the journal replay both go through here, so they deliver the same.
 */
public final class ResultDelivery {

    private ResultDelivery() {
    }

    /**
     * @param c a processed command
     * @param reports its execution reports
     * @return its result
     */
    public static CommandResult result(Command c, List<ExecutionReport> reports) {
        return new CommandResult(c.seq, c.op == Op.NEW || c.orderId > 0 && c.op <= Op.REDUCE ? c.orderId : 0,
                c.rejectReason, c.rejectDetail, c.rejectLimit, c.rejectValue, reports);
    }

    /**
     * @param c a processed command
     * @return true if it defined or redefined an instrument or account
     */
    static boolean defines(Command c) {
        return (c.op == Op.ADD_INSTRUMENT || c.op == Op.ADD_ACCOUNT) && !c.rejected();
    }

    /**
     * Hands a command's result (if it produced reports) and definition (if it made one) to a listener; the
     * listener's exceptions propagate.
     *
     * @param listener the listener
     * @param c the processed command
     * @param result its result, or null if it produced no execution report
     * @param instruments the instrument of a definition, with the venue and currency the core knows
     */
    static void deliver(CommandResultListener listener, Command c, CommandResult result,
                        Function<Registry.InstrumentDef, Instrument> instruments) {
        if (result != null) {
            listener.onCommandResult(result);
        }
        if (!defines(c)) {
            return;
        }
        if (c.op == Op.ADD_INSTRUMENT) {
            listener.onInstrumentDefined(c.seq, c.timestamp, instruments.apply(Registry.instrumentOf(c)));
        } else {
            Registry.AccountDef def = Registry.accountOf(c);
            listener.onAccountDefined(c.seq, c.timestamp, new AccountView(AccountId.of(def.name()),
                    def.stp().name().toLowerCase().replace('_', '-'), CoreTradingState.ACTIVE), def.capital());
        }
    }
}
