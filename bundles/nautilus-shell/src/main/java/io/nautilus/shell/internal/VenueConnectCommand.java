package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueAdminService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code nautilus:venue-connect venue}. */
@Command(scope = "nautilus", name = "venue-connect",
        description = "Connects (logs on) a venue's session; the venue's working orders are reconciled after the"
                + " logon. Watch the state with nautilus:venues.")
@Service
public final class VenueConnectCommand extends VenueCommand {

    @Argument(index = 0, name = "venue", description = "the venue id (nautilus:venues lists them)", required = true)
    @Completion(VenueCompleter.class)
    String venue;

    @Override
    void run(VenueAdminService service, PrintStream out) {
        out.println(service.connect(venue));
    }
}
