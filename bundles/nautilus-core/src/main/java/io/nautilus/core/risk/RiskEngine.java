package io.nautilus.core.risk;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.Op;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.TradingState;
import io.nautilus.core.position.PairGrid;
import io.nautilus.core.position.PositionKeeper;
import io.nautilus.core.position.WideMath;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Pre-trade risk of the trading core: trading states (global, account, instrument, account in instrument), the
 * kill switch, reduce-only, {@link Limit limits} and per-account rate throttles, on the core's single writer
 * thread.
 *
 * <p>Per command, the engine calls {@link #check(Command)} before matching (a rejection is written with
 * {@link Command#reject} and nothing else changes), then, after matching and {@link PositionKeeper#apply}, calls
 * {@link #apply(Command)} for every command that risk did not reject: it follows the working orders from the
 * events and performs the admin ops ({@link Op#SET_TRADING_STATE}, {@link Op#KILL}, {@link Op#SET_LIMITS},
 * {@link Op#CLOCK} end of day, and re-resolution of limits on {@link Op#ADD_ACCOUNT}/{@link Op#ADD_INSTRUMENT}).
 * Admin changes and new limits take effect from the next command.
 *
 * <p>Checks of a NEW (and of a REPLACE that raises the open quantity or changes the price), first failure wins:
 * unknown instrument (not defined in the {@link PositionKeeper}) → UNKNOWN_INSTRUMENT; effective state HALTED →
 * TRADING_HALTED ({@link RejectReason#KILL_SWITCH} if a {@link Op#KILL} halted it); REDUCING and the order does
 * not reduce → TRADING_HALTED; reduce-only and the order does not reduce → REDUCE_ONLY_WOULD_INCREASE; then
 * RISK_LIMIT for maxOrderQty, maxOrderNotional, maxLong/maxShort, maxGrossExposure, maxDailyLoss, maxLeverage
 * ({@value #DETAIL_EQUITY} first if equity &lt;= 0), maxConcentration; then THROTTLED for maxOrdersPerSecond. An
 * order "reduces" when it is on the side opposite to the position and the open quantity of that side's working
 * orders plus this order is at most |position| (so together they can never flip it).
 * CANCEL and REDUCE, and a REPLACE that only lowers the quantity at the same price, pass every state and limit and
 * are only throttled (maxCancelsPerSecond, resp. maxOrdersPerSecond). MASS_CANCEL, MARK and admin ops are not
 * throttled. Malformed orders (no side or type, quantity &lt;= 0, negative account) and commands on orders risk
 * does not know pass untouched: matching rejects them.
 *
 * <p>Leverage and concentration (orders that reduce the position are exempt, like maxDailyLoss): the account's
 * gross exposure after the order = Σ |position| × mark (money scale, {@link PositionKeeper#grossExposure}) + Σ over
 * its working orders of open × exposure price (both sides counted, absolute; kept incrementally while such a limit
 * is configured, rebuilt in one pass when one is set) + what this order adds (open × reference price; a REPLACE
 * replaces its old share). Leverage = gross / equity, where equity =
 * configured capital ({@link #setCapital}, {@link Op#ADD_ACCOUNT}) + net P&amp;L; with equity &lt;= 0 a
 * risk-increasing order is rejected {@value #DETAIL_EQUITY} (limit 0, would-be the equity). Concentration = the
 * instrument's exposure after the order (position at mark + working orders) / gross, checked only when gross is
 * above minConcentrationExposure. Both ratios are rounded up to {@link Limit#RATIO_SCALE} decimals. All notionals
 * are converted to the one money scale: instruments are assumed to quote in one currency, as for P&amp;L.
 *
 * <p>Throttle: exact sliding window of one second of {@link Command#timestamp} (logical time, never a clock): with
 * a limit of N, a command at time t is allowed if fewer than N of the account's earlier allowed commands of that
 * kind lie in {@code (t - 1s, t]}. A command consumes budget only when {@code check} passes it; rejected commands
 * consume none.
 *
 * <p>Reference price for notional limits: the limit price (LIMIT, STOP_LIMIT; the new price of a REPLACE), the
 * stop price (STOP), else the instrument's mark ({@link PositionKeeper#markPrice}: last trade or MARK). If a
 * notional-based limit (maxOrderNotional, or maxGrossExposure for an order that would add exposure) is configured
 * and there is no reference price, the order is rejected RISK_LIMIT with detail {@value #DETAIL_REFERENCE_PRICE};
 * without such limits it passes.
 *
 * <p>Reject values ({@link Command#rejectLimit} / {@link Command#rejectValue}) are in the limit's units after
 * conversion (quantity scale, price scale or money scale); for REDUCING and reduce-only: |position| available to
 * reduce / open quantity on the order's side including it; for throttles: the limit / the count this command
 * would make.
 *
 * <p>State is found by index, not by hash: per account in an array by dense account id, per account and instrument
 * in flat arrays laid out by a {@link PairGrid}, grown on {@link Op#ADD_ACCOUNT} and {@link Op#ADD_INSTRUMENT}
 * (or, used without the engine's registry, when a scope is first named). A scope beyond the grid's limits
 * (account id {@link PairGrid#MAX_ACCOUNTS} or more, instrument id {@link PositionKeeper#MAX_INSTRUMENTS} or more,
 * or too many account-instrument cells) cannot be given a state: such a {@link Op#SET_TRADING_STATE} or
 * {@link Op#KILL} changes nothing.
 */
public final class RiskEngine implements Snapshotable {

    /** Reject detail: the effective trading state is HALTED. */
    public static final String DETAIL_HALTED = "halted";
    /** Reject detail: a kill switch halted the scope. */
    public static final String DETAIL_KILL_SWITCH = "killSwitch";
    /** Reject detail: the effective state is REDUCING and the order does not reduce. */
    public static final String DETAIL_REDUCING = "reducing";
    /** Reject detail: a reduce-only order would increase or flip the position. */
    public static final String DETAIL_REDUCE_ONLY = "reduceOnly";
    /** Reject detail: a notional limit applies and the order has no reference price. */
    public static final String DETAIL_REFERENCE_PRICE = "referencePrice";
    /** Reject detail: the instrument is not defined in the position keeper. */
    public static final String DETAIL_INSTRUMENT = "instrument";
    /** Reject detail: SET_TRADING_STATE with an unknown state code. */
    public static final String DETAIL_TRADING_STATE = "tradingState";
    /**
     * Reject detail: a leverage limit applies and the account's equity (capital + net P&amp;L) is zero or negative;
     * the reject's would-be value is the equity (money scale), its limit 0.
     */
    public static final String DETAIL_EQUITY = "equity";
    /** Reject detail: SET_LIMITS without limits, or with text that does not parse. */
    public static final String DETAIL_LIMITS = "limits";

    private static final int STATE_MASK = 3;
    private static final int KILLED = 4;
    private static final int SNAPSHOT_MAGIC_V1 = 0x52534B31; // "RSK1": no capital, no exposure prices
    private static final int SNAPSHOT_MAGIC = 0x52534B32; // "RSK2"
    private static final long RATIO_UNIT = FixedPoint.pow10(Limit.RATIO_SCALE);
    private static final TradingState[] STATES = TradingState.values();

    private final PositionKeeper positions;
    private final ToIntFunction<String> accountIds;
    private final ToIntFunction<String> instrumentIds;
    private WorkingOrders orders;
    /** By dense account id; null = not seen yet. */
    private AccountRisk[] accounts = new AccountRisk[0];
    /** The times of every account's order windows, and of their cancel windows. */
    private RateLog orderLog = new RateLog();
    private RateLog cancelLog = new RateLog();
    private int accountCount;
    private PairGrid stateGrid = PairGrid.EMPTY;
    /** State codes of the account-in-instrument scopes, laid out by {@link #stateGrid}. */
    private int[] pairStates = new int[0];
    private int pairStateCount;
    private int[] instrumentStates = new int[0];
    private int globalState;
    private ResolvedRiskLimits limits = ResolvedRiskLimits.NONE;

    /**
     * Creates a risk engine that cannot resolve limits by name itself: give it {@link ResolvedRiskLimits}.
     *
     * @param positions the positions and marks it reads (never writes)
     */
    public RiskEngine(PositionKeeper positions) {
        this(positions, null, null);
    }

    /**
     * Creates a risk engine that resolves {@link RiskLimits} (from {@link #setLimits(RiskLimits)} or a
     * {@link Op#SET_LIMITS} attachment) with the core's registries, and re-resolves them on {@link Op#ADD_ACCOUNT}
     * and {@link Op#ADD_INSTRUMENT} (the registry must know the new name by then).
     *
     * @param positions     the positions and marks it reads (never writes)
     * @param accountIds    account name to dense id, negative if unknown; null = cannot resolve
     * @param instrumentIds instrument symbol to dense id, negative if unknown; null = cannot resolve
     */
    public RiskEngine(PositionKeeper positions, ToIntFunction<String> accountIds,
                      ToIntFunction<String> instrumentIds) {
        this.positions = Objects.requireNonNull(positions, "positions");
        this.orders = new WorkingOrders(positions);
        this.accountIds = accountIds;
        this.instrumentIds = instrumentIds;
    }

    static long pairKey(int account, int instrument) {
        return ((long) account << 32) | (instrument & 0xFFFF_FFFFL);
    }

    // ------------------------------------------------------------------ limits

    /**
     * Replaces the limits; they apply from the next command checked.
     *
     * @param resolved the new limits
     */
    public void setLimits(ResolvedRiskLimits resolved) {
        limits = Objects.requireNonNull(resolved, "resolved");
        for (AccountRisk account : accounts) {
            if (account != null) {
                account.sizeWindows(resolved);
            }
        }
        orders.trackExposure(resolved.usesExposure());
    }

    /**
     * Resolves the limits with the registries given at construction and applies them from the next command.
     *
     * @param named the new limits
     * @throws IllegalStateException    if this engine was built without registries
     * @throws IllegalArgumentException if two names resolve to one id (the old limits stay)
     */
    public void setLimits(RiskLimits named) {
        if (accountIds == null || instrumentIds == null) {
            throw new IllegalStateException("this risk engine has no registries to resolve names with");
        }
        setLimits(named.resolve(accountIds, instrumentIds));
    }

    /** @return the limits in force */
    public ResolvedRiskLimits limits() {
        return limits;
    }

    // ------------------------------------------------------------------ check

    /**
     * Pre-trade check of one command. On rejection it calls {@link Command#reject} and changes nothing; on success
     * the only change is the throttle window recording the command.
     *
     * @param c the command (input fields set, outcome cleared)
     * @return true if the command may proceed
     */
    public boolean check(Command c) {
        return switch (c.op) {
            case Op.NEW -> checkNew(c);
            case Op.REPLACE -> checkReplace(c);
            case Op.CANCEL, Op.REDUCE -> checkCancel(c);
            case Op.SET_TRADING_STATE -> checkTradingState(c);
            case Op.SET_LIMITS -> checkLimits(c);
            default -> true;
        };
    }

    private boolean checkNew(Command c) {
        if (c.side == null || c.type == null || c.qty <= 0 || c.account < 0) {
            return true;
        }
        if (!positions.isDefined(c.instrument)) {
            c.reject(RejectReason.UNKNOWN_INSTRUMENT, DETAIL_INSTRUMENT, 0, 0);
            return false;
        }
        long reference;
        if (c.type.hasLimitPrice()) {
            reference = c.price;
        } else if (c.type == OrderType.STOP && c.stopPrice != 0) {
            reference = c.stopPrice;
        } else {
            reference = positions.markPrice(c.instrument);
        }
        return checkOrder(c, account(c.account), c.instrument, c.side == Side.BUY, c.qty, 0, 0, c.qty, reference,
                OrderFlags.isReduceOnly(c.flags));
    }

    private boolean checkReplace(Command c) {
        int slot = orders.slot(c.orderId);
        if (slot < 0) {
            return true;
        }
        AccountRisk account = account(orders.account(slot));
        int instrument = orders.instrument(slot);
        long oldOpen = orders.open(slot);
        long filled = orders.filled(slot);
        long oldPrice = orders.price(slot);
        long newTotal = c.qty == Command.UNCHANGED ? filled + oldOpen : c.qty;
        long newPrice = c.price == Command.UNCHANGED ? oldPrice : c.price;
        if (newTotal <= 0 || !positions.isDefined(instrument)) {
            return true;
        }
        long newOpen = Math.max(0, newTotal - filled);
        if (newOpen <= oldOpen && newPrice == oldPrice) {
            return throttle(c, account.orders, Limit.MAX_ORDERS_PER_SECOND);
        }
        long reference = newPrice != 0 ? newPrice : positions.markPrice(instrument);
        return checkOrder(c, account, instrument, orders.buy(slot), newTotal, oldOpen,
                WideMath.saturatedMultiply(oldOpen, orders.exposurePrice(slot)), newOpen, reference,
                OrderFlags.isReduceOnly(orders.flags(slot)));
    }

    private boolean checkCancel(Command c) {
        int slot = orders.slot(c.orderId);
        if (slot < 0) {
            return true;
        }
        return throttle(c, account(orders.account(slot)).cancels, Limit.MAX_CANCELS_PER_SECOND);
    }

    private boolean checkTradingState(Command c) {
        if (c.flags < 0 || c.flags >= STATES.length) {
            c.reject(RejectReason.INVALID_ORDER, DETAIL_TRADING_STATE, STATES.length - 1, c.flags);
            return false;
        }
        return true;
    }

    private boolean checkLimits(Command c) {
        if (c.attachment instanceof RiskLimits || c.attachment instanceof ResolvedRiskLimits) {
            return true;
        }
        if (c.attachment == null && c.text != null) {
            try {
                c.attachment = RiskLimits.parse(c.text);
                return true;
            } catch (IllegalArgumentException e) {
                c.reject(RejectReason.INVALID_ORDER, DETAIL_LIMITS, 0, 0);
                return false;
            }
        }
        c.reject(RejectReason.INVALID_ORDER, DETAIL_LIMITS, 0, 0);
        return false;
    }

    /**
     * @param orderQty  total order quantity (for maxOrderQty and the notional)
     * @param ownOpen   open quantity of this order already counted in the working orders (REPLACE), else 0
     * @param ownNotional open * exposure price of this order already counted in the working exposure, else 0
     * @param newOpen   open quantity of this order if it passes
     * @param reference reference price, or {@link FixedPoint#NULL}
     */
    private boolean checkOrder(Command c, AccountRisk account, int instrument, boolean buy, long orderQty,
                               long ownOpen, long ownNotional, long newOpen, long reference, boolean reduceOnly) {
        int id = account.account;
        long position = positions.quantity(id, instrument);
        long sideOpen = WideMath.saturatedAdd(orders.working(id, instrument, buy) - ownOpen, newOpen);
        boolean opposite = buy ? position < 0 : position > 0;
        long reducible = opposite ? Math.abs(position) : 0;
        boolean reducing = opposite && sideOpen <= reducible;

        int state = stateCode(account, instrument);
        if ((state & STATE_MASK) == TradingState.HALTED.ordinal()) {
            if ((state & KILLED) != 0) {
                c.reject(RejectReason.KILL_SWITCH, DETAIL_KILL_SWITCH, 0, 0);
            } else {
                c.reject(RejectReason.TRADING_HALTED, DETAIL_HALTED, 0, 0);
            }
            return false;
        }
        if ((state & STATE_MASK) == TradingState.REDUCING.ordinal() && !reducing) {
            c.reject(RejectReason.TRADING_HALTED, DETAIL_REDUCING, reducible, sideOpen);
            return false;
        }
        if (reduceOnly && !reducing) {
            c.reject(RejectReason.REDUCE_ONLY_WOULD_INCREASE, DETAIL_REDUCE_ONLY, reducible, sideOpen);
            return false;
        }

        ResolvedRiskLimits l = limits;
        LimitValues own = l.account(id);
        LimitValues inInstrument = l.instrument(instrument);
        LimitValues pair = l.pair(id, instrument);
        int quantityScale = positions.quantityScale(instrument);
        int priceScale = positions.priceScale(instrument);
        int moneyScale = positions.moneyScale();
        boolean priced = reference != FixedPoint.NULL;
        long absReference = priced ? Math.abs(reference) : 0;

        long maxQty = l.value(Limit.MAX_ORDER_QTY, pair, own, inInstrument, quantityScale);
        if (orderQty > maxQty) {
            return riskLimit(c, Limit.MAX_ORDER_QTY, maxQty, orderQty);
        }
        long maxNotional = l.value(Limit.MAX_ORDER_NOTIONAL, pair, own, inInstrument, priceScale);
        if (maxNotional != Long.MAX_VALUE) {
            if (!priced) {
                c.reject(RejectReason.RISK_LIMIT, DETAIL_REFERENCE_PRICE, 0, 0);
                return false;
            }
            long notional = ceilingScale(WideMath.saturatedMultiply(orderQty, absReference), quantityScale, 0);
            if (notional > maxNotional) {
                return riskLimit(c, Limit.MAX_ORDER_NOTIONAL, maxNotional, notional);
            }
        }
        long projected = WideMath.saturatedAdd(position, buy ? sideOpen : -sideOpen);
        if (buy) {
            long maxLong = l.value(Limit.MAX_LONG, pair, own, inInstrument, quantityScale);
            if (projected > maxLong) {
                return riskLimit(c, Limit.MAX_LONG, maxLong, projected);
            }
        } else {
            long maxShort = l.value(Limit.MAX_SHORT, pair, own, inInstrument, quantityScale);
            long shortQty = projected == Long.MIN_VALUE ? Long.MAX_VALUE : -projected;
            if (shortQty > maxShort) {
                return riskLimit(c, Limit.MAX_SHORT, maxShort, shortQty);
            }
        }
        long maxGross = l.accountValue(Limit.MAX_GROSS_EXPOSURE, own, moneyScale);
        if (maxGross != Long.MAX_VALUE) {
            long increase = (projected == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(projected)) - Math.abs(position);
            if (increase > 0) {
                if (!priced) {
                    c.reject(RejectReason.RISK_LIMIT, DETAIL_REFERENCE_PRICE, 0, 0);
                    return false;
                }
                long added = ceilingScale(WideMath.saturatedMultiply(increase, absReference),
                        priceScale + quantityScale, moneyScale);
                long gross = WideMath.saturatedAdd(positions.grossExposure(id), added);
                if (gross > maxGross) {
                    return riskLimit(c, Limit.MAX_GROSS_EXPOSURE, maxGross, gross);
                }
            }
        }
        long maxLoss = l.accountValue(Limit.MAX_DAILY_LOSS, own, moneyScale);
        if (maxLoss != Long.MAX_VALUE && !reducing) {
            long loss = account.dayStartPnl - positions.netPnl(id);
            if (loss > maxLoss) {
                return riskLimit(c, Limit.MAX_DAILY_LOSS, maxLoss, loss);
            }
        }
        long maxLeverage = l.accountValue(Limit.MAX_LEVERAGE, own, Limit.RATIO_SCALE);
        long maxConcentration = l.accountValue(Limit.MAX_CONCENTRATION, own, Limit.RATIO_SCALE);
        if ((maxLeverage != Long.MAX_VALUE || maxConcentration != Long.MAX_VALUE) && !reducing) {
            if (!priced) {
                c.reject(RejectReason.RISK_LIMIT, DETAIL_REFERENCE_PRICE, 0, 0);
                return false;
            }
            long pairBefore = orders.notional(id, instrument);
            long pairAfter = WideMath.saturatedAdd(pairBefore - ownNotional,
                    WideMath.saturatedMultiply(newOpen, absReference));
            long workingAfter = positions.notionalToMoney(instrument, pairAfter);
            long gross = WideMath.saturatedAdd(WideMath.saturatedAdd(positions.grossExposure(id),
                    orders.accountExposure(id)), workingAfter - positions.notionalToMoney(instrument, pairBefore));
            if (maxLeverage != Long.MAX_VALUE) {
                long equity = WideMath.saturatedAdd(account.capital, positions.netPnl(id));
                if (equity <= 0) {
                    c.reject(RejectReason.RISK_LIMIT, DETAIL_EQUITY, 0, equity);
                    return false;
                }
                long leverage = ratio(gross, equity);
                if (leverage > maxLeverage) {
                    return riskLimit(c, Limit.MAX_LEVERAGE, maxLeverage, leverage);
                }
            }
            if (maxConcentration != Long.MAX_VALUE
                    && gross > l.accountValue(Limit.MIN_CONCENTRATION_EXPOSURE, own, moneyScale)) {
                long share = ratio(WideMath.saturatedAdd(positions.exposure(id, instrument), workingAfter), gross);
                if (share > maxConcentration) {
                    return riskLimit(c, Limit.MAX_CONCENTRATION, maxConcentration, share);
                }
            }
        }
        return throttle(c, account.orders, Limit.MAX_ORDERS_PER_SECOND);
    }

    /**
     * A ratio as the leverage and concentration limits compute it; allocation-free.
     *
     * @param numerator   at least 0 (a negative one counts as 0)
     * @param denominator greater than 0
     * @return {@code numerator / denominator} at {@link Limit#RATIO_SCALE} decimals, rounded up,
     * {@link Long#MAX_VALUE} if larger
     */
    public static long ratio(long numerator, long denominator) {
        if (numerator / denominator >= Long.MAX_VALUE / RATIO_UNIT) {
            return Long.MAX_VALUE;
        }
        return WideMath.mulDiv(Math.max(0, numerator), RATIO_UNIT, denominator, RoundingMode.CEILING);
    }

    /** Rescales a non-negative value from one scale to another, rounding up and saturating. */
    private static long ceilingScale(long value, int fromScale, int toScale) {
        if (toScale >= fromScale) {
            return WideMath.saturatedMultiply(value, FixedPoint.pow10(toScale - fromScale));
        }
        long divisor = FixedPoint.pow10(fromScale - toScale);
        long quotient = value / divisor;
        return value % divisor == 0 ? quotient : quotient + 1;
    }

    private static boolean riskLimit(Command c, Limit limit, long value, long wouldBe) {
        c.reject(RejectReason.RISK_LIMIT, limit.key(), value, wouldBe);
        return false;
    }

    private static boolean throttle(Command c, RateWindow window, Limit limit) {
        if (window.tryAcquire(c.timestamp)) {
            return true;
        }
        c.reject(RejectReason.THROTTLED, limit.key(), window.capacity(), window.inWindow(c.timestamp) + 1L);
        return false;
    }

    private int stateCode(AccountRisk account, int instrument) {
        int a = account.state;
        int i = instrument >= 0 && instrument < instrumentStates.length ? instrumentStates[instrument] : 0;
        int p = pairState(account.account, instrument);
        int state = Math.max(Math.max(globalState & STATE_MASK, a & STATE_MASK),
                Math.max(i & STATE_MASK, p & STATE_MASK));
        return state | ((globalState | a | i | p) & KILLED);
    }

    private int pairState(int account, int instrument) {
        PairGrid g = stateGrid;
        return g.holds(account, instrument) ? pairStates[g.index(account, instrument)] : 0;
    }

    /** @return the account's risk state, created (and the dense array grown) if not seen yet */
    private AccountRisk account(int id) {
        AccountRisk[] a = accounts;
        if (id < a.length) {
            AccountRisk account = a[id];
            if (account != null) {
                return account;
            }
        }
        return newAccount(id);
    }

    private AccountRisk newAccount(int id) {
        if (id < 0 || id >= PairGrid.MAX_ACCOUNTS) {
            throw new IllegalArgumentException("account id " + id + " outside 0.." + (PairGrid.MAX_ACCOUNTS - 1));
        }
        if (id >= accounts.length) {
            accounts = Arrays.copyOf(accounts, (int) Math.min(PairGrid.MAX_ACCOUNTS,
                    Math.max(id + 1L, Math.max(16L, accounts.length * 2L))));
        }
        AccountRisk account = new AccountRisk(id, orderLog, cancelLog);
        account.sizeWindows(limits);
        accounts[id] = account;
        accountCount++;
        return account;
    }

    /** @return the account's risk state, or null if not seen yet */
    private AccountRisk existing(int id) {
        return id >= 0 && id < accounts.length ? accounts[id] : null;
    }

    // ------------------------------------------------------------------ apply

    /**
     * Updates working orders from the command's events and performs its admin op. Call after
     * {@link PositionKeeper#apply} for every command {@link #check} did not reject.
     *
     * @param c the processed command
     */
    public void apply(Command c) {
        if (!c.rejected()) {
            switch (c.op) {
                case Op.SET_TRADING_STATE -> {
                    if (c.flags >= 0 && c.flags < STATES.length) {
                        setState(c.account, c.instrument, c.flags);
                    }
                }
                case Op.KILL -> setState(c.account, c.instrument, TradingState.HALTED.ordinal() | KILLED);
                case Op.CLOCK -> {
                    if ((c.flags & Op.CLOCK_END_OF_DAY) != 0) {
                        startOfDay();
                    }
                }
                case Op.SET_LIMITS -> applyLimits(c);
                case Op.ADD_ACCOUNT -> {
                    if (c.account >= 0 && c.account < PairGrid.MAX_ACCOUNTS && c.price >= 0) {
                        account(c.account).capital = c.price;
                        orders.hold(c.account, 0);
                    }
                    // an account no limit names takes the defaults (its windows sized as it was created): resolving
                    // again, which sizes every account's windows, would make defining n accounts take n² time
                    if (c.text == null || limits.limits().namesAccount(c.text)) {
                        reresolve();
                    }
                }
                case Op.ADD_INSTRUMENT -> {
                    orders.hold(0, InstrumentCommand.id(c));
                    String symbol = InstrumentCommand.symbol(c);
                    if (symbol == null || limits.limits().namesInstrument(symbol)) {
                        reresolve();
                    }
                }
                default -> {
                }
            }
        }
        Events events = c.events;
        for (int i = 0, n = events.size(); i < n; i++) {
            switch (events.type(i)) {
                case Events.ACCEPTED, Events.ROUTED -> {
                    // a venue order counts from the moment the core sends it; the venue's ack changes nothing
                    if (orders.slot(events.orderId(i)) < 0) {
                        accepted(c, events, i);
                    }
                }
                case Events.REJECTED -> {
                    // a venue refusing an order the core had sent
                    int slot = orders.slot(events.orderId(i));
                    if (slot >= 0 && c.op == Op.VENUE_REPORT) {
                        orders.remove(slot);
                    }
                }
                case Events.TRADE -> {
                    int taker = orders.slot(events.orderId(i));
                    if (taker >= 0) {
                        orders.setFilled(taker, events.value(i));
                        orders.setOpen(taker, events.leaves(i));
                    }
                    int maker = orders.slot(events.counterOrderId(i));
                    if (maker >= 0) {
                        orders.setFilled(maker, events.value2(i));
                        orders.setOpen(maker, events.counterLeaves(i));
                    }
                }
                case Events.CANCELED, Events.EXPIRED -> {
                    int slot = orders.slot(events.orderId(i));
                    if (slot >= 0) {
                        orders.remove(slot);
                    }
                }
                case Events.REDUCED -> {
                    int slot = orders.slot(events.orderId(i));
                    if (slot >= 0) {
                        orders.setOpen(slot, events.leaves(i));
                    }
                }
                case Events.REPLACED -> {
                    int slot = orders.slot(events.orderId(i));
                    if (slot >= 0) {
                        if (events.price(i) != 0) {
                            orders.setPrice(slot, events.price(i));
                        }
                        orders.setOpen(slot, events.leaves(i));
                    }
                }
                default -> {
                }
            }
        }
    }

    private void accepted(Command c, Events events, int i) {
        long orderId = events.orderId(i);
        boolean own = c.op == Op.NEW && c.orderId == orderId;
        long price = events.price(i);
        if (price == 0 && own) {
            price = c.stopPrice;
        }
        long exposurePrice = price != 0 ? price : positions.markPrice(events.instrument(i));
        orders.add(orderId, events.account(i), events.instrument(i), events.side(i) == Side.BUY, events.leaves(i),
                price, own ? c.flags : 0, exposurePrice == FixedPoint.NULL ? 0 : exposurePrice);
    }

    private void applyLimits(Command c) {
        try {
            if (c.attachment instanceof ResolvedRiskLimits resolved) {
                setLimits(resolved);
            } else {
                RiskLimits named = c.attachment instanceof RiskLimits parsed ? parsed
                        : c.text != null ? RiskLimits.parse(c.text) : null;
                if (named != null) {
                    setLimits(accountIds == null || instrumentIds == null
                            ? named.resolve(n -> -1, n -> -1) : named.resolve(accountIds, instrumentIds));
                }
            }
        } catch (IllegalArgumentException e) {
            // invalid limits: check() rejects them; the old limits stay
        }
    }

    private void reresolve() {
        if (accountIds == null || instrumentIds == null) {
            return;
        }
        try {
            setLimits(limits.limits().resolve(accountIds, instrumentIds));
        } catch (IllegalArgumentException e) {
            // two names on one id: keep the limits in force
        }
    }

    // ------------------------------------------------------------------ admin

    /**
     * Sets the trading state of a scope, as {@link Op#SET_TRADING_STATE} does (clears a kill of that scope).
     *
     * @param account    dense account id or {@link Command#ANY}
     * @param instrument dense instrument id or {@link Command#ANY}; both ANY = global
     * @param state      the state
     */
    public void setTradingState(int account, int instrument, TradingState state) {
        setState(account, instrument, state.ordinal());
    }

    /**
     * Halts a scope as {@link Op#KILL} does (orders are then rejected {@link RejectReason#KILL_SWITCH}).
     *
     * @param account    dense account id or {@link Command#ANY}
     * @param instrument dense instrument id or {@link Command#ANY}; both ANY = global
     */
    public void kill(int account, int instrument) {
        setState(account, instrument, TradingState.HALTED.ordinal() | KILLED);
    }

    private void setState(int account, int instrument, int code) {
        boolean anyAccount = account == Command.ANY;
        boolean anyInstrument = instrument == Command.ANY;
        if ((!anyAccount && account < 0) || (!anyInstrument && instrument < 0)) {
            return;
        }
        if (anyAccount && anyInstrument) {
            globalState = code;
        } else if (anyInstrument) {
            if (account < PairGrid.MAX_ACCOUNTS) {
                account(account).state = code;
            }
        } else if (anyAccount) {
            if (instrument >= PositionKeeper.MAX_INSTRUMENTS) {
                return;
            }
            if (instrument >= instrumentStates.length) {
                instrumentStates = Arrays.copyOf(instrumentStates, Math.max(instrument + 1,
                        Math.min(PositionKeeper.MAX_INSTRUMENTS, instrumentStates.length * 2)));
            }
            instrumentStates[instrument] = code;
        } else {
            setPairState(account, instrument, code);
        }
    }

    private void setPairState(int account, int instrument, int code) {
        if (!stateGrid.holds(account, instrument)) {
            if (code == 0 || PairGrid.problem(account, instrument) != null) {
                return;
            }
            PairGrid grown = stateGrid.grownFor(account, instrument);
            pairStates = grown.copy(pairStates, stateGrid);
            stateGrid = grown;
        }
        int cell = stateGrid.index(account, instrument);
        pairStateCount += (code != 0 ? 1 : 0) - (pairStates[cell] != 0 ? 1 : 0);
        pairStates[cell] = code;
    }

    /**
     * Starts a new trading day (as {@link Op#CLOCK} with {@link Op#CLOCK_END_OF_DAY} does): every account's daily
     * loss is measured from its current net P&amp;L.
     */
    public void startOfDay() {
        for (int id : positions.accounts()) {
            account(id);
        }
        for (AccountRisk account : accounts) {
            if (account != null) {
                account.dayStartPnl = positions.netPnl(account.account);
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /**
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return the effective state for an order of the account in the instrument (most restrictive of all scopes)
     */
    public TradingState tradingState(int account, int instrument) {
        AccountRisk risk = existing(account);
        int a = risk == null ? 0 : risk.state;
        int i = instrument >= 0 && instrument < instrumentStates.length ? instrumentStates[instrument] : 0;
        int p = pairState(account, instrument);
        return STATES[Math.max(Math.max(globalState & STATE_MASK, a & STATE_MASK),
                Math.max(i & STATE_MASK, p & STATE_MASK))];
    }

    /**
     * @param account    dense account id or {@link Command#ANY}
     * @param instrument dense instrument id or {@link Command#ANY}; both ANY = global
     * @return the state set for exactly that scope (ACTIVE if never set)
     */
    public TradingState scopeState(int account, int instrument) {
        return STATES[scopeCode(account, instrument) & STATE_MASK];
    }

    /**
     * @param account    dense account id or {@link Command#ANY}
     * @param instrument dense instrument id or {@link Command#ANY}; both ANY = global
     * @return true if that scope was halted by a kill and not reset since
     */
    public boolean killed(int account, int instrument) {
        return (scopeCode(account, instrument) & KILLED) != 0;
    }

    private int scopeCode(int account, int instrument) {
        if (account == Command.ANY && instrument == Command.ANY) {
            return globalState;
        }
        if (instrument == Command.ANY) {
            AccountRisk risk = existing(account);
            return risk == null ? 0 : risk.state;
        }
        if (account == Command.ANY) {
            return instrument >= 0 && instrument < instrumentStates.length ? instrumentStates[instrument] : 0;
        }
        return pairState(account, instrument);
    }

    /**
     * @param account    dense account id
     * @param instrument dense instrument id
     * @param side       the side
     * @return open quantity of the account's working orders on that side
     */
    public long workingQuantity(int account, int instrument, Side side) {
        return orders.working(account, instrument, side == Side.BUY);
    }

    /** @return number of working orders risk follows */
    public int workingOrders() {
        return orders.size();
    }

    /**
     * @param account dense account id
     * @return number of the account's working orders
     */
    public int workingOrders(int account) {
        return orders.count(account);
    }

    /**
     * @return the global state, then every account, instrument and account-in-instrument scope whose state is not
     * ACTIVE, each ascending by id
     */
    public List<ScopeState> tradingStates() {
        List<ScopeState> states = new ArrayList<>();
        states.add(scopeState(Command.ANY, Command.ANY, globalState));
        for (int id : sortedAccountIds()) {
            int code = accounts[id].state;
            if (code != 0) {
                states.add(scopeState(id, Command.ANY, code));
            }
        }
        for (int i = 0; i < instrumentStates.length; i++) {
            if (instrumentStates[i] != 0) {
                states.add(scopeState(Command.ANY, i, instrumentStates[i]));
            }
        }
        for (long key : sortedPairKeys()) {
            int account = (int) (key >> 32);
            int instrument = (int) key;
            states.add(scopeState(account, instrument, pairState(account, instrument)));
        }
        return states;
    }

    private static ScopeState scopeState(int account, int instrument, int code) {
        return new ScopeState(account, instrument, STATES[code & STATE_MASK], (code & KILLED) != 0);
    }

    private int[] sortedAccountIds() {
        int[] ids = new int[accountCount];
        int k = 0;
        for (AccountRisk account : accounts) {
            if (account != null) {
                ids[k++] = account.account;
            }
        }
        return ids;
    }

    /** @return (account &lt;&lt; 32 | instrument) of every scope with a state, ascending (the grid is row-major) */
    private long[] sortedPairKeys() {
        long[] keys = new long[pairStateCount];
        int k = 0;
        for (int cell = 0; cell < pairStates.length; cell++) {
            if (pairStates[cell] != 0) {
                keys[k++] = pairKey(stateGrid.account(cell), stateGrid.instrument(cell));
            }
        }
        return keys;
    }

    /**
     * Sets an account's capital, as an {@link Op#ADD_ACCOUNT} carrying it in {@link Command#price} does.
     *
     * @param account dense account id, at least 0
     * @param capital money scale, at least 0
     * @throws IllegalArgumentException if either is negative
     */
    public void setCapital(int account, long capital) {
        if (account < 0 || capital < 0) {
            throw new IllegalArgumentException("account " + account + " capital " + capital + ": must not be negative");
        }
        account(account).capital = capital;
    }

    /**
     * @param account dense account id
     * @return its configured capital, money scale (0 if none)
     */
    public long capital(int account) {
        AccountRisk risk = existing(account);
        return risk == null ? 0 : risk.capital;
    }

    /**
     * @param account dense account id
     * @return capital + net P&amp;L (realised + unrealised - fees), money scale: the leverage limit's denominator
     */
    public long equity(int account) {
        return WideMath.saturatedAdd(capital(account), positions.netPnl(account));
    }

    /**
     * @param account dense account id
     * @return open positions at mark plus working orders (both sides, absolute notionals), money scale: the
     * leverage and concentration limits' gross exposure before an order
     */
    public long grossExposure(int account) {
        return WideMath.saturatedAdd(positions.grossExposure(account), orders.accountExposure(account));
    }

    /**
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return the account's exposure in one instrument (position at mark plus working orders), money scale
     */
    public long exposure(int account, int instrument) {
        return WideMath.saturatedAdd(positions.exposure(account, instrument),
                positions.isDefined(instrument) ? positions.notionalToMoney(instrument,
                        orders.notional(account, instrument)) : 0);
    }

    /**
     * @param account dense account id
     * @return loss since the start of the day (positive = loss), money scale
     */
    public long dailyLoss(int account) {
        AccountRisk risk = existing(account);
        return (risk == null ? 0 : risk.dayStartPnl) - positions.netPnl(account);
    }

    /**
     * The limits the accounts are already beyond, e.g. after a limit was lowered below what is there: a position over
     * its maxLong or maxShort, gross exposure of the positions at mark over maxGrossExposure, the day's loss over
     * maxDailyLoss, leverage (open positions and working orders over equity) over maxLeverage. For alerts and the
     * shell: it allocates, so it is a query, never called per command.
     *
     * @return the breaches, by account then instrument (account-wide limits last)
     */
    public List<LimitBreach> breaches() {
        List<LimitBreach> list = new ArrayList<>();
        ResolvedRiskLimits l = limits;
        int moneyScale = positions.moneyScale();
        for (int account : positions.accounts()) {
            for (io.nautilus.core.position.PositionView p : positions.positions(account)) {
                long qty = p.quantity();
                int scale = p.quantityScale();
                if (qty > 0) {
                    long max = l.effective(Limit.MAX_LONG, account, p.instrument(), scale);
                    if (qty > max) {
                        list.add(new LimitBreach(account, p.instrument(), Limit.MAX_LONG, max, qty, scale));
                    }
                } else if (qty < 0) {
                    long max = l.effective(Limit.MAX_SHORT, account, p.instrument(), scale);
                    long shortQty = qty == Long.MIN_VALUE ? Long.MAX_VALUE : -qty;
                    if (shortQty > max) {
                        list.add(new LimitBreach(account, p.instrument(), Limit.MAX_SHORT, max, shortQty, scale));
                    }
                }
            }
            long maxGross = l.effective(Limit.MAX_GROSS_EXPOSURE, account, Command.ANY, moneyScale);
            long gross = positions.grossExposure(account);
            if (gross > maxGross) {
                list.add(new LimitBreach(account, Command.ANY, Limit.MAX_GROSS_EXPOSURE, maxGross, gross, moneyScale));
            }
            long maxLoss = l.effective(Limit.MAX_DAILY_LOSS, account, Command.ANY, moneyScale);
            long loss = dailyLoss(account);
            if (loss > maxLoss) {
                list.add(new LimitBreach(account, Command.ANY, Limit.MAX_DAILY_LOSS, maxLoss, loss, moneyScale));
            }
            long maxLeverage = l.effective(Limit.MAX_LEVERAGE, account, Command.ANY, Limit.RATIO_SCALE);
            if (maxLeverage != Long.MAX_VALUE) {
                long equity = equity(account);
                long exposure = grossExposure(account);
                long leverage = equity <= 0 ? (exposure > 0 ? Long.MAX_VALUE : 0) : ratio(exposure, equity);
                if (leverage > maxLeverage) {
                    list.add(new LimitBreach(account, Command.ANY, Limit.MAX_LEVERAGE, maxLeverage, leverage,
                            Limit.RATIO_SCALE));
                }
            }
        }
        return list;
    }

    // ------------------------------------------------------------------ snapshot

    /**
     * Writes states, kills, working orders, rate windows, start-of-day P&amp;L and the limits in force (canonical
     * text plus the resolved name ids).
     */
    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        byte[] text = limits.limits().toText().getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        writeIds(out, limits.accountIds());
        writeIds(out, limits.instrumentIds());
        out.writeInt(globalState);
        int count = 0;
        for (int code : instrumentStates) {
            count += code != 0 ? 1 : 0;
        }
        out.writeInt(count);
        for (int i = 0; i < instrumentStates.length; i++) {
            if (instrumentStates[i] != 0) {
                out.writeInt(i);
                out.writeInt(instrumentStates[i]);
            }
        }
        long[] keys = sortedPairKeys();
        out.writeInt(keys.length);
        for (long key : keys) {
            out.writeLong(key);
            out.writeInt(pairState((int) (key >> 32), (int) key));
        }
        int[] ids = sortedAccountIds();
        out.writeInt(ids.length);
        for (int id : ids) {
            AccountRisk account = accounts[id];
            out.writeInt(id);
            out.writeInt(account.state);
            out.writeLong(account.dayStartPnl);
            out.writeLong(account.capital);
            account.orders.write(out);
            account.cancels.write(out);
        }
        orders.write(out);
    }

    private static void writeIds(DataOutput out, Map<String, Integer> ids) throws IOException {
        out.writeInt(ids.size());
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != SNAPSHOT_MAGIC && magic != SNAPSHOT_MAGIC_V1) {
            throw new IOException("not a risk engine snapshot (bad magic)");
        }
        boolean v1 = magic == SNAPSHOT_MAGIC_V1;
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("invalid limits length " + length + " in risk snapshot");
        }
        byte[] text = new byte[length];
        in.readFully(text);
        Map<String, Integer> accountMap = readIds(in);
        Map<String, Integer> instrumentMap = readIds(in);
        ResolvedRiskLimits resolved;
        try {
            resolved = RiskLimits.parse(new String(text, StandardCharsets.UTF_8))
                    .resolve(n -> accountMap.getOrDefault(n, -1), n -> instrumentMap.getOrDefault(n, -1));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid limits in risk snapshot: " + e.getMessage(), e);
        }
        int global = in.readInt();
        int[] instrumentCodes = new int[0];
        int count = in.readInt();
        for (int k = 0; k < count; k++) {
            int instrument = in.readInt();
            if (instrument < 0 || instrument >= PositionKeeper.MAX_INSTRUMENTS) {
                throw new IOException("invalid instrument " + instrument + " in risk snapshot");
            }
            if (instrument >= instrumentCodes.length) {
                instrumentCodes = Arrays.copyOf(instrumentCodes, instrument + 1);
            }
            instrumentCodes[instrument] = in.readInt();
        }
        long[] pairKeys = new long[0];
        int[] pairCodes = new int[0];
        count = in.readInt();
        if (count < 0) {
            throw new IOException("invalid pair state count " + count + " in risk snapshot");
        }
        for (int k = 0; k < count; k++) {
            if (k == pairKeys.length) {
                pairKeys = Arrays.copyOf(pairKeys, Math.max(16, k * 2));
                pairCodes = Arrays.copyOf(pairCodes, pairKeys.length);
            }
            pairKeys[k] = in.readLong();
            pairCodes[k] = in.readInt();
        }
        int pairCount = count;
        List<AccountRisk> readAccounts = new ArrayList<>();
        RateLog readOrderLog = new RateLog();
        RateLog readCancelLog = new RateLog();
        count = in.readInt();
        for (int k = 0; k < count; k++) {
            AccountRisk account = new AccountRisk(in.readInt(), readOrderLog, readCancelLog);
            account.state = in.readInt();
            account.dayStartPnl = in.readLong();
            account.capital = v1 ? 0 : in.readLong();
            account.orders.read(in);
            account.cancels.read(in);
            if (account.account < 0 || account.account >= PairGrid.MAX_ACCOUNTS) {
                throw new IOException("invalid account " + account.account + " in risk snapshot");
            }
            readAccounts.add(account);
        }
        readOrderLog.sortByTime();
        readCancelLog.sortByTime();
        WorkingOrders readOrders = new WorkingOrders(positions);
        readOrders.read(in, !v1);
        readOrders.trackExposure(resolved.usesExposure());
        orders = readOrders;
        limits = resolved;
        globalState = global;
        instrumentStates = instrumentCodes;
        stateGrid = PairGrid.EMPTY;
        pairStates = new int[0];
        pairStateCount = 0;
        for (int k = 0; k < pairCount; k++) {
            setPairState((int) (pairKeys[k] >> 32), (int) pairKeys[k], pairCodes[k]);
        }
        accounts = new AccountRisk[0];
        accountCount = 0;
        orderLog = readOrderLog;
        cancelLog = readCancelLog;
        for (AccountRisk account : readAccounts) {
            if (existing(account.account) == null) {
                newAccount(account.account);
            }
            accounts[account.account] = account;
            orders.hold(account.account, 0);
        }
        orders.hold(0, Math.max(0, positions.instrumentCount() - 1));
    }

    private static Map<String, Integer> readIds(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("invalid id count " + n + " in risk snapshot");
        }
        Map<String, Integer> ids = new TreeMap<>();
        for (int k = 0; k < n; k++) {
            String name = in.readUTF();
            ids.put(name, in.readInt());
        }
        return ids;
    }
}
