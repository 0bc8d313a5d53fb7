package io.nautilus.api;

/**
 * How long an order stays working before it is canceled or expires.
 */
public enum TimeInForce {

    /** Good till canceled: works until filled or canceled. */
    GTC('1'),

    /** Immediate or cancel: fills what it can at once; the remainder is canceled. */
    IOC('3'),

    /** Fill or kill: fills completely at once or not at all. */
    FOK('4'),

    /** Works until the end of the venue's trading day, then expires. */
    DAY('0'),

    /** Good till date: works until the order's expire time, then expires. */
    GTD('6');

    private final char fixCode;

    TimeInForce(char fixCode) {
        this.fixCode = fixCode;
    }

    /**
     * Whether an order with this time in force never rests on a book.
     *
     * @return true for {@link #IOC} and {@link #FOK}
     */
    public boolean isImmediate() {
        return this == IOC || this == FOK;
    }

    /**
     * Whether an order with this time in force must carry an expire time (and others must not).
     *
     * @return true for {@link #GTD}
     */
    public boolean requiresExpireTime() {
        return this == GTD;
    }

    /**
     * The FIX {@code TimeInForce (59)} code.
     *
     * @return the code, e.g. {@code '1'} for GTC
     */
    public char fixCode() {
        return fixCode;
    }
}
