package io.nautilus.api;

import java.util.Objects;

/**
 * The validation shared by the identifier types of this package.
 */
final class Ids {

    /** The longest identifier accepted, in characters. */
    static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /**
     * Checks that a value is a well-formed identifier: 1 to {@value #MAX_LENGTH} characters, each an ASCII
     * letter or digit or one of {@code . _ - : /}.
     *
     * @param kind  what the identifier names, used in messages, e.g. {@code "account id"}
     * @param value the candidate identifier
     * @return {@code value}, unchanged
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty, too long or has a character outside the allowed set
     */
    static String check(String kind, String value) {
        Objects.requireNonNull(value, () -> kind + " must not be null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(kind + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(kind + " '" + value + "' has " + value.length()
                    + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                throw new IllegalArgumentException(kind + " '" + value + "' has '" + c + "' at index " + i
                        + "; allowed are ASCII letters, digits and . _ - : /");
            }
        }
        return value;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == ':' || c == '/';
    }
}
