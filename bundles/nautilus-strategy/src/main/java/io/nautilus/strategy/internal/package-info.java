/**
 * The strategy engine's Declarative Services component and configuration.
 */
package io.nautilus.strategy.internal;
