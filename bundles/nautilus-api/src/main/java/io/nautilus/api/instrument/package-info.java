/**
 * Instruments and the fixed-point arithmetic of their prices and quantities.
 *
 * <p>A price or quantity is a {@code long} counting units of {@code 10^-scale}: at price scale 2 the price
 * {@code 101.25} is the long {@code 10125}. Money is never a {@code double}. {@link java.math.BigDecimal} and
 * text are used only at the edges (configuration, venue messages, display).
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.2.0")
package io.nautilus.api.instrument;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
