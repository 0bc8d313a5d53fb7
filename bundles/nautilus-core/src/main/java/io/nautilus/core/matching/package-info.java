/**
 * The core's matching engine: per-instrument price-time priority order books ({@link
 * io.nautilus.core.matching.MatchingEngine}), immutable views of its state for the admin shell, and a reusable
 * exchange-core style command stream ({@link io.nautilus.core.matching.ExchangeCoreMix}) for benchmarks, replay and
 * load generation.
 */
package io.nautilus.core.matching;
