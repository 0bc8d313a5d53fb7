package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueAdminService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import java.io.PrintStream;

/** {@code nautilus:venue-reconcile venue}. */
@Command(scope = "nautilus", name = "venue-reconcile",
        description = "Reconciles, now, the orders the trading core holds as working at a venue with the venue's"
                + " view (order status requests; missed fills applied, finished orders closed) and waits for the"
                + " outcome. A venue that cannot be reconciled fails closed: new orders and replaces for it are"
                + " refused until a reconciliation succeeds, which lifts it. Fails (non-zero in bin/client -b)"
                + " when the reconciliation fails.")
@Service
public final class VenueReconcileCommand extends VenueCommand {

    @Argument(index = 0, name = "venue", description = "the venue id (nautilus:venues lists them)", required = true)
    @Completion(VenueCompleter.class)
    String venue;

    @Override
    void run(VenueAdminService service, PrintStream out) throws CommandException {
        String outcome = service.reconcile(venue);
        if (outcome == null || outcome.contains("FAILED") || outcome.equals("interrupted")) {
            throw new CommandException("nautilus: " + (outcome == null ? "venue " + venue + ": no outcome"
                    : outcome.equals("interrupted") ? "venue " + venue + ": reconciliation interrupted" : outcome));
        }
        out.println(outcome.startsWith("venue ") ? outcome : "venue " + venue + ": reconciliation " + outcome);
    }
}
