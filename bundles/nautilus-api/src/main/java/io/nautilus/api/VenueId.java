package io.nautilus.api;

/**
 * The identifier of an execution venue or exchange, e.g. {@code CME} or {@code COINBASE}.
 *
 * <p>Valid ids are 1 to 64 characters, each an ASCII letter or digit or one of {@code . _ - : /}; ids are
 * case-sensitive and compare by value.
 *
 * @param value the id's text
 */
public record VenueId(String value) {

    /**
     * Validates the id.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty, longer than 64 characters or has a character
     *                                  outside the allowed set; the message names the value
     */
    public VenueId {
        Ids.check("venue id", value);
    }

    /**
     * Returns the venue id with the given text.
     *
     * @param value the id's text
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid id
     */
    public static VenueId of(String value) {
        return new VenueId(value);
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
