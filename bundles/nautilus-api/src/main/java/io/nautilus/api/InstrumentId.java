package io.nautilus.api;

/**
 * The identifier of a tradable instrument, unique across venues, e.g. {@code BTC-USD.COINBASE} or {@code ESZ4.CME}.
 *
 * <p>Valid ids are 1 to 64 characters, each an ASCII letter or digit or one of {@code . _ - : /}; ids are
 * case-sensitive and compare by value.
 *
 * @param value the id's text
 */
public record InstrumentId(String value) {

    /**
     * Validates the id.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty, longer than 64 characters or has a character
     *                                  outside the allowed set; the message names the value
     */
    public InstrumentId {
        Ids.check("instrument id", value);
    }

    /**
     * Returns the instrument id with the given text.
     *
     * @param value the id's text
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid id
     */
    public static InstrumentId of(String value) {
        return new InstrumentId(value);
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
