package io.nautilus.core.position;

import java.math.RoundingMode;

/**
 * The netting position of one account in one instrument: signed quantity, exact cost basis, realised P&amp;L and
 * fees. Mutable, owned by {@link PositionKeeper} on the writer thread.
 *
 * <p>Units: {@link #quantity} in the instrument's quantity scale; {@link #costBasis} and {@link #realised} are
 * exact sums of {@code price * quantity} (scale = price scale + quantity scale); {@link #fees} in price-scale
 * money.
 */
final class Position {

    final int account;
    final int instrument;
    long quantity;
    /** Signed sum of price * quantity of the open quantity (same sign as quantity; 0 when flat). */
    long costBasis;
    /** Realised P&amp;L, price * quantity units. */
    long realised;
    /** Fees paid, price-scale money (negative = net rebate). */
    long fees;
    /** Total quantity bought, quantity scale. */
    long bought;
    /** Total quantity sold, quantity scale. */
    long sold;

    Position(int account, int instrument) {
        this.account = account;
        this.instrument = instrument;
    }

    /**
     * Applies one fill.
     *
     * @param sign  +1 buy, -1 sell
     * @param price fill price, price scale
     * @param qty   fill quantity, &gt; 0
     * @param fee   fee of this fill, price-scale money
     */
    void fill(int sign, long price, long qty, long fee) {
        long before = quantity;
        if (before == 0 || (before > 0) == (sign > 0)) {
            costBasis = Math.addExact(costBasis, product(sign * qty, price));
            quantity = Math.addExact(before, sign * qty);
        } else {
            long open = Math.abs(before);
            long closed = Math.min(qty, open);
            long removed = closed == open ? costBasis : WideMath.mulDiv(costBasis, closed, open, RoundingMode.DOWN);
            long exitValue = product(before > 0 ? closed : -closed, price);
            realised = Math.addExact(realised, Math.subtractExact(exitValue, removed));
            costBasis -= removed;
            quantity = before + sign * qty;
            long rest = qty - closed;
            if (rest > 0) {
                costBasis = product(sign * rest, price);
            }
        }
        fees = Math.addExact(fees, fee);
        if (sign > 0) {
            bought = Math.addExact(bought, qty);
        } else {
            sold = Math.addExact(sold, qty);
        }
    }

    /**
     * @param mark mark price, price scale
     * @return unrealised P&amp;L at the mark, price * quantity units
     */
    long unrealised(long mark) {
        return quantity == 0 ? 0 : Math.subtractExact(product(quantity, mark), costBasis);
    }

    static long product(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            throw new ArithmeticException(a + " * " + b + " overflows a long: position or price outside the "
                    + "documented range of PositionKeeper");
        }
        return lo;
    }
}
