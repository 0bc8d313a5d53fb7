package io.nautilus.camel.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.LineNumberAware;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Why a route file failed to load, as one line naming the file and the line of the file it points at.
 *
 * @param line    1-based line in the route file, 0 when unknown
 * @param message one line: {@code <file> line <n>: <reason>}
 */
record LoadFailure(int line, String message) {

    private static final int MAX_CAUSES = 20;

    /**
     * A failure not tied to a line of the file.
     *
     * @param fileName the route file
     * @param reason   why it failed
     * @return the failure with line 0
     */
    static LoadFailure of(String fileName, String reason) {
        return new LoadFailure(0, format(fileName, 0, reason));
    }

    /**
     * A failure at a known line.
     *
     * @param fileName the route file
     * @param line     1-based line, 0 when unknown
     * @param reason   why it failed
     * @return the failure
     */
    static LoadFailure at(String fileName, int line, String reason) {
        return new LoadFailure(Math.max(line, 0), format(fileName, line, reason));
    }

    /**
     * Explains an exception thrown while parsing or starting a route file's routes: the YAML parser's mark when the
     * chain has one, else the line of the route definition (or its failing step) Camel names.
     *
     * @param fileName    the route file
     * @param error       what was thrown
     * @param definitions the file's parsed route definitions, empty if parsing failed
     * @return the failure
     */
    static LoadFailure of(String fileName, Throwable error, List<RouteDefinition> definitions) {
        Deque<Throwable> chain = causes(error);
        for (Throwable cause : chain) {
            if (cause instanceof MarkedYamlEngineException marked) {
                return fromYamlMark(fileName, marked);
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof FailedToCreateRouteException create) {
                return at(fileName, lineOfRoute(definitions, create.getRouteId(), create.getMessage()),
                        create.getMessage());
            }
            if (cause instanceof FailedToStartRouteException start) {
                return at(fileName, lineOfRoute(definitions, start.getRouteId(), null), start.getMessage());
            }
        }
        Throwable root = chain.peekLast();
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (root != error && root.getMessage() != null && !reason.contains(root.getMessage())) {
            reason = reason + ": " + root.getMessage();
        }
        return of(fileName, reason);
    }

    private static LoadFailure fromYamlMark(String fileName, MarkedYamlEngineException marked) {
        Optional<Mark> problemMark = marked.getProblemMark();
        Optional<Mark> contextMark = marked.getContextMark();
        int line = problemMark.or(() -> contextMark).map(mark -> mark.getLine() + 1).orElse(0);
        StringBuilder reason = new StringBuilder();
        if (marked.getContext() != null && !marked.getContext().isBlank()) {
            reason.append(marked.getContext());
            contextMark.ifPresent(mark -> reason.append(" (line ").append(mark.getLine() + 1).append(')'));
            reason.append(": ");
        }
        reason.append(marked.getProblem() == null ? marked.getClass().getSimpleName() : marked.getProblem());
        return at(fileName, line, reason.toString());
    }

    /** The line of the step Camel marks with {@code >>> step <<<} in its message, else of the route's input. */
    private static int lineOfRoute(List<RouteDefinition> definitions, String routeId, String message) {
        if (routeId == null) {
            return 0;
        }
        for (RouteDefinition route : definitions) {
            if (!routeId.equals(route.getRouteId())) {
                continue;
            }
            String step = markedStep(message);
            if (step != null) {
                int line = lineOfStep(route.getOutputs(), step);
                if (line > 0) {
                    return line;
                }
            }
            return firstLine(route.getInput(), route);
        }
        return 0;
    }

    private static String markedStep(String message) {
        if (message == null) {
            return null;
        }
        int start = message.indexOf(">>> ");
        int end = message.indexOf(" <<<", start + 4);
        return start < 0 || end < 0 ? null : message.substring(start + 4, end);
    }

    private static int lineOfStep(List<ProcessorDefinition<?>> steps, String step) {
        for (ProcessorDefinition<?> definition : steps) {
            if (step.equals(definition.toString()) && definition.getLineNumber() > 0) {
                return definition.getLineNumber();
            }
            int nested = lineOfStep(definition.getOutputs(), step);
            if (nested > 0) {
                return nested;
            }
        }
        return 0;
    }

    private static int firstLine(LineNumberAware preferred, LineNumberAware fallback) {
        if (preferred != null && preferred.getLineNumber() > 0) {
            return preferred.getLineNumber();
        }
        return fallback != null ? Math.max(fallback.getLineNumber(), 0) : 0;
    }

    private static Deque<Throwable> causes(Throwable error) {
        Deque<Throwable> chain = new ArrayDeque<>();
        for (Throwable cause = error; cause != null && chain.size() < MAX_CAUSES && !chain.contains(cause);
                cause = cause.getCause()) {
            chain.addLast(cause);
        }
        return chain;
    }

    private static String format(String fileName, int line, String reason) {
        String where = line > 0 ? fileName + " line " + line : fileName + " (line unknown)";
        return where + ": " + oneLine(reason);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
