package io.nautilus.strategy.smacross;

import io.nautilus.api.InstrumentId;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * The typed parameters of one smacross instance, validated.
 *
 * @param instrument the instrument traded
 * @param fast       closes in the fast moving average, 1 or more and less than {@code slow}
 * @param slow       closes in the slow moving average, at most {@value #MAX_LENGTH}
 * @param quantity   the quantity bought, in the instrument's units (converted to its quantity scale at start),
 *                   greater than zero
 * @param barNanos   the interval of the time bars used, in nanoseconds, greater than zero
 */
public record SmaCrossSettings(InstrumentId instrument, int fast, int slow, BigDecimal quantity, long barNanos) {

    /** The largest slow length. */
    public static final int MAX_LENGTH = 10_000;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first parameter out of range and its value
     */
    public SmaCrossSettings {
        if (instrument == null) {
            throw new IllegalArgumentException("smacross: parameter instrument is required");
        }
        if (fast < 1 || fast >= slow || slow > MAX_LENGTH) {
            throw new IllegalArgumentException("smacross: needs 1 <= fast < slow <= " + MAX_LENGTH + "; got fast "
                    + fast + ", slow " + slow);
        }
        if (quantity == null) {
            throw new IllegalArgumentException("smacross: parameter quantity is required");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("smacross: parameter quantity '" + quantity.toPlainString()
                    + "' must be greater than zero");
        }
        if (barNanos <= 0) {
            throw new IllegalArgumentException("smacross: bar interval " + barNanos + " ns must be greater than zero");
        }
    }

    /**
     * Converts a configuration to settings, as the DS component and the factory do.
     *
     * @param config the configuration
     * @return the validated settings
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    public static SmaCrossSettings of(SmaCrossConfig config) {
        if (config.instrument() == null || config.instrument().isBlank()) {
            throw new IllegalArgumentException("smacross: parameter instrument is required");
        }
        return new SmaCrossSettings(InstrumentId.of(config.instrument().strip()), config.fast(), config.slow(),
                quantity(config.quantity()), timeBarNanos(config.barSpec()));
    }

    private static BigDecimal quantity(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("smacross: parameter quantity is required");
        }
        String plain = text.strip();
        if (!plain.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            throw new IllegalArgumentException("smacross: parameter quantity '" + text
                    + "' is not a plain decimal number such as 0.01");
        }
        return new BigDecimal(plain);
    }

    /**
     * Parses a time bar spec as in {@code etc/io.nautilus.marketdata.cfg}: {@code time:<n>ms|s|m|h}.
     *
     * @param text e.g. {@code time:1m}
     * @return the interval in nanoseconds
     * @throws IllegalArgumentException naming the parameter and the text
     */
    static long timeBarNanos(String text) {
        String spec = text == null ? "" : text.strip();
        String problem = "smacross: parameter barSpec '" + text + "' is not a time bar spec time:<n>ms|s|m|h with n > 0";
        if (!spec.startsWith("time:")) {
            throw new IllegalArgumentException(problem);
        }
        String size = spec.substring("time:".length()).strip();
        TimeUnit unit;
        int digits;
        if (size.endsWith("ms")) {
            unit = TimeUnit.MILLISECONDS;
            digits = size.length() - 2;
        } else if (size.endsWith("s")) {
            unit = TimeUnit.SECONDS;
            digits = size.length() - 1;
        } else if (size.endsWith("m")) {
            unit = TimeUnit.MINUTES;
            digits = size.length() - 1;
        } else if (size.endsWith("h")) {
            unit = TimeUnit.HOURS;
            digits = size.length() - 1;
        } else {
            throw new IllegalArgumentException(problem);
        }
        String count = size.substring(0, digits).strip();
        if (!count.matches("[0-9]{1,12}") || Long.parseLong(count) == 0) {
            throw new IllegalArgumentException(problem);
        }
        return unit.toNanos(Long.parseLong(count));
    }
}
