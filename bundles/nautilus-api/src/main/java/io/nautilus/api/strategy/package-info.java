/**
 * The strategy SPI: {@link io.nautilus.api.strategy.Strategy}, implemented by strategy bundles, and
 * {@link io.nautilus.api.strategy.StrategyContext}, through which the strategy engine gives a strategy its
 * orders, positions, timers, clock and parameters.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.4.0")
package io.nautilus.api.strategy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
