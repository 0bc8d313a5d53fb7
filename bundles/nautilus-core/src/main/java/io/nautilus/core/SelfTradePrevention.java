package io.nautilus.core;

import java.util.Locale;

/**
 * Self-trade prevention mode of an account: what happens when an incoming order would trade with a resting order
 * of the same account.
 */
public enum SelfTradePrevention {
    /** Self trades happen like any other trade (the default). */
    NONE,
    /** The resting order is canceled and matching continues. */
    CANCEL_RESTING,
    /** The rest of the incoming order is canceled; the resting order stays. */
    CANCEL_INCOMING,
    /** Both the resting order and the rest of the incoming order are canceled. */
    CANCEL_BOTH;

    private static final SelfTradePrevention[] VALUES = values();

    /**
     * @param code an {@link #ordinal()}
     * @return the mode
     * @throws IllegalArgumentException on an unknown code
     */
    public static SelfTradePrevention of(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown self-trade prevention code " + code);
        }
        return VALUES[code];
    }

    /**
     * Parses a mode as written in configuration and on command lines: {@code none}, {@code cancel-resting},
     * {@code cancel-incoming}, {@code cancel-both} (case and {@code -}/{@code _} insensitive).
     *
     * @param text the text
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SelfTradePrevention parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SelfTradePrevention mode : VALUES) {
            if (mode.name().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown self-trade prevention mode '" + text
                + "' (expected none, cancel-resting, cancel-incoming or cancel-both)");
    }
}
