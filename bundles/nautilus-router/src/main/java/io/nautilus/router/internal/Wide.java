package io.nautilus.router.internal;

import io.nautilus.api.instrument.FixedPoint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A signed 128-bit accumulator of products ({@code Σ a × b}) and exact, half-even rounded products scaled by a
 * power of ten. Fast paths stay in {@code long}s and allocate nothing; only values beyond 64 bits go through
 * {@link BigInteger}.
 */
final class Wide {

    private long hi;
    private long lo;

    /** Sets the sum to zero. */
    void clear() {
        hi = 0;
        lo = 0;
    }

    /**
     * Adds a product.
     *
     * @param a any value
     * @param b any value
     */
    void addProduct(long a, long b) {
        long pHi = Math.multiplyHigh(a, b);
        long pLo = a * b;
        long sum = lo + pLo;
        long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        lo = sum;
        hi = hi + pHi + carry;
    }

    /** @return whether the sum fits a long */
    boolean fitsLong() {
        return hi == (lo >> 63);
    }

    /** @return the sum, which must {@link #fitsLong() fit} a long */
    long low() {
        return lo;
    }

    /** @return the sum, exactly */
    BigInteger toBigInteger() {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    /** @return whether the sum is zero */
    boolean isZero() {
        return hi == 0 && lo == 0;
    }

    /**
     * The sum times a factor times {@code 10^exp}, rounded half even.
     *
     * @param factor any value
     * @param exp    a power of ten, may be negative
     * @return the rounded result
     * @throws ArithmeticException if the result does not fit a long
     */
    long timesPow10(long factor, int exp) {
        if (fitsLong()) {
            return mulPow10(lo, factor, exp);
        }
        return slow(new BigDecimal(toBigInteger()).multiply(BigDecimal.valueOf(factor)), exp);
    }

    /**
     * The sum divided by a positive divisor, rounded half even.
     *
     * @param divisor greater than zero
     * @return the quotient
     * @throws ArithmeticException if the quotient does not fit a long
     */
    long divideHalfEven(long divisor) {
        if (fitsLong()) {
            return FixedPoint.divide(lo, divisor, RoundingMode.HALF_EVEN);
        }
        return new BigDecimal(toBigInteger()).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    /**
     * {@code a × b × 10^exp}, rounded half even; allocation-free while {@code a × b} fits a long and
     * {@code |exp| <= 18}.
     *
     * @param a   any value
     * @param b   any value
     * @param exp a power of ten, may be negative
     * @return the rounded result
     * @throws ArithmeticException if the result does not fit a long
     */
    static long mulPow10(long a, long b, int exp) {
        long pHi = Math.multiplyHigh(a, b);
        long p = a * b;
        if (pHi == (p >> 63)) {
            if (exp == 0) {
                return p;
            }
            if (exp < 0 && exp >= -FixedPoint.MAX_SCALE) {
                return FixedPoint.divide(p, FixedPoint.pow10(-exp), RoundingMode.HALF_EVEN);
            }
            if (exp > 0 && exp <= FixedPoint.MAX_SCALE) {
                long f = FixedPoint.pow10(exp);
                long h = Math.multiplyHigh(p, f);
                long r = p * f;
                if (h == (r >> 63)) {
                    return r;
                }
            }
        }
        return slow(BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b)), exp);
    }

    private static long slow(BigDecimal product, int exp) {
        return product.scaleByPowerOfTen(exp).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
