/**
 * What operators see and do with running strategy instances: {@link io.nautilus.api.strategy.admin.StrategyAdminService},
 * registered by the strategy engine and used by the {@code nautilus:strategies} shell commands.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.2.0")
package io.nautilus.api.strategy.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
