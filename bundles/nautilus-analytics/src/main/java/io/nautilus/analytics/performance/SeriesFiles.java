package io.nautilus.analytics.performance;

import io.nautilus.analytics.api.PerformanceInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CSV series of {@code bin/nautilus-analytics}: {@code date,equity} (an equity curve, the first row is the
 * start) and {@code date,return} (decimal returns, 0.01 = 1 %). The header must start with exactly those two columns;
 * further columns are ignored. Dates are ISO ({@code 2024-01-31}), strictly increasing; missing dates (weekends,
 * gaps) are fine. A blank or non-numeric value is an error naming the file and line: nothing is skipped.
 */
public final class SeriesFiles {

    /** The header of an equity file. */
    public static final String EQUITY_HEADER = "date,equity";

    /** The header of a returns file. */
    public static final String RETURNS_HEADER = "date,return";

    private SeriesFiles() {
    }

    /**
     * Reads an equity curve; its first row is the starting equity.
     *
     * @param file a {@code date,equity} CSV file
     * @return the series of returns between the rows
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException on bad content, the message starting with {@code file:line:}
     */
    public static PerformanceInput readEquity(Path file) throws IOException {
        Rows rows = read(file, EQUITY_HEADER, "equity");
        try {
            return PerformanceInput.ofEquity(rows.dates, rows.values(), Double.NaN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a returns series.
     *
     * @param file a {@code date,return} CSV file
     * @return the series
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException on bad content, the message starting with {@code file:line:}
     */
    public static PerformanceInput readReturns(Path file) throws IOException {
        Rows rows = read(file, RETURNS_HEADER, "return");
        try {
            return PerformanceInput.ofReturns(rows.dates, rows.values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads either kind of series, chosen by the file's header (a benchmark may be given either way).
     *
     * @param file a {@code date,equity} or {@code date,return} CSV file
     * @return the series
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException on bad content, the message starting with {@code file:line:}
     */
    public static PerformanceInput readEither(Path file) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        if (header != null && header.strip().startsWith(EQUITY_HEADER)) {
            return readEquity(file);
        }
        return readReturns(file);
    }

    private static Rows read(Path file, String header, String column) throws IOException {
        Rows rows = new Rows();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String[] head = line == null ? new String[0] : line.strip().split(",", -1);
            if (head.length < 2 || !(head[0] + "," + head[1]).equals(header)) {
                throw new IllegalArgumentException(file + ":1: expected the header '" + header + "', got '"
                        + (line == null ? "" : line.strip()) + "'");
            }
            int number = 1;
            LocalDate previous = null;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                String where = file + ":" + number + ": ";
                if (cells.length < 2) {
                    throw new IllegalArgumentException(where + "expected 'date," + column + "', got '" + line + "'");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(cells[0].strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + "not an ISO date (2024-01-31): '" + cells[0] + "'");
                }
                if (previous != null && !date.isAfter(previous)) {
                    throw new IllegalArgumentException(where + "date " + date + " is not after " + previous
                            + " (dates must be strictly increasing)");
                }
                String text = cells[1].strip();
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "the " + column + " is not a number: '" + text + "'");
                }
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(where + "the " + column + " is not a finite number: '" + text
                            + "'");
                }
                if ("equity".equals(column) ? !(value > 0) : value < -1) {
                    throw new IllegalArgumentException(where + "the " + column + " must be "
                            + ("equity".equals(column) ? "positive" : ">= -1 (a decimal return)") + ", got " + text);
                }
                rows.add(date, value);
                previous = date;
            }
        }
        if (rows.dates.isEmpty()) {
            throw new IllegalArgumentException(file + ": no data row after the header");
        }
        return rows;
    }

    /** The rows read so far. */
    private static final class Rows {
        private final List<LocalDate> dates = new ArrayList<>();
        private double[] values = new double[256];

        void add(LocalDate date, double value) {
            if (dates.size() == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[dates.size()] = value;
            dates.add(date);
        }

        double[] values() {
            return Arrays.copyOf(values, dates.size());
        }
    }
}
