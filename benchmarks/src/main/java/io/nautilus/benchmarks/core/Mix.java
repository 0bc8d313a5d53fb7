package io.nautilus.benchmarks.core;

import java.util.Locale;

/** The command mixes the load generators offer, by their command-line names. */
public enum Mix {

    /** exchange-core's order book mix, ~2% trading (see {@link ExchangeCoreStream}). */
    EXCHANGE_CORE("exchange-core"),
    /** Passive new limit orders and cancels of working ones, strictly alternating; no trades. */
    NEW_CANCEL("new-cancel"),
    /** A flow with about a fifth of the commands trading (crossing limits and IOCs). */
    AGGRESSIVE("aggressive");

    private final String label;

    Mix(String label) {
        this.label = label;
    }

    /** @return the command-line name, e.g. {@code exchange-core} */
    public String label() {
        return label;
    }

    /**
     * Generates a stream of this mix.
     *
     * @param seed random seed
     * @param commands flow commands after the setup, &gt; 0
     * @return the stream
     */
    public CommandStream generate(long seed, int commands) {
        return switch (this) {
            case EXCHANGE_CORE -> new ExchangeCoreStream(seed, commands);
            case NEW_CANCEL -> OrderFlowMix.generate(seed, commands, OrderFlowMix.Shares.NEW_CANCEL);
            case AGGRESSIVE -> OrderFlowMix.generate(seed, commands, OrderFlowMix.Shares.AGGRESSIVE);
        };
    }

    /**
     * @param text a command-line name
     * @return the mix
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Mix parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (Mix mix : values()) {
            if (mix.label.equals(key)) {
                return mix;
            }
        }
        throw new IllegalArgumentException("unknown mix '" + text + "' (expected exchange-core, new-cancel or"
                + " aggressive)");
    }
}
