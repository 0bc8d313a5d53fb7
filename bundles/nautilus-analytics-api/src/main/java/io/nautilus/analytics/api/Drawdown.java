package io.nautilus.analytics.api;

import java.time.LocalDate;

/**
 * One drawdown of the equity curve: from a peak down to its lowest point and back to the peak's level.
 *
 * @param depth    the fall from the peak to the trough as a negative fraction (-0.1 = 10 % below the peak)
 * @param start    the date of the peak the fall started from
 * @param trough   the date of the lowest point
 * @param recovery the first date the equity was back at the peak's level, {@code null} if not recovered by the end
 * @param periods  periods from the peak to the recovery (or to the last period when not recovered)
 */
public record Drawdown(double depth, LocalDate start, LocalDate trough, LocalDate recovery, int periods) {
}
