package io.nautilus.marketdata.internal;

import io.nautilus.marketdata.api.BarSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parses bar specs from configuration text: {@code time:<n>ms|s|m|h}, {@code ticks:<n>} or
 * {@code volume:<n>} (the volume in units of each instrument's quantity scale).
 */
public final class BarSpecs {

    private BarSpecs() {
    }

    /**
     * Parses a list of specs.
     *
     * @param texts e.g. {@code ["time:1m", "ticks:100"]}; blank entries are skipped
     * @return the specs, in order
     * @throws IllegalArgumentException naming the first bad entry and the expected form
     */
    public static List<BarSpec> parse(String[] texts) {
        List<BarSpec> specs = new ArrayList<>();
        for (String entry : texts == null ? new String[0] : texts) {
            // a .cfg file gives one comma-separated string, Config Admin arrays give one spec per element
            for (String text : entry == null ? new String[0] : entry.split(",")) {
                if (!text.isBlank()) {
                    specs.add(parse(text.strip()));
                }
            }
        }
        return specs;
    }

    /**
     * Parses one spec.
     *
     * @param text e.g. {@code time:5s}
     * @return the spec
     * @throws IllegalArgumentException naming the entry and the expected form
     */
    public static BarSpec parse(String text) {
        int colon = text.indexOf(':');
        String type = colon < 0 ? "" : text.substring(0, colon).strip();
        String size = colon < 0 ? "" : text.substring(colon + 1).strip();
        try {
            return switch (type) {
                case "time" -> BarSpec.time(durationNanos(size));
                case "ticks" -> BarSpec.ticks(Long.parseLong(size));
                case "volume" -> BarSpec.volume(Long.parseLong(size));
                default -> throw new IllegalArgumentException("unknown bar type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bar spec '" + text + "': " + e.getMessage()
                    + "; expected time:<n>ms|s|m|h, ticks:<n> or volume:<n> with n > 0", e);
        }
    }

    private static long durationNanos(String text) {
        TimeUnit unit;
        String digits;
        if (text.endsWith("ms")) {
            unit = TimeUnit.MILLISECONDS;
            digits = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            unit = TimeUnit.SECONDS;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            unit = TimeUnit.MINUTES;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("h")) {
            unit = TimeUnit.HOURS;
            digits = text.substring(0, text.length() - 1);
        } else {
            throw new IllegalArgumentException("time needs a unit");
        }
        return unit.toNanos(Long.parseLong(digits.strip()));
    }
}
