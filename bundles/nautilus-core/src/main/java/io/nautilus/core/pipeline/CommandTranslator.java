package io.nautilus.core.pipeline;

import io.nautilus.core.Command;

/**
 * Fills a command to publish from an argument, so a single (non-capturing) translator instance serves every call
 * without allocation.
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface CommandTranslator<A> {

    /**
     * Sets the input fields of a command.
     *
     * @param command a cleared command ({@link Command#clear()}); seq is set by the pipeline, and timestamp too if
     *        left 0
     * @param arg the argument given to publish
     */
    void translate(Command command, A arg);
}
