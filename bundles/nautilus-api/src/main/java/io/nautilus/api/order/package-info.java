/**
 * Order commands ({@link io.nautilus.api.order.NewOrder}, {@link io.nautilus.api.order.CancelOrder},
 * {@link io.nautilus.api.order.ReplaceOrder}) and the execution reports that describe every change of an
 * order's state, with FIX semantics.
 *
 * <p>Client order ids are positive {@code long}s unique per account; prices and quantities are fixed-point
 * longs at the instrument's scales; times are nanoseconds since the Unix epoch. Absent prices are
 * {@link io.nautilus.api.instrument.FixedPoint#NULL}.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.2.0")
package io.nautilus.api.order;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
