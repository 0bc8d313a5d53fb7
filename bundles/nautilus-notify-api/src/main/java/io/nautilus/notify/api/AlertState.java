package io.nautilus.notify.api;

/**
 * Where an incident is in its life.
 */
public enum AlertState {

    /** Raised and not acknowledged: its receivers are told, and escalation runs. */
    FIRING,

    /** Someone acknowledged it: escalation stops; it stays open until resolved. */
    ACKNOWLEDGED,

    /** Its condition cleared (the source said so) or someone resolved it; a new raise of its key opens a new one. */
    RESOLVED
}
