/**
 * The core's matching engine: per-instrument price-time priority order books ({@link
 * io.nautilus.core.matching.MatchingEngine}) and immutable views of its state for the admin shell. (The exchange-core
 * style command stream {@code ExchangeCoreMix} that the tests and the benchmarks generate is test support: it ships in
 * the core's test jar, not in the bundle.)
 *
 * <p>Exported as a library (a private {@code MatchingEngine} per user, on the user's own thread: the simulated venue
 * runs one per gateway). Only the JDK, {@code io.nautilus.api} and {@code io.nautilus.core} appear in its public
 * signatures; the Agrona collections it keeps its state in stay private to the core bundle.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.nautilus.core.matching;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
