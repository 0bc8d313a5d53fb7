/**
 * The trading core's engine on the caller's thread ({@link io.nautilus.core.embedded.EmbeddedCore}): the same
 * risk, matching, venue-order, position and fee code as the live core, without ring, journal or threads, for the
 * backtest engine.
 */
@Export
@Version("0.1.0")
package io.nautilus.core.embedded;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
