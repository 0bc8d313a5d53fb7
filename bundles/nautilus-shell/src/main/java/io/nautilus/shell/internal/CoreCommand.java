package io.nautilus.shell.internal;

import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.TradingCoreAdminService;
import io.nautilus.core.api.TradingCoreService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;

/**
 * Base of the commands that call the trading core. The core's services are optional references, so the commands
 * exist (with help and completion) while the core is stopped and then fail with one clear line. Every failure is
 * a {@link CommandException}: Karaf prints its message without a stack trace (logging it only at DEBUG), and
 * {@code bin/client -b} exits non-zero.
 */
abstract class CoreCommand implements Action {

    /** Seconds a command waits for the core to journal and process it. */
    static final int ANSWER_TIMEOUT_SECONDS = 10;

    /** The line printed when the trading core's services are not registered. */
    static final String NOT_RUNNING = "nautilus: the trading core is not running";

    @Reference(optional = true)
    TradingCoreService core;

    @Reference(optional = true)
    TradingCoreAdminService admin;

    @Override
    public final Object execute() throws Exception {
        try {
            run(System.out);
        } catch (IllegalArgumentException e) {
            throw new CommandException("nautilus: " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * Does the command's work.
     *
     * @param out where to print
     * @throws CommandException when the command fails; its message is the one line the admin sees
     * @throws IllegalArgumentException when an argument is wrong; reported as a failure with its message
     */
    abstract void run(PrintStream out) throws CommandException;

    /** @return the trading core's order entry and query service */
    final TradingCoreService core() throws CommandException {
        if (core == null) {
            throw new CommandException(NOT_RUNNING);
        }
        return core;
    }

    /** @return the trading core's admin service */
    final TradingCoreAdminService admin() throws CommandException {
        if (admin == null) {
            throw new CommandException(NOT_RUNNING);
        }
        return admin;
    }

    /** @return the scales of the core's instruments; raw units for every instrument while the core is absent */
    final Scales scales() {
        TradingCoreService service = core;
        return new Scales(id -> service == null ? Optional.empty() : service.instrument(id));
    }

    /**
     * Waits, at most {@value #ANSWER_TIMEOUT_SECONDS} seconds, for the core's answer.
     *
     * @param answer the core's future
     * @param what   what was asked, for the messages, e.g. {@code the order}
     * @param <T>    the answer's type
     * @return the answer
     * @throws CommandException if the core fails the future, does not answer in time, or the wait is interrupted
     */
    static <T> T await(CompletableFuture<T> answer, String what) throws CommandException {
        return await(answer, what, Duration.ofSeconds(ANSWER_TIMEOUT_SECONDS));
    }

    /**
     * Waits, at most {@code timeout}, for the core's answer.
     *
     * @param answer  the core's future
     * @param what    what was asked, for the messages
     * @param timeout how long to wait
     * @param <T>     the answer's type
     * @return the answer
     * @throws CommandException if the core fails the future, does not answer in time, or the wait is interrupted
     */
    static <T> T await(CompletableFuture<T> answer, String what, Duration timeout) throws CommandException {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CommandException("nautilus: no answer from the trading core within "
                    + Durations.format(timeout.toMillis()) + " for " + what
                    + "; it may still be processed (check nautilus:orders)");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CommandException("nautilus: the trading core did not process " + what + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("nautilus: interrupted while waiting for the trading core to process " + what);
        }
    }

    /**
     * Prints a command's outcome and its execution reports, one line each, and fails if it was rejected.
     *
     * @param result the outcome
     * @param out    where to print
     * @return the result, accepted
     * @throws CommandException with the reject reason, detail, limit and would-be value if it was rejected
     */
    final CommandResult print(CommandResult result, PrintStream out) throws CommandException {
        ReportLines lines = new ReportLines(scales());
        if (result.accepted()) {
            out.println(ReportLines.outcome(result));
        }
        for (var report : result.reports()) {
            out.println(lines.report(report));
        }
        if (!result.accepted()) {
            throw new CommandException("nautilus: " + lines.outcomeInUnits(result));
        }
        return result;
    }
}
