package io.nautilus.shell.internal;

import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The table of {@code nautilus:venues}. */
final class VenueTable {

    private VenueTable() {
    }

    /**
     * Prints one row per venue, with the router's score column when a router is registered, then a line per venue
     * that failed closed.
     *
     * @param venues the venue layer's venues
     * @param scores the router's scores by venue id, if a router is registered
     * @param out    where to print
     */
    static void print(List<VenueStatus> venues, Optional<Map<String, RouterScores.Line>> scores, PrintStream out) {
        table(venues, scores).print(out);
        for (VenueStatus status : venues) {
            if (status.failedClosed()) {
                String venue = status.session().venue().value();
                out.println("venue " + venue + " FAILED CLOSED: new orders and replaces for it are refused (cancels"
                        + " still go out); once its state is trusted again: nautilus:venue-reconcile " + venue
                        + " (trading resumes when it succeeds)");
            }
        }
    }

    /**
     * The table.
     *
     * @param venues the venue layer's venues
     * @param scores the router's scores by venue id, if a router is registered
     * @return the table
     */
    static ShellTable table(List<VenueStatus> venues, Optional<Map<String, RouterScores.Line>> scores) {
        ShellTable table = new ShellTable();
        table.column("VENUE");
        table.column("STATE");
        table.column("DETAIL");
        table.column("SEQ OUT").alignRight();
        table.column("SEQ IN").alignRight();
        table.column("ORDERS").alignRight();
        table.column("SENT").alignRight();
        table.column("APPLIED").alignRight();
        table.column("REFUSED").alignRight();
        table.column("DUP FILLS").alignRight();
        table.column("RECONCILIATION");
        table.column("FAILURES").alignRight();
        table.column("FAILED CLOSED");
        if (scores.isPresent()) {
            table.column("SCORE");
        }
        table.column("LAST PROBLEM");
        Set<String> shown = new HashSet<>();
        for (VenueStatus status : venues) {
            VenueSessionInfo session = status.session();
            String venue = session.venue().value();
            shown.add(venue);
            var row = table.addRow();
            row.addContent(venue, session.state(), dash(session.detail()), seq(session.nextSenderSeqNum()),
                    seq(session.nextTargetSeqNum()), status.workingOrders(), status.commandsSent(),
                    status.reportsApplied(), status.reportsRefused(), status.duplicateFills(),
                    status.reconciliation(), status.failures(), status.failedClosed() ? "yes (stopped)" : "no");
            scores.ifPresent(s -> row.addContent(Optional.ofNullable(s.get(venue)).map(RouterScores.Line::combined)
                    .orElse("- (not in the router's registry)")));
            row.addContent(dash(session.lastProblem()));
        }
        // venues the router knows (etc/io.nautilus.router.venue-*.cfg) without a gateway of the venue layer
        scores.ifPresent(s -> s.forEach((venue, line) -> {
            if (!shown.contains(venue)) {
                table.addRow().addContent(venue, line.state(), "no venue gateway (router registry only)", "-", "-",
                        "-", "-", "-", "-", "-", "-", "-", "-", line.combined(), "-");
            }
        }));
        table.emptyTableText("no venues (configure a FIX or REST venue gateway in etc/: docs/operator-guide.md,"
                + " \"Venues\")");
        return table;
    }

    /**
     * Formats a sequence number.
     *
     * @param seq the number, -1 where the protocol has none
     * @return the number or {@code -}
     */
    static String seq(long seq) {
        return seq < 0 ? "-" : Long.toString(seq);
    }

    private static String dash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
