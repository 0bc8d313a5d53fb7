/**
 * The core's matching engine: per-instrument price-time priority order books ({@link
 * io.nautilus.core.matching.MatchingEngine}) and immutable views of its state for the admin shell. (The exchange-core
 * style command stream {@code ExchangeCoreMix} that the tests and the benchmarks generate is test support: it ships in
 * the core's test jar, not in the bundle.)
 */
package io.nautilus.core.matching;
