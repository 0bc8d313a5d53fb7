package io.nautilus.api;

/**
 * The identifier of a strategy instance, e.g. {@code mm-btc-1}.
 *
 * <p>Valid ids are 1 to 64 characters, each an ASCII letter or digit or one of {@code . _ - : /}; ids are
 * case-sensitive and compare by value.
 *
 * @param value the id's text
 */
public record StrategyId(String value) {

    /**
     * Validates the id.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty, longer than 64 characters or has a character
     *                                  outside the allowed set; the message names the value
     */
    public StrategyId {
        Ids.check("strategy id", value);
    }

    /**
     * Returns the strategy id with the given text.
     *
     * @param value the id's text
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid id
     */
    public static StrategyId of(String value) {
        return new StrategyId(value);
    }

    /**
     * The id's text, as written in configuration, logs and venue messages.
     *
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return value;
    }
}
