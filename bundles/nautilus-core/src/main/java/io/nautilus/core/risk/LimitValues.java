package io.nautilus.core.risk;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.core.position.WideMath;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The limits of one scope (default, an account, an instrument or an account in an instrument) as exact decimals
 * ({@code unscaled * 10^-scale}), converted to a target scale on demand without allocating. Filled once while
 * parsing, never changed after the owning {@link RiskLimits} is built.
 */
final class LimitValues {

    static final long UNSET = -1;
    static final long UNLIMITED = -2;

    private static final int N = Limit.values().length;

    private final long[] unscaled = new long[N];
    private final int[] scale = new int[N];

    LimitValues() {
        Arrays.fill(unscaled, UNSET);
    }

    void set(Limit limit, long unscaledValue, int valueScale) {
        unscaled[limit.ordinal()] = unscaledValue;
        scale[limit.ordinal()] = valueScale;
    }

    boolean isSet(Limit limit) {
        return unscaled[limit.ordinal()] != UNSET;
    }

    boolean isEmpty() {
        for (long v : unscaled) {
            if (v != UNSET) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the value at the target scale, rounded down; {@link Long#MAX_VALUE} if unset or unlimited (or too
     * large for the scale)
     */
    long get(Limit limit, int targetScale) {
        long v = unscaled[limit.ordinal()];
        if (v < 0) {
            return Long.MAX_VALUE;
        }
        int s = scale[limit.ordinal()];
        if (targetScale == s) {
            return v;
        }
        if (targetScale > s) {
            return WideMath.saturatedMultiply(v, FixedPoint.pow10(targetScale - s));
        }
        return v / FixedPoint.pow10(s - targetScale);
    }

    /** @return the value of a set limit as a decimal, or null if explicitly unlimited */
    BigDecimal decimal(Limit limit) {
        long v = unscaled[limit.ordinal()];
        return v == UNLIMITED ? null : BigDecimal.valueOf(v, scale[limit.ordinal()]);
    }

    /** @return the canonical text of a set value: a plain decimal or {@code unlimited} */
    String text(Limit limit) {
        long v = unscaled[limit.ordinal()];
        return v == UNLIMITED ? RiskLimits.UNLIMITED_TEXT
                : BigDecimal.valueOf(v, scale[limit.ordinal()]).toPlainString();
    }
}
