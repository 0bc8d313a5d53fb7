/**
 * Platform administration: the services operators and the shell use to inspect and manage the running platform
 * (integrator route files, engine status).
 */
@Export
@Version("0.2.0")
package io.nautilus.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
