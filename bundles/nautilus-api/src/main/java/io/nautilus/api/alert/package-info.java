/**
 * Alerts and the delivery channel SPI: {@link io.nautilus.api.alert.AlertChannel} is implemented by each way
 * of telling a human (email, Slack, webhook, SMS); the notification engine decides what to send where, with
 * dedup, rate limits and escalation. Engines raise alerts through the {@link io.nautilus.api.alert.AlertService}.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.2.0")
package io.nautilus.api.alert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
