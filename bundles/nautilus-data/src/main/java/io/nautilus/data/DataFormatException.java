package io.nautilus.data;

import java.io.IOException;

/**
 * Bad historical data: a row that does not parse, is out of time order, names an unknown instrument or has a price
 * off the instrument's scale. The message names the file and line.
 */
public class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file    the file (or store file)
     * @param line    the 1-based line (or row), 0 if none
     * @param problem what is wrong
     */
    public DataFormatException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** @return the file */
    public String file() {
        return file;
    }

    /** @return the 1-based line, 0 if none */
    public long line() {
        return line;
    }
}
