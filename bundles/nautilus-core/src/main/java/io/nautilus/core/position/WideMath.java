package io.nautilus.core.position;

import java.math.RoundingMode;

/**
 * Allocation-free {@code long} arithmetic with a 128-bit intermediate product, and saturating operations, for
 * money on the hot path. Exceptions are thrown only when a result does not fit a {@code long}.
 */
public final class WideMath {

    private WideMath() {
    }

    /**
     * Computes {@code a * b / c} exactly (the product is kept in 128 bits) and rounds the quotient.
     *
     * @param a    any value except {@link Long#MIN_VALUE}
     * @param b    any value except {@link Long#MIN_VALUE}
     * @param c    the divisor, greater than zero
     * @param mode how to round an inexact quotient ({@link RoundingMode#UNNECESSARY} throws when inexact)
     * @return the rounded quotient
     * @throws ArithmeticException      if the quotient does not fit a {@code long}, or the mode is UNNECESSARY and
     *                                  the division is inexact
     * @throws IllegalArgumentException if {@code c <= 0}
     */
    public static long mulDiv(long a, long b, long c, RoundingMode mode) {
        if (c <= 0) {
            throw new IllegalArgumentException("divisor " + c + " must be greater than zero");
        }
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            throw new ArithmeticException(a + " * " + b + " / " + c + " overflows a long");
        }
        if (a == 0 || b == 0) {
            return 0;
        }
        boolean negative = (a < 0) != (b < 0);
        long x = Math.abs(a);
        long y = Math.abs(b);
        long lo = x * y;
        long hi = Math.multiplyHigh(x, y);
        long q;
        if (hi == 0) {
            q = Long.divideUnsigned(lo, c);
        } else if (hi >= c) {
            throw new ArithmeticException(a + " * " + b + " / " + c + " overflows a long");
        } else {
            q = divide128(hi, lo, c);
        }
        if (q < 0) {
            throw new ArithmeticException(a + " * " + b + " / " + c + " overflows a long");
        }
        long r = lo - q * c; // exact: the true remainder is below c
        if (r != 0 && roundAway(mode, negative, r, c, q)) {
            if (q == Long.MAX_VALUE) {
                throw new ArithmeticException(a + " * " + b + " / " + c + " overflows a long");
            }
            q++;
        }
        return negative ? -q : q;
    }

    private static boolean roundAway(RoundingMode mode, boolean negative, long r, long c, long q) {
        int vsHalf = Long.compare(r, c - r);
        return switch (mode) {
            case UP -> true;
            case DOWN -> false;
            case CEILING -> !negative;
            case FLOOR -> negative;
            case HALF_UP -> vsHalf >= 0;
            case HALF_DOWN -> vsHalf > 0;
            case HALF_EVEN -> vsHalf > 0 || (vsHalf == 0 && (q & 1) != 0);
            case UNNECESSARY -> throw new ArithmeticException("inexact division and rounding mode UNNECESSARY");
        };
    }

    /** Unsigned (hi:lo) / c for 0 &lt; hi &lt; c &lt; 2^63: shift-subtract long division, 64 steps. */
    private static long divide128(long hi, long lo, long c) {
        long q = 0;
        long r = hi;
        for (int i = 63; i >= 0; i--) {
            r = (r << 1) | ((lo >>> i) & 1L);
            q <<= 1;
            if (Long.compareUnsigned(r, c) >= 0) {
                r -= c;
                q |= 1L;
            }
        }
        return q;
    }

    /**
     * Multiplies two non-negative values, saturating at {@link Long#MAX_VALUE}.
     *
     * @param a at least zero
     * @param b at least zero
     * @return {@code a * b}, or {@link Long#MAX_VALUE} if it does not fit
     */
    public static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi != 0 || lo < 0) {
            return Long.MAX_VALUE;
        }
        return lo;
    }

    /**
     * Adds two values, saturating at {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE}.
     *
     * @param a any value
     * @param b any value
     * @return {@code a + b} clamped to the {@code long} range
     */
    public static long saturatedAdd(long a, long b) {
        long s = a + b;
        if (((a ^ s) & (b ^ s)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return s;
    }
}
