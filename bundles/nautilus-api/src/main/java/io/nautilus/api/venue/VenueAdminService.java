package io.nautilus.api.venue;

import java.util.List;

/**
 * Operator control of the venues ({@code nautilus:venues}, {@code venue-connect}, {@code venue-disconnect},
 * {@code venue-reconcile}). Methods that change something return a one-line outcome and throw
 * {@link IllegalArgumentException} for an unknown venue.
 */
public interface VenueAdminService {

    /**
     * Every venue with a registered gateway, by venue id.
     *
     * @return the venues
     */
    List<VenueStatus> venues();

    /**
     * Connects (logs on) a venue's session; reconciliation follows the logon.
     *
     * @param venue the venue id
     * @return the outcome
     */
    String connect(String venue);

    /**
     * Disconnects (logs out) a venue's session; it stays down until {@link #connect(String)}.
     *
     * @param venue the venue id
     * @return the outcome
     */
    String disconnect(String venue);

    /**
     * Reconciles the orders the core holds as working at a venue with the venue's view, now, and waits for the
     * outcome (bounded). A venue that cannot be reconciled is failed closed: trading in its instruments is halted.
     *
     * @param venue the venue id
     * @return the outcome
     */
    String reconcile(String venue);
}
