package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;

import java.io.PrintStream;

/**
 * Base of the {@code nautilus:strategies} and {@code nautilus:strategy-*} commands: the strategy engine is an optional
 * reference, so the commands exist while it is stopped and then fail with one clear line.
 */
abstract class StrategyCommand implements Action {

    /** The line printed when the strategy engine is not registered. */
    static final String NOT_RUNNING = "nautilus: the strategy engine is not running";

    @Reference(optional = true)
    StrategyAdminService strategies;

    @Override
    public final Object execute() throws Exception {
        if (strategies == null) {
            throw new CommandException(NOT_RUNNING);
        }
        try {
            run(strategies, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException("nautilus: " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * Does the command's work.
     *
     * @param service the strategy engine
     * @param out     where to print
     * @throws CommandException when the command fails
     */
    abstract void run(StrategyAdminService service, PrintStream out) throws CommandException;
}
