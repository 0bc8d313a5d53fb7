package io.nautilus.core.journal;

import java.io.IOException;

/**
 * The journal is corrupt somewhere other than its tail (or a segment is missing), so it cannot be replayed without
 * skipping data. Recovery stops instead of guessing; an operator has to look at the named file.
 */
public final class JournalCorruptedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient JournalProblem problem;

    /**
     * @param problem where and what
     */
    public JournalCorruptedException(JournalProblem problem) {
        super(problem + " (not at the journal's tail: recovery stops rather than skip data; inspect or restore the"
                + " file)");
        this.problem = problem;
    }

    /** @return where and what */
    public JournalProblem problem() {
        return problem;
    }
}
