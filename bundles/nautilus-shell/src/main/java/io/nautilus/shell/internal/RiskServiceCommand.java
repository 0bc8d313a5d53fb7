package io.nautilus.shell.internal;

import io.nautilus.analytics.api.risk.PortfolioRiskService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;

/**
 * Base of the commands that ask the portfolio risk service (nautilus-analytics). The service is an optional
 * reference: without it the commands fail with one line; a service answer that the core or the history store is
 * not running becomes one line too.
 */
abstract class RiskServiceCommand extends CoreCommand {

    /** The line printed when the portfolio risk service is not registered. */
    static final String NOT_RUNNING = "nautilus: the portfolio risk service (nautilus-analytics) is not running";

    @Reference(optional = true)
    PortfolioRiskService risk;

    @Override
    final void run(PrintStream out) throws CommandException {
        PortfolioRiskService service = risk;
        if (service == null) {
            throw new CommandException(NOT_RUNNING);
        }
        try {
            run(service, out);
        } catch (IllegalStateException e) {
            throw new CommandException("nautilus: " + e.getMessage(), e);
        }
    }

    /**
     * Does the command's work.
     *
     * @param service the portfolio risk service
     * @param out     where to print
     * @throws CommandException when the command fails
     */
    abstract void run(PortfolioRiskService service, PrintStream out) throws CommandException;
}
