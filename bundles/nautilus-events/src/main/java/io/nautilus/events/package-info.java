/**
 * Platform events for Camel routes: the {@code nautilus-events} component's endpoints
 * ({@code nautilus-events:executions}, {@code :fills}, {@code :bars}) and their delivery counts
 * ({@link io.nautilus.events.EventsAdminService}).
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.nautilus.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
