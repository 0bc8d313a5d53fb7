package io.nautilus.shell.internal;

/** Formats durations for shell tables. */
final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration compactly: {@code 850ms}, {@code 12s}, {@code 3m 04s}, {@code 2h 05m}, {@code 3d 04h}.
     *
     * @param millis duration in milliseconds; negative is shown as {@code -}
     * @return the formatted duration
     */
    static String format(long millis) {
        if (millis < 0) {
            return "-";
        }
        if (millis < 1_000) {
            return millis + "ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return String.format("%dm %02ds", minutes, seconds % 60);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return String.format("%dh %02dm", hours, minutes % 60);
        }
        return String.format("%dd %02dh", hours / 24, hours % 24);
    }
}
