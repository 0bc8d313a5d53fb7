package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueStatus;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the ids of the venues with a registered gateway; nothing while the venue layer is stopped. */
@Service
public final class VenueCompleter implements Completer {

    @Reference(optional = true)
    VenueAdminService venueAdmin;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        VenueAdminService service = venueAdmin;
        if (service != null) {
            try {
                for (VenueStatus status : service.venues()) {
                    delegate.getStrings().add(status.session().venue().value());
                }
            } catch (IllegalStateException e) {
                // the venue layer is going away: nothing to complete
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
