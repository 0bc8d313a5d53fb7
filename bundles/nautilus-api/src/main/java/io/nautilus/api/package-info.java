/**
 * The identifiers and enumerations every Nautilus engine shares: sides, order types, times in force, order
 * flags, connection states and the validated account, strategy, instrument and venue ids.
 *
 * <p>Prices and quantities throughout the API are fixed-point {@code long}s at the scale of their instrument;
 * see {@link io.nautilus.api.instrument.FixedPoint}.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.nautilus.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
