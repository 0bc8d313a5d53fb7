package io.nautilus.analytics.cli;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.performance.Performance;
import io.nautilus.analytics.performance.SeriesFiles;
import io.nautilus.analytics.report.HtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/nautilus-analytics}: reads an equity or returns series (and optionally a benchmark), prints its
 * performance statistics as one JSON object ({@link PerformanceResult#toJson()}) and, with {@code --report}, writes
 * the HTML report ({@link HtmlReport}). Exit status 0 done, 2 bad usage
 * or input (one line on stderr), 1 an unexpected failure.
 */
public final class AnalyticsMain {

    static final String USAGE = """
            usage: bin/nautilus-analytics (--equity FILE | --returns FILE) [--benchmark FILE]
                                          [--periods-per-year N] [--risk-free R] [--report FILE.html]

              --equity FILE            CSV with the header date,equity (the first row is the start)
              --returns FILE           CSV with the header date,return (decimal returns, 0.01 = 1 %)
              --benchmark FILE         the benchmark, either format; aligned on the dates both series have
              --periods-per-year N     periods in a year, to annualise (default 252)
              --risk-free R            annual risk-free rate, decimal (default 0)
              --report FILE.html       also write the self-contained HTML report there
              --help                   this text

            Prints one JSON object of metrics (undefined ones null, their reasons under "undefined").
            Exit status: 0 done, 2 bad usage or input, 1 failed. See docs/analytics.md.
            """;

    private AnalyticsMain() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err, Path.of("").toAbsolutePath());
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the command line.
     *
     * @param args the options
     * @param out  where the JSON object goes
     * @param err  where the error line goes
     * @param cwd  the folder relative paths start from
     * @return the exit status: 0 done, 2 bad usage or input, 1 failed
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Path cwd) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("nautilus-analytics: " + e.getMessage() + " (--help for usage)");
            return 2;
        }
        try {
            PerformanceInput input = options.equity != null
                    ? SeriesFiles.readEquity(cwd.resolve(options.equity))
                    : SeriesFiles.readReturns(cwd.resolve(options.returns));
            if (options.benchmark != null) {
                PerformanceInput benchmark = SeriesFiles.readEither(cwd.resolve(options.benchmark));
                input = input.withBenchmark(benchmark.dates(), benchmark.returns());
            }
            input = input.withPeriodsPerYear(options.periodsPerYear).withRiskFreeRate(options.riskFree);
            PerformanceResult result = Performance.analyse(input);
            if (options.report != null) {
                Path report = cwd.resolve(options.report);
                Path folder = report.toAbsolutePath().getParent();
                if (folder != null && !Files.isDirectory(folder)) {
                    err.println("nautilus-analytics: --report " + options.report + ": no such folder " + folder);
                    return 2;
                }
                String source = options.equity != null ? options.equity : options.returns;
                HtmlReport.write(result, Path.of(source).getFileName().toString(), report);
            }
            out.println(result.toJson());
            return 0;
        } catch (NoSuchFileException e) {
            err.println("nautilus-analytics: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("nautilus-analytics: cannot read: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("nautilus-analytics: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("nautilus-analytics: failed: " + e);
            return 1;
        }
    }

    /** The parsed options. */
    static final class Options {
        String equity;
        String returns;
        String benchmark;
        String report;
        int periodsPerYear = PerformanceInput.DEFAULT_PERIODS_PER_YEAR;
        double riskFree;

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + option + "'");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--equity" -> o.equity = once(option, o.equity, value);
                    case "--returns" -> o.returns = once(option, o.returns, value);
                    case "--benchmark" -> o.benchmark = once(option, o.benchmark, value);
                    case "--report" -> o.report = once(option, o.report, value);
                    case "--periods-per-year" -> o.periodsPerYear = positiveInt(option, value);
                    case "--risk-free" -> o.riskFree = decimal(option, value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if ((o.equity == null) == (o.returns == null)) {
                throw new IllegalArgumentException("give exactly one of --equity FILE and --returns FILE");
            }
            return o;
        }

        private static String once(String option, String previous, String value) {
            if (previous != null) {
                throw new IllegalArgumentException(option + " given twice");
            }
            return value;
        }

        private static int positiveInt(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number, got '" + value + "'");
        }

        private static double decimal(String option, String value) {
            try {
                double d = Double.parseDouble(value);
                if (Double.isFinite(d) && d > -1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a decimal rate above -1 (0.02 = 2 %), got '"
                    + value + "'");
        }
    }
}
