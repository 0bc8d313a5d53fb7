package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueAdminService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code nautilus:venue-disconnect venue}. */
@Command(scope = "nautilus", name = "venue-disconnect",
        description = "Disconnects (logs out) a venue's session; it stays down, also across reconnect attempts,"
                + " until nautilus:venue-connect. Orders working at the venue stay working there.")
@Service
public final class VenueDisconnectCommand extends VenueCommand {

    @Argument(index = 0, name = "venue", description = "the venue id (nautilus:venues lists them)", required = true)
    @Completion(VenueCompleter.class)
    String venue;

    @Override
    void run(VenueAdminService service, PrintStream out) {
        out.println(service.disconnect(venue));
    }
}
