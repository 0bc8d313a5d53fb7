/**
 * The smart order router's implementation: {@link io.nautilus.router.internal.RouterEngine} (usable without OSGi)
 * and the Declarative Services components that configure it from Config Admin.
 */
package io.nautilus.router.internal;
