package io.nautilus.shell.internal;

import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.SmartOrderRouter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:route-explain parentOrderId}: why the smart order router split a parent order as it did. The
 * router is an optional reference: without it the command fails with one line. (Without the router's API bundle
 * the command is not registered at all; the other commands are unaffected.)
 */
@Command(scope = "nautilus", name = "route-explain",
        description = "Explains the smart order router's decision for a parent order: inputs and settings, each"
                + " venue's score, fees and displayed liquidity (or why it was excluded), the allocation steps with"
                + " their cost per unit and runner-up, and the resulting child orders.")
@Service
public final class RouteExplainCommand implements Action {

    /** The line printed when the router is not registered. */
    static final String NOT_RUNNING = "nautilus: the smart order router is not running";

    @Argument(index = 0, name = "parentOrderId", description = "the parent order's id, as given to the router",
            required = true)
    String parentOrderId;

    @Reference(optional = true)
    SmartOrderRouter router;

    @Override
    public Object execute() throws Exception {
        SmartOrderRouter service = router;
        if (service == null) {
            throw new CommandException(NOT_RUNNING);
        }
        long id;
        try {
            id = Long.parseLong(parentOrderId.trim());
        } catch (NumberFormatException e) {
            throw new CommandException("nautilus: '" + parentOrderId + "' is not a parent order id (a number)");
        }
        RouteExplanation explanation = service.explanation(id);
        if (explanation == null) {
            throw new CommandException("nautilus: parent order " + id + " is not tracked by the router (never routed,"
                    + " or evicted: the router keeps the last max.tracked.parents of etc/io.nautilus.router.cfg)");
        }
        for (String line : explanation.lines()) {
            System.out.println(line);
        }
        return null;
    }
}
