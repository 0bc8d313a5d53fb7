package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueAdminService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;

import java.io.PrintStream;

/**
 * Base of the {@code nautilus:venues} and {@code nautilus:venue-*} commands: the venue layer is an optional
 * reference, so the commands exist while it is stopped (or not installed) and then fail with one clear line.
 */
abstract class VenueCommand implements Action {

    /** The line printed when the venue layer is not registered. */
    static final String NOT_RUNNING = "nautilus: the venue layer is not running";

    @Reference(optional = true)
    VenueAdminService venueAdmin;

    @Override
    public final Object execute() throws Exception {
        if (venueAdmin == null) {
            throw new CommandException(NOT_RUNNING);
        }
        try {
            run(venueAdmin, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException("nautilus: " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * Does the command's work.
     *
     * @param service the venue layer
     * @param out     where to print
     * @throws CommandException when the command fails
     */
    abstract void run(VenueAdminService service, PrintStream out) throws CommandException;
}
