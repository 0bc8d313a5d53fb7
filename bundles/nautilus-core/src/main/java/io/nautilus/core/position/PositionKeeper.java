package io.nautilus.core.position;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.Snapshotable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Netting positions and P&amp;L per account and instrument, fed with the trades of each command.
 *
 * <p>Every {@link Events#TRADE} updates the taker ({@code account(i)}, {@code side(i)}, taker fee) and the maker
 * ({@code counterAccount(i)}, opposite side, maker fee; skipped when the counter account is {@link Command#ANY},
 * e.g. an external venue) and marks the instrument at the trade price. An increase adds {@code price * qty} to the
 * exact cost basis; a reduction realises {@code (exit - average) * closed} (the closed share of the cost basis is
 * rounded toward zero and the remainder stays in the basis, so a fully closed position has realised exactly
 * {@code sum(sells) - sum(buys)}); a flip closes the whole position and opens the rest at the trade price.
 * Unrealised P&amp;L is {@code qty * mark - costBasis}. Hence, per position and exactly:
 * {@code realised + unrealised = qty * mark - sum(signed fill qty * fill price)}.
 *
 * <p>Units: prices in the instrument's price scale, quantities in its quantity scale; per-position money in the
 * price scale ({@code notional = price * qty / 10^quantityScale}, rounded half-even for display); account totals
 * in {@link #moneyScale()} (each position rounded half-even, then summed; exact when every price scale is at most
 * the money scale and quantity scale is 0). All instruments are assumed to quote in the same currency.
 *
 * <p>Fees per fill: {@code ceil(|price * qty| * feeBps / 10^(quantityScale + 4)) + ceil(feePerUnit * qty /
 * 10^quantityScale)}, i.e. rounded toward +infinity in price-scale money (charges up, rebates toward zero).
 *
 * <p>Range: every {@code price * quantity} of a fill, a position's cost basis, {@code |qty| * mark} and the
 * cumulative realised P&amp;L must fit a {@code long} at scale price scale + quantity scale (at most 18): about
 * {@code 9.2e18 / 10^(priceScale + quantityScale)} currency units, e.g. 9.2e10 at scales 2 and 6. Outside it,
 * {@link #apply} throws {@link ArithmeticException} naming the values (a configuration error, not a hot-path
 * outcome).
 *
 * <p>Layout: an account's position in an instrument is found in a flat array laid out by a {@link PairGrid} (one
 * row of instruments per account), grown when an instrument ({@link #defineInstrument}) or an account
 * ({@link #defineAccount}) is defined, so a look-up is an array read; each account also keeps its positions in a
 * dense list for the totals.
 *
 * <p>Single writer: all methods run on the core's writer thread. {@link #apply} and {@link #mark} allocate
 * nothing once an account's position in an instrument exists; the view methods allocate.
 */
public final class PositionKeeper implements Snapshotable {

    /** Largest quantity scale (fees divide by 10^(quantityScale + 4)). */
    public static final int MAX_QUANTITY_SCALE = 14;
    /** Largest instrument id + 1. */
    public static final int MAX_INSTRUMENTS = 1 << 20;
    /** Largest |fee| in basis points (100%). */
    public static final long MAX_FEE_BPS = 10_000;

    private static final int SNAPSHOT_MAGIC = 0x504F5331; // "POS1"
    private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private int moneyScale;
    private boolean[] defined = new boolean[0];
    private int[] priceScale = new int[0];
    private int[] quantityScale = new int[0];
    private long[] quantityUnit = new long[0];
    private long[] makerFeeBps = new long[0];
    private long[] takerFeeBps = new long[0];
    private long[] feePerUnit = new long[0];
    private long[] mark = new long[0];
    /** By dense account id; null = no position record yet. */
    private AccountPositions[] accounts = new AccountPositions[0];
    private int accountCount;
    /** Positions by (account, instrument), laid out by {@link #grid}; null = never traded. */
    private Position[] cells = new Position[0];
    private PairGrid grid = PairGrid.EMPTY;
    private FeeModel feeModel;

    /**
     * Decides the fee of one fill in place of the instrument's schedule; for the backtest engine's fee models (not
     * journaled, not in snapshots: the live core never sets one).
     */
    @FunctionalInterface
    public interface FeeModel {
        /**
         * @param account     dense account id of the side being charged
         * @param instrument  dense instrument id
         * @param orderId     that side's order id
         * @param price       fill price, price scale
         * @param qty         fill quantity, quantity scale
         * @param maker       true for the maker's side
         * @param scheduleFee the fee the instrument's schedule gives (bps and per unit), price-scale money
         * @return the fee to charge, price-scale money (negative = rebate)
         */
        long fee(int account, int instrument, long orderId, long price, long qty, boolean maker, long scheduleFee);
    }

    /**
     * Creates an empty keeper.
     *
     * @param moneyScale scale of the account totals (0 to 18), usually the common price scale
     */
    public PositionKeeper(int moneyScale) {
        this.moneyScale = FixedPoint.checkScale(moneyScale);
    }

    /**
     * Replaces the fee schedule by a model (the backtest engine's); null restores the schedule.
     *
     * @param model the model, or null
     */
    public void feeModel(FeeModel model) {
        this.feeModel = model;
    }

    /** @return scale of the account totals */
    public int moneyScale() {
        return moneyScale;
    }

    /**
     * Defines or redefines an instrument. Fees may change at any time; scales only while no account has traded
     * the instrument.
     *
     * @param instrument    dense instrument id, 0 to {@value #MAX_INSTRUMENTS} - 1
     * @param priceScale    0 to 18
     * @param quantityScale 0 to {@value #MAX_QUANTITY_SCALE}, and priceScale + quantityScale at most 18
     * @param makerFeeBps   maker fee in basis points of the notional, negative = rebate, |fee| at most 10000
     * @param takerFeeBps   taker fee in basis points of the notional, negative = rebate, |fee| at most 10000
     * @param feePerUnit    fee per whole unit of quantity (10^quantityScale), in price-scale money; 0 = none
     * @throws IllegalArgumentException naming the bad value
     * @throws IllegalStateException if the scales change while positions exist
     */
    public void defineInstrument(int instrument, int priceScale, int quantityScale, long makerFeeBps,
                                 long takerFeeBps, long feePerUnit) {
        if (instrument < 0 || instrument >= MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("instrument id " + instrument + " outside 0.." + (MAX_INSTRUMENTS - 1));
        }
        FixedPoint.checkScale(priceScale);
        if (quantityScale < 0 || quantityScale > MAX_QUANTITY_SCALE) {
            throw new IllegalArgumentException("quantity scale " + quantityScale + " outside 0.." + MAX_QUANTITY_SCALE);
        }
        if (priceScale + quantityScale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("price scale " + priceScale + " + quantity scale " + quantityScale
                    + " exceeds " + FixedPoint.MAX_SCALE);
        }
        checkFee("maker fee", makerFeeBps);
        checkFee("taker fee", takerFeeBps);
        PairGrid grown = grid.grownFor(Math.max(0, grid.rows() - 1), instrument);
        ensureInstrumentCapacity(instrument);
        if (defined[instrument]
                && (this.priceScale[instrument] != priceScale || this.quantityScale[instrument] != quantityScale)
                && hasPositions(instrument)) {
            throw new IllegalStateException("instrument " + instrument + " has positions: its scales "
                    + this.priceScale[instrument] + "/" + this.quantityScale[instrument] + " cannot change to "
                    + priceScale + "/" + quantityScale);
        }
        if (!defined[instrument]) {
            mark[instrument] = FixedPoint.NULL;
        }
        defined[instrument] = true;
        this.priceScale[instrument] = priceScale;
        this.quantityScale[instrument] = quantityScale;
        this.quantityUnit[instrument] = FixedPoint.pow10(quantityScale);
        this.makerFeeBps[instrument] = makerFeeBps;
        this.takerFeeBps[instrument] = takerFeeBps;
        this.feePerUnit[instrument] = feePerUnit;
        regrid(grown);
    }

    /**
     * Makes room for an account's positions in every defined instrument (the engine calls it when the account is
     * defined, so that no trade grows the layout).
     *
     * @param account dense account id, 0 to {@link PairGrid#MAX_ACCOUNTS} - 1
     * @throws IllegalArgumentException if the account is out of range or the accounts x instruments exceed
     *                                  {@link PairGrid#MAX_CELLS}
     */
    public void defineAccount(int account) {
        regrid(grid.grownFor(account, Math.max(0, instrumentCount() - 1)));
    }

    private void regrid(PairGrid grown) {
        if (grown != grid) {
            cells = grown.copy(cells, grid);
            grid = grown;
        }
    }

    /** @return the highest defined instrument id + 1 (0 if none) */
    public int instrumentCount() {
        for (int i = defined.length - 1; i >= 0; i--) {
            if (defined[i]) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void checkFee(String name, long bps) {
        if (bps < -MAX_FEE_BPS || bps > MAX_FEE_BPS) {
            throw new IllegalArgumentException(name + " " + bps + " bps outside -" + MAX_FEE_BPS + ".." + MAX_FEE_BPS);
        }
    }

    private boolean hasPositions(int instrument) {
        for (int account = 0; account < accounts.length; account++) {
            if (get(account, instrument) != null) {
                return true;
            }
        }
        return false;
    }

    private Position get(int account, int instrument) {
        PairGrid g = grid;
        return g.holds(account, instrument) ? cells[g.index(account, instrument)] : null;
    }

    private AccountPositions account(int account) {
        return account >= 0 && account < accounts.length ? accounts[account] : null;
    }

    private void ensureInstrumentCapacity(int instrument) {
        if (instrument < defined.length) {
            return;
        }
        int capacity = Math.max(instrument + 1, Math.min(MAX_INSTRUMENTS, Math.max(16, defined.length * 2)));
        int old = defined.length;
        defined = Arrays.copyOf(defined, capacity);
        priceScale = Arrays.copyOf(priceScale, capacity);
        quantityScale = Arrays.copyOf(quantityScale, capacity);
        quantityUnit = Arrays.copyOf(quantityUnit, capacity);
        makerFeeBps = Arrays.copyOf(makerFeeBps, capacity);
        takerFeeBps = Arrays.copyOf(takerFeeBps, capacity);
        feePerUnit = Arrays.copyOf(feePerUnit, capacity);
        mark = Arrays.copyOf(mark, capacity);
        Arrays.fill(mark, old, capacity, FixedPoint.NULL);
    }

    /**
     * @param instrument an instrument id
     * @return true if {@link #defineInstrument} defined it
     */
    public boolean isDefined(int instrument) {
        return instrument >= 0 && instrument < defined.length && defined[instrument];
    }

    /**
     * @param instrument a defined instrument id
     * @return its price scale
     */
    public int priceScale(int instrument) {
        return priceScale[instrument];
    }

    /**
     * @param instrument a defined instrument id
     * @return its quantity scale
     */
    public int quantityScale(int instrument) {
        return quantityScale[instrument];
    }

    // ------------------------------------------------------------------ hot path

    /**
     * Applies the trades in a command's events (and, for {@link Op#MARK}, the mark price), and writes each trade's
     * fees back into it ({@link Events#setFees}: what the execution reports carry). Call after matching filled
     * {@code c.events}, for every command; a command without trades changes nothing.
     *
     * @param c the processed command
     */
    public void apply(Command c) {
        if (c.op == Op.MARK && !c.rejected()) {
            mark(c.instrument, c.price);
        }
        Events events = c.events;
        for (int i = 0, n = events.size(); i < n; i++) {
            if (events.type(i) != Events.TRADE) {
                continue;
            }
            int instrument = events.instrument(i);
            if (!isDefined(instrument)) {
                continue;
            }
            long price = events.price(i);
            long qty = events.qty(i);
            Side side = events.side(i);
            if (qty <= 0 || side == null) {
                continue;
            }
            int taker = events.account(i);
            long takerFee = 0;
            if (taker != Command.ANY) {
                takerFee = fee(instrument, price, qty, takerFeeBps[instrument]);
                if (feeModel != null) {
                    takerFee = feeModel.fee(taker, instrument, events.orderId(i), price, qty, false, takerFee);
                }
                position(taker, instrument).fill(side.sign(), price, qty, takerFee);
            }
            int maker = events.counterAccount(i);
            long makerFee = 0;
            if (maker != Command.ANY) {
                makerFee = fee(instrument, price, qty, makerFeeBps[instrument]);
                if (feeModel != null) {
                    makerFee = feeModel.fee(maker, instrument, events.counterOrderId(i), price, qty, true, makerFee);
                }
                position(maker, instrument).fill(-side.sign(), price, qty, makerFee);
            }
            events.setFees(i, takerFee, makerFee);
            mark[instrument] = price;
        }
    }

    /**
     * Sets the mark price of an instrument (last trade, mid or a {@link Op#MARK}); ignored for an undefined
     * instrument or {@link FixedPoint#NULL}.
     *
     * @param instrument dense instrument id
     * @param price      mark price, price scale
     */
    public void mark(int instrument, long price) {
        if (isDefined(instrument) && price != FixedPoint.NULL) {
            mark[instrument] = price;
        }
    }

    /**
     * @param instrument an instrument id
     * @return its mark price (price scale), or {@link FixedPoint#NULL} if none yet or undefined
     */
    public long markPrice(int instrument) {
        return isDefined(instrument) ? mark[instrument] : FixedPoint.NULL;
    }

    /**
     * The fee of one fill, as {@link #apply} charges it.
     *
     * @param instrument a defined instrument
     * @param price      fill price, price scale
     * @param qty        fill quantity, quantity scale
     * @param maker      true for the maker's fee, false for the taker's
     * @return the fee, price-scale money, rounded toward +infinity
     */
    public long fee(int instrument, long price, long qty, boolean maker) {
        return fee(instrument, price, qty, maker ? makerFeeBps[instrument] : takerFeeBps[instrument]);
    }

    private long fee(int instrument, long price, long qty, long bps) {
        long fee = 0;
        if (bps != 0) {
            long notional = Math.abs(Position.product(price, qty));
            fee = WideMath.mulDiv(notional, bps, quantityUnit[instrument] * 10_000L, RoundingMode.CEILING);
        }
        long perUnit = feePerUnit[instrument];
        if (perUnit != 0) {
            fee = Math.addExact(fee, WideMath.mulDiv(perUnit, qty, quantityUnit[instrument], RoundingMode.CEILING));
        }
        return fee;
    }

    private Position position(int account, int instrument) {
        PairGrid g = grid;
        if (g.holds(account, instrument)) {
            Position p = cells[g.index(account, instrument)];
            if (p != null) {
                return p;
            }
        }
        return newPosition(account, instrument);
    }

    private Position newPosition(int account, int instrument) {
        regrid(grid.grownFor(account, instrument));
        if (account >= accounts.length) {
            accounts = Arrays.copyOf(accounts, (int) Math.min(PairGrid.MAX_ACCOUNTS,
                    Math.max(account + 1L, Math.max(16L, accounts.length * 2L))));
        }
        AccountPositions positions = accounts[account];
        if (positions == null) {
            positions = new AccountPositions(account);
            accounts[account] = positions;
            accountCount++;
        }
        Position p = new Position(account, instrument);
        positions.add(p);
        cells[grid.index(account, instrument)] = p;
        return p;
    }

    /**
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return the signed position quantity (quantity scale), 0 if none
     */
    public long quantity(int account, int instrument) {
        Position p = get(account, instrument);
        return p == null ? 0 : p.quantity;
    }

    /**
     * @param account dense account id
     * @return realised P&amp;L over all instruments, money scale
     */
    public long realised(int account) {
        AccountPositions positions = account(account);
        long sum = 0;
        if (positions != null) {
            for (int k = 0; k < positions.count; k++) {
                Position p = positions.list[k];
                sum = Math.addExact(sum, toMoney(p.realised, rawScale(p.instrument)));
            }
        }
        return sum;
    }

    /**
     * @param account dense account id
     * @return unrealised P&amp;L at the marks over all instruments, money scale
     */
    public long unrealised(int account) {
        AccountPositions positions = account(account);
        long sum = 0;
        if (positions != null) {
            for (int k = 0; k < positions.count; k++) {
                Position p = positions.list[k];
                sum = Math.addExact(sum, toMoney(unrealisedRaw(p), rawScale(p.instrument)));
            }
        }
        return sum;
    }

    /**
     * @param account dense account id
     * @return fees paid over all instruments, money scale
     */
    public long fees(int account) {
        AccountPositions positions = account(account);
        long sum = 0;
        if (positions != null) {
            for (int k = 0; k < positions.count; k++) {
                Position p = positions.list[k];
                sum = Math.addExact(sum, toMoney(p.fees, priceScale[p.instrument]));
            }
        }
        return sum;
    }

    /**
     * Net P&amp;L, allocation-free: what the daily-loss limit watches.
     *
     * @param account dense account id
     * @return realised + unrealised - fees over all instruments, money scale
     */
    public long netPnl(int account) {
        AccountPositions positions = account(account);
        long sum = 0;
        if (positions != null) {
            for (int k = 0; k < positions.count; k++) {
                Position p = positions.list[k];
                int raw = rawScale(p.instrument);
                long net = toMoney(p.realised, raw) + toMoney(unrealisedRaw(p), raw)
                        - toMoney(p.fees, priceScale[p.instrument]);
                sum = Math.addExact(sum, net);
            }
        }
        return sum;
    }

    /**
     * Gross exposure, allocation-free: sum of |quantity| * mark (cost basis where no mark exists yet).
     *
     * @param account dense account id
     * @return the exposure, money scale
     */
    public long grossExposure(int account) {
        AccountPositions positions = account(account);
        long sum = 0;
        if (positions != null) {
            for (int k = 0; k < positions.count; k++) {
                Position p = positions.list[k];
                sum = Math.addExact(sum, toMoney(exposureRaw(p), rawScale(p.instrument)));
            }
        }
        return sum;
    }

    /**
     * One position's exposure, allocation-free: |quantity| * mark (cost basis where no mark exists yet).
     *
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return the exposure, money scale; 0 if the account never traded the instrument
     */
    public long exposure(int account, int instrument) {
        Position p = get(account, instrument);
        return p == null ? 0 : toMoney(exposureRaw(p), rawScale(instrument));
    }

    /**
     * Converts a notional of an instrument (price * quantity, at price scale + quantity scale) to account money,
     * rounded as the account totals are (half-even).
     *
     * @param instrument a defined instrument id
     * @param notional   price * quantity, unscaled
     * @return the notional, money scale
     */
    public long notionalToMoney(int instrument, long notional) {
        return toMoney(notional, rawScale(instrument));
    }

    private long unrealisedRaw(Position p) {
        long m = mark[p.instrument];
        return m == FixedPoint.NULL ? 0 : p.unrealised(m);
    }

    private long exposureRaw(Position p) {
        long m = mark[p.instrument];
        return m == FixedPoint.NULL ? Math.abs(p.costBasis) : Math.abs(Position.product(p.quantity, m));
    }

    private int rawScale(int instrument) {
        return priceScale[instrument] + quantityScale[instrument];
    }

    private long toMoney(long value, int scale) {
        return FixedPoint.rescale(value, scale, moneyScale, ROUNDING);
    }

    // ------------------------------------------------------------------ views (allocate)

    /**
     * @return ids of every account with a position record, ascending
     */
    public int[] accounts() {
        int[] ids = new int[accountCount];
        int k = 0;
        for (AccountPositions positions : accounts) {
            if (positions != null) {
                ids[k++] = positions.account;
            }
        }
        return ids;
    }

    /**
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return the position, or null if the account never traded the instrument
     */
    public PositionView view(int account, int instrument) {
        Position p = get(account, instrument);
        return p == null ? null : view(p);
    }

    /**
     * @param account dense account id
     * @return the account's positions (flat ones included), ascending by instrument id
     */
    public List<PositionView> positions(int account) {
        AccountPositions positions = account(account);
        List<PositionView> views = new ArrayList<>();
        if (positions != null) {
            for (Position p : positions.sorted()) {
                views.add(view(p));
            }
        }
        return views;
    }

    /**
     * @return every position, ascending by account id, then instrument id
     */
    public List<PositionView> allPositions() {
        List<PositionView> views = new ArrayList<>();
        for (int account : accounts()) {
            views.addAll(positions(account));
        }
        return views;
    }

    /**
     * @param account dense account id
     * @return the account's totals (all zero for an unknown account)
     */
    public AccountTotals totals(int account) {
        AccountPositions positions = account(account);
        int open = 0;
        for (int k = 0; positions != null && k < positions.count; k++) {
            open += positions.list[k].quantity != 0 ? 1 : 0;
        }
        return new AccountTotals(account, moneyScale, positions == null ? 0 : positions.count, open,
                realised(account), unrealised(account), fees(account), grossExposure(account));
    }

    private PositionView view(Position p) {
        int instrument = p.instrument;
        int ps = priceScale[instrument];
        long unit = quantityUnit[instrument];
        long unrealisedRaw = unrealisedRaw(p);
        long average = p.quantity == 0 ? 0 : FixedPoint.divide(p.costBasis, Math.abs(p.quantity), ROUNDING)
                * Long.signum(p.quantity);
        return new PositionView(p.account, instrument, ps, quantityScale[instrument], p.quantity, average,
                p.costBasis, mark[instrument], FixedPoint.divide(p.realised, unit, ROUNDING),
                FixedPoint.divide(unrealisedRaw, unit, ROUNDING), p.fees,
                FixedPoint.divide(exposureRaw(p), unit, ROUNDING), p.realised, unrealisedRaw, p.bought, p.sold);
    }

    // ------------------------------------------------------------------ snapshot

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(moneyScale);
        int count = 0;
        for (boolean d : defined) {
            count += d ? 1 : 0;
        }
        out.writeInt(count);
        for (int i = 0; i < defined.length; i++) {
            if (defined[i]) {
                out.writeInt(i);
                out.writeInt(priceScale[i]);
                out.writeInt(quantityScale[i]);
                out.writeLong(makerFeeBps[i]);
                out.writeLong(takerFeeBps[i]);
                out.writeLong(feePerUnit[i]);
                out.writeLong(mark[i]);
            }
        }
        int[] ids = accounts();
        out.writeInt(ids.length);
        for (int account : ids) {
            AccountPositions positions = accounts[account];
            out.writeInt(account);
            out.writeInt(positions.count);
            for (Position p : positions.sorted()) {
                out.writeInt(p.instrument);
                out.writeLong(p.quantity);
                out.writeLong(p.costBasis);
                out.writeLong(p.realised);
                out.writeLong(p.fees);
                out.writeLong(p.bought);
                out.writeLong(p.sold);
            }
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC) {
            throw new IOException("not a position keeper snapshot (bad magic)");
        }
        PositionKeeper read = new PositionKeeper(checkedScale(in.readInt()));
        try {
            int count = in.readInt();
            for (int k = 0; k < count; k++) {
                int id = in.readInt();
                read.defineInstrument(id, in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readLong());
                read.mark[id] = in.readLong();
            }
            int accountCount = in.readInt();
            for (int a = 0; a < accountCount; a++) {
                int account = in.readInt();
                int positionCount = in.readInt();
                for (int k = 0; k < positionCount; k++) {
                    int instrument = in.readInt();
                    if (!read.isDefined(instrument)) {
                        throw new IOException("position of account " + account + " in undefined instrument "
                                + instrument);
                    }
                    Position p = read.position(account, instrument);
                    p.quantity = in.readLong();
                    p.costBasis = in.readLong();
                    p.realised = in.readLong();
                    p.fees = in.readLong();
                    p.bought = in.readLong();
                    p.sold = in.readLong();
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("invalid position keeper snapshot: " + e.getMessage(), e);
        }
        moneyScale = read.moneyScale;
        defined = read.defined;
        priceScale = read.priceScale;
        quantityScale = read.quantityScale;
        quantityUnit = read.quantityUnit;
        makerFeeBps = read.makerFeeBps;
        takerFeeBps = read.takerFeeBps;
        feePerUnit = read.feePerUnit;
        mark = read.mark;
        accounts = read.accounts;
        accountCount = read.accountCount;
        cells = read.cells;
        grid = read.grid;
    }

    private static int checkedScale(int scale) throws IOException {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IOException("invalid money scale " + scale + " in snapshot");
        }
        return scale;
    }

    /** One account's positions in a dense array, for allocation-free totals (the grid finds one by instrument). */
    private static final class AccountPositions {
        final int account;
        Position[] list = new Position[4];
        int count;

        AccountPositions(int account) {
            this.account = account;
        }

        void add(Position p) {
            if (count == list.length) {
                list = Arrays.copyOf(list, count * 2);
            }
            list[count++] = p;
        }

        Position[] sorted() {
            Position[] copy = Arrays.copyOf(list, count);
            Arrays.sort(copy, (x, y) -> Integer.compare(x.instrument, y.instrument));
            return copy;
        }
    }
}
