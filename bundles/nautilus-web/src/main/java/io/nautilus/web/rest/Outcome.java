package io.nautilus.web.rest;

/**
 * What a command of the shell did, as the shell prints it: {@code {"id","outcome"}} (strategy start/stop, venue
 * connect/disconnect/reconcile).
 *
 * @param id      the strategy instance or venue
 * @param outcome the engine's one-line outcome
 */
record Outcome(String id, String outcome) {
}
