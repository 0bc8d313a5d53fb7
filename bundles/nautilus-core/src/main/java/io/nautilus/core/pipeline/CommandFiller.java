package io.nautilus.core.pipeline;

import io.nautilus.core.Command;

/**
 * Fills a command to publish. Use a non-capturing lambda or a reused instance on hot paths (a capturing lambda
 * allocates); pass per-call values through {@link CommandTranslator} instead.
 */
@FunctionalInterface
public interface CommandFiller {

    /**
     * Sets the input fields of a command.
     *
     * @param command a cleared command ({@link Command#clear()}); seq is set by the pipeline, and timestamp too if
     *        left 0
     */
    void fill(Command command);
}
