package io.nautilus.data.internal;

import io.nautilus.data.DataFormatException;

/** A bad CSV row, with the reason it is counted under when bad rows are skipped. */
public final class BadRowException extends DataFormatException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param file    the file
     * @param line    the 1-based line
     * @param reason  a short category ("bad number", "out of time order", ...)
     * @param problem the full description
     */
    public BadRowException(String file, long line, String reason, String problem) {
        super(file, line, problem);
        this.reason = reason;
    }

    /** @return the short category of the problem */
    public String reason() {
        return reason;
    }
}
