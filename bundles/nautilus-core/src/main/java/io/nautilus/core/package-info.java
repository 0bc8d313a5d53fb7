/**
 * The trading core's command and event model: the pre-allocated {@link io.nautilus.core.Command} slot, its
 * operations ({@link io.nautilus.core.Op}, {@link io.nautilus.core.InstrumentCommand}), the outcome buffer ({@link
 * io.nautilus.core.Events}) and the contracts of the pipeline's stages. Exported (with {@code
 * io.nautilus.core.matching}) so that other bundles run the core's matching engine as a library, as the simulated
 * venue does; everything else of the core bundle stays private. Its types use only the JDK and {@code
 * io.nautilus.api} / {@code io.nautilus.core.api} in their signatures.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.nautilus.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
