/**
 * The trading core as other bundles and the admin shell see it: {@link io.nautilus.core.api.TradingCoreService}
 * (order entry and queries, for strategies, routers and Camel routes) and
 * {@link io.nautilus.core.api.TradingCoreAdminService} (what operators do: books, positions, P&amp;L, risk limits,
 * trading states, kill switch, snapshots, journal), with immutable views of the core's state.
 *
 * <p>Prices and quantities are fixed-point longs at the instrument's scales, as everywhere in Nautilus. Every
 * change goes through the core's single-writer pipeline; the futures complete once the command was journaled and
 * processed.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.3.0")
package io.nautilus.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
