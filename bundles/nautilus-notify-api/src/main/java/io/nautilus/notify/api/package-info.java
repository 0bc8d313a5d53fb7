/**
 * The notification engine as its users see it: alerts raised through {@link io.nautilus.api.alert.AlertService}
 * become incidents ({@link io.nautilus.notify.api.AlertView}) that are routed, grouped, rate-limited, escalated
 * until acknowledged and delivered to receivers; {@link io.nautilus.notify.api.NotificationService} lists and
 * acts on them (the shell's {@code nautilus:alerts}, later the web tier), and
 * {@link io.nautilus.notify.api.NotificationListener} services receive what the {@code ui} channel sends.
 */
@Export
@Version("0.1.0")
package io.nautilus.notify.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
