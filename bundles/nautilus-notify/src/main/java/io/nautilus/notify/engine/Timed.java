package io.nautilus.notify.engine;

/** Something with one pending deadline in the engine's timer queue ({@link Long#MAX_VALUE}: none). */
abstract class Timed {

    long due = Long.MAX_VALUE;
}
