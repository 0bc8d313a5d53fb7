package io.nautilus.core.engine;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.Op;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.matching.MatchingEngine;
import io.nautilus.core.position.PairGrid;
import io.nautilus.core.position.PositionKeeper;
import io.nautilus.core.risk.RiskEngine;

import java.util.List;

/**
 * The core's business logic on its single writer thread: for each command, pre-trade risk, then matching, then
 * positions, then risk's own bookkeeping; and the admin commands that define instruments and accounts. Owns all the
 * trading state; nothing here is thread-safe, by design (the pipeline calls it from one thread, and queries run
 * between commands on that thread).
 *
 * <p>Risk and positions keep their per-account and per-(account, instrument) state in dense arrays indexed by the
 * registry's ids ({@link PairGrid}); a definition grows them, so no order does. A definition that would take the
 * accounts x instruments beyond {@link PairGrid}'s limits is rejected like any invalid definition.
 */
public final class TradingEngine implements CommandProcessor {

    /** Reject detail of an invalid instrument/account definition. */
    public static final String DETAIL_DEFINITION = "definition";
    /** Reject detail of a NEW for an account no ADD_ACCOUNT defined. */
    public static final String DETAIL_ACCOUNT = "account";

    private final Registry registry = new Registry();
    private final MatchingEngine matching = new MatchingEngine();
    private final PositionKeeper positions;
    private final RiskEngine risk;
    private final AveragePrices averages = new AveragePrices();
    private long maxOrderId;
    private final Snapshotable counters = new Snapshotable() {
        @Override
        public void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
            out.writeLong(maxOrderId);
        }

        @Override
        public void readSnapshot(java.io.DataInput in) throws java.io.IOException {
            maxOrderId = in.readLong();
        }
    };

    /**
     * @param moneyScale scale of the account P&amp;L totals (usually the common price scale of the instruments)
     */
    public TradingEngine(int moneyScale) {
        positions = new PositionKeeper(moneyScale);
        risk = new RiskEngine(positions, name -> registry.view().accountId(name),
                symbol -> registry.view().instrumentId(symbol));
    }

    /** @return the snapshot parts, in their fixed order */
    public List<Snapshotable> snapshotParts() {
        return List.of(registry, matching, positions, risk, averages, counters);
    }

    @Override
    public void process(Command c) {
        switch (c.op) {
            case Op.ADD_INSTRUMENT -> defineInstrument(c);
            case Op.ADD_ACCOUNT -> defineAccount(c);
            default -> trade(c);
        }
    }

    private void trade(Command c) {
        if (c.op == Op.NEW && c.orderId > maxOrderId) {
            maxOrderId = c.orderId;
        }
        if (c.op == Op.NEW && c.account >= registry.accountCount()) {
            // risk keeps state per account it sees: an undefined account must not get any
            c.reject(RejectReason.UNKNOWN_ACCOUNT, DETAIL_ACCOUNT, 0, 0);
            c.events.rejected(c.orderId, c.account, c.instrument, c.side, c.rejectReason, 0, 0);
            return;
        }
        if (!risk.check(c)) {
            c.events.rejected(c.orderId, c.account, c.instrument, c.side, c.rejectReason, c.rejectLimit,
                    c.rejectValue);
            return;
        }
        matching.process(c);
        if (c.rejected()) {
            return;
        }
        positions.apply(c);
        risk.apply(c);
        averages.apply(c);
    }

    private void defineInstrument(Command c) {
        Registry.InstrumentDef def;
        try {
            def = Registry.instrumentOf(c);
            String problem = registry.problem(def);
            if (problem == null) {
                problem = PairGrid.problem(Math.max(0, registry.accountCount() - 1), def.id());
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            // validate everything before changing anything
            positions.defineInstrument(def.id(), def.priceScale(), def.quantityScale(), def.makerFeeBps(),
                    def.takerFeeBps(), 0);
            matching.defineInstrument(def.id(), def.tickSize(), def.lotSize(), def.minQuantity(), def.priceBandBps(),
                    def.referencePrice());
            matching.setExternal(def.id(), InstrumentCommand.external(c));
        } catch (RuntimeException e) {
            rejectDefinition(c);
            return;
        }
        String problem = registry.define(def);
        if (problem != null) {
            rejectDefinition(c);
            return;
        }
        risk.apply(c);
    }

    private void defineAccount(Command c) {
        Registry.AccountDef def;
        try {
            def = Registry.accountOf(c);
        } catch (RuntimeException e) {
            rejectDefinition(c);
            return;
        }
        if (PairGrid.problem(def.id(), Math.max(0, registry.instrumentCount() - 1)) != null) {
            rejectDefinition(c);
            return;
        }
        String problem = registry.define(def);
        if (problem != null) {
            rejectDefinition(c);
            return;
        }
        positions.defineAccount(def.id());
        matching.defineAccount(def.id(), def.stp());
        risk.apply(c);
    }

    private static void rejectDefinition(Command c) {
        c.reject(RejectReason.INVALID_ORDER, DETAIL_DEFINITION, 0, 0);
        c.events.rejected(0, c.account, c.instrument, null, RejectReason.INVALID_ORDER, 0, 0);
    }

    /** @return the highest order id any NEW command used (writer thread) */
    public long maxOrderId() {
        return maxOrderId;
    }

    /** @return the registry (its {@link Registry#view()} may be read from any thread) */
    public Registry registry() {
        return registry;
    }

    /** @return the matching engine (writer thread only) */
    public MatchingEngine matching() {
        return matching;
    }

    /** @return positions and P&amp;L (writer thread only) */
    public PositionKeeper positions() {
        return positions;
    }

    /** @return pre-trade risk (writer thread only) */
    public RiskEngine risk() {
        return risk;
    }
}
