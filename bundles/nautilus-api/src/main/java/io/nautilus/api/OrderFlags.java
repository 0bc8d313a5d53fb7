package io.nautilus.api;

/**
 * The optional instructions on an order, encoded as bits of an {@code int} so commands stay primitive.
 *
 * <p>Combine flags with {@code |}, e.g. {@code OrderFlags.POST_ONLY | OrderFlags.REDUCE_ONLY}.
 */
public final class OrderFlags {

    /** No flags. */
    public static final int NONE = 0;

    /** The order must add liquidity: if it would trade on arrival it is rejected instead. */
    public static final int POST_ONLY = 1;

    /** The order may only reduce the account's position in the instrument, never increase or flip it. */
    public static final int REDUCE_ONLY = 1 << 1;

    /** Every defined flag; any other bit is invalid. */
    public static final int ALL = POST_ONLY | REDUCE_ONLY;

    private OrderFlags() {
    }

    /**
     * Whether the flags include {@link #POST_ONLY}.
     *
     * @param flags a combination of this class's flags
     * @return true if post-only is set
     */
    public static boolean isPostOnly(int flags) {
        return (flags & POST_ONLY) != 0;
    }

    /**
     * Whether the flags include {@link #REDUCE_ONLY}.
     *
     * @param flags a combination of this class's flags
     * @return true if reduce-only is set
     */
    public static boolean isReduceOnly(int flags) {
        return (flags & REDUCE_ONLY) != 0;
    }

    /**
     * Whether the flags contain only defined bits.
     *
     * @param flags a combination of this class's flags
     * @return true if no undefined bit is set
     */
    public static boolean isValid(int flags) {
        return (flags & ~ALL) == 0;
    }

    /**
     * The flags' names joined by {@code |}, for logs and messages.
     *
     * @param flags a combination of this class's flags
     * @return e.g. {@code "POST_ONLY|REDUCE_ONLY"}, {@code "NONE"}, or the hex value of undefined bits
     */
    public static String toString(int flags) {
        if (flags == NONE) {
            return "NONE";
        }
        StringBuilder text = new StringBuilder();
        if (isPostOnly(flags)) {
            text.append("POST_ONLY");
        }
        if (isReduceOnly(flags)) {
            text.append(text.length() == 0 ? "" : "|").append("REDUCE_ONLY");
        }
        int unknown = flags & ~ALL;
        if (unknown != 0) {
            text.append(text.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(unknown));
        }
        return text.toString();
    }
}
