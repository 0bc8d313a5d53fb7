package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueAdminService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code nautilus:venues}: every venue with a registered gateway, its session and what the venue layer counted; with
 * the smart order router installed, each venue's score too.
 */
@Command(scope = "nautilus", name = "venues",
        description = "Lists the venues: session state and detail, next FIX sequence numbers (out/in), orders working"
                + " there, commands sent, reports applied/refused, duplicate fills ignored, last reconciliation,"
                + " how often the venue's state could not be trusted (failures), whether it failed closed,"
                + " the smart order router's score (when the router runs) and the last problem.")
@Service
public final class VenuesCommand extends VenueCommand {

    @Reference
    BundleContext bundleContext;

    /** The router's scores; looked up through the bundle context (the router is optional). Tests replace it. */
    Supplier<Optional<Map<String, RouterScores.Line>>> scores = () -> RouterScores.lookup(bundleContext);

    @Override
    void run(VenueAdminService service, PrintStream out) {
        VenueTable.print(service.venues(), scores.get(), out);
    }
}
