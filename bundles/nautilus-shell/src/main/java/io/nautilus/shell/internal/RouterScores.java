package io.nautilus.shell.internal;

import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueScore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The smart order router's venue scores for {@code nautilus:venues}, looked up by class name so that the command
 * still loads and works when the router (and its API package, an optional import) is not installed.
 */
final class RouterScores {

    /** The router's service interface. */
    static final String ROUTER = "io.nautilus.router.api.SmartOrderRouter";

    /**
     * A venue's score as the table shows it.
     *
     * @param state    the connection state the router last heard of, or {@code -}
     * @param combined the combined score and its components, e.g. {@code 0.62 (fill 0.90 slip 0.50 lat 0.47)}
     */
    record Line(String state, String combined) {
    }

    private RouterScores() {
    }

    /**
     * The router's scores, if a router is registered.
     *
     * @param context the shell bundle's context, or {@code null}
     * @return venue id to score, sorted as the router sorts them; empty if no router is registered or its API
     *         is not wired to the shell
     */
    static Optional<Map<String, Line>> lookup(BundleContext context) {
        if (context == null) {
            return Optional.empty();
        }
        ServiceReference<?> reference;
        try {
            reference = context.getServiceReference(ROUTER);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        if (reference == null) {
            return Optional.empty();
        }
        Object service = context.getService(reference);
        try {
            return service == null ? Optional.empty() : Optional.of(Reader.scores(service));
        } catch (LinkageError | ClassCastException e) {
            // the router came after the shell resolved without it: its package is not wired until a refresh
            return Optional.empty();
        } finally {
            context.ungetService(reference);
        }
    }

    /** Touches the router's types; loaded only once a router service was found. */
    static final class Reader {

        private Reader() {
        }

        static Map<String, Line> scores(Object service) {
            return lines(((SmartOrderRouter) service).scores());
        }

        /**
         * Formats the router's scores.
         *
         * @param scores the router's scores
         * @return venue id to score line
         */
        static Map<String, Line> lines(List<VenueScore> scores) {
            Map<String, Line> out = new LinkedHashMap<>();
            for (VenueScore score : scores) {
                out.put(score.venue().value(), new Line(score.state() == null ? "-" : score.state().name(),
                        String.format(Locale.ROOT, "%.2f (fill %.2f slip %.2f lat %.2f)", score.combined(),
                                score.fillScore(), score.slippageScore(), score.latencyScore())));
            }
            return out;
        }
    }
}
