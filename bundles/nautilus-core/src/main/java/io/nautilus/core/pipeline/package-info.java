/**
 * The trading core's Disruptor pipeline: multi-producer ring of command slots, journal and business handlers in
 * parallel, a publish handler after both, queries and snapshots on the business thread.
 */
package io.nautilus.core.pipeline;
