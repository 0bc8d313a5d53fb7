package io.nautilus.shell.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The venue and router commands against stand-in services: what they print and how they fail. */
class VenueCommandsTest {

    private final List<String> calls = new ArrayList<>();
    private final VenueStatus fix = new VenueStatus(new VenueSessionInfo(VenueId.of("XNAS"), ConnectionState.LOGGED_ON,
            "FIX.4.4:NAUTILUS->XNAS fix.example.com:9878", 42, 17, 1_700_000_000_000L, ""), 3, 120, 118, 2,
            "ok: 3 order(s) checked, 0 missed fill(s) applied, 0 order(s) finished", false, 7, 1);
    private final VenueStatus rest = new VenueStatus(new VenueSessionInfo(VenueId.of("ALPACA"), ConnectionState.DOWN,
            "https://paper-api.alpaca.markets", -1, -1, 0, "HTTP 401 unauthorized"), 1, 5, 4, 0,
            "FAILED: 1 of 1 order status requests unanswered within 10000 ms", true, 0, 3);
    private final VenueAdminService venues = new VenueAdminService() {
        @Override
        public List<VenueStatus> venues() {
            return List.of(fix, rest);
        }

        @Override
        public String connect(String venue) {
            calls.add("connect " + venue);
            known(venue);
            return "venue " + venue + ": connecting (reconciliation follows the logon)";
        }

        @Override
        public String disconnect(String venue) {
            calls.add("disconnect " + venue);
            known(venue);
            return "venue " + venue + ": disconnecting";
        }

        @Override
        public String reconcile(String venue) {
            calls.add("reconcile " + venue);
            known(venue);
            return venue.equals("XNAS") ? "venue XNAS: reconciliation ok: 3 order(s) checked, 0 missed fill(s)"
                    + " applied, 0 order(s) finished"
                    : "venue ALPACA: reconciliation FAILED: the venue cannot answer an order status request (DOWN);"
                    + " trading halted";
        }

        private void known(String venue) {
            if (!venue.equals("XNAS") && !venue.equals("ALPACA")) {
                throw new IllegalArgumentException("no venue " + venue + " (nautilus:venues lists them)");
            }
        }
    };
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private <C extends VenueCommand> C wired(C command) {
        command.venueAdmin = venues;
        return command;
    }

    private String run(org.apache.karaf.shell.api.action.Action command) throws Exception {
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsVenuesWithSessionCountersAndReconciliation() throws Exception {
        VenuesCommand command = wired(new VenuesCommand());
        command.scores = Optional::empty;

        String out = run(command);

        assertThat(out).contains("VENUE", "STATE", "SEQ OUT", "SEQ IN", "ORDERS", "SENT", "APPLIED", "REFUSED",
                "DUP FILLS", "RECONCILIATION", "FAILURES", "FAILED CLOSED", "LAST PROBLEM");
        assertThat(out).doesNotContain("SCORE");
        assertThat(out).contains("XNAS", "LOGGED_ON", "fix.example.com:9878", "42", "17", "120", "118", "ok: 3");
        assertThat(out).contains("ALPACA", "DOWN", "HTTP 401 unauthorized", "yes (stopped)");
        String alpacaRow = out.lines().filter(l -> l.contains("ALPACA") && l.contains("DOWN")).findFirst()
                .orElseThrow();
        assertThat(alpacaRow).doesNotContain("-1");
        assertThat(out).contains("venue ALPACA FAILED CLOSED: new orders and replaces for it are refused",
                "nautilus:venue-reconcile ALPACA", "trading resumes when it succeeds");
    }

    @Test
    void showsDuplicateFillsAndFailuresInTheirColumns() throws Exception {
        VenuesCommand command = wired(new VenuesCommand());
        command.scores = Optional::empty;

        List<String> lines = run(command).lines().toList();

        assertThat(cell(lines, "XNAS", "DUP FILLS")).isEqualTo("7");
        assertThat(cell(lines, "XNAS", "FAILURES")).isEqualTo("1");
        assertThat(cell(lines, "XNAS", "FAILED CLOSED")).isEqualTo("no");
        assertThat(cell(lines, "ALPACA", "DUP FILLS")).isEqualTo("0");
        assertThat(cell(lines, "ALPACA", "FAILURES")).isEqualTo("3");
        assertThat(cell(lines, "ALPACA", "RECONCILIATION")).startsWith("FAILED: 1 of 1 order status requests");
    }

    /** The trimmed cell of a venue's row under a header of the printed table. */
    private static String cell(List<String> lines, String venue, String header) {
        List<String> headers = Arrays.stream(lines.get(0).split("\\|")).map(String::trim).toList();
        int column = headers.indexOf(header);
        assertThat(column).as("column " + header + " in " + headers).isNotNegative();
        String row = lines.stream().filter(l -> l.startsWith(venue + " ")).findFirst().orElseThrow();
        return row.split("\\|")[column].trim();
    }

    @Test
    void showsTheRoutersScoresWhenTheRouterRuns() throws Exception {
        VenuesCommand command = wired(new VenuesCommand());
        command.scores = () -> Optional.of(RouterScores.Reader.lines(List.of(
                score("XNAS", ConnectionState.LOGGED_ON, 0.62), score("BATS", null, 0.5))));

        String out = run(command);

        assertThat(out).contains("SCORE", "0.62 (fill 0.90 slip 0.50 lat 0.47)");
        assertThat(out).contains("- (not in the router's registry)"); // ALPACA
        assertThat(out).contains("BATS", "no venue gateway (router registry only)", "0.50 (fill");
        List<String> lines = out.lines().toList();
        assertThat(cell(lines, "BATS", "SCORE")).startsWith("0.50 (fill");
        assertThat(cell(lines, "BATS", "DUP FILLS")).isEqualTo("-");
        assertThat(cell(lines, "BATS", "LAST PROBLEM")).isEqualTo("-");
    }

    @Test
    void seqNumbersOfProtocolsWithoutThemShowAsDash() {
        assertThat(VenueTable.seq(-1)).isEqualTo("-");
        assertThat(VenueTable.seq(0)).isEqualTo("0");
        assertThat(VenueTable.seq(42)).isEqualTo("42");
    }

    @Test
    void noVenuesSaysHowToConfigureOne() throws Exception {
        VenuesCommand command = new VenuesCommand();
        command.venueAdmin = new VenueAdminService() {
            @Override
            public List<VenueStatus> venues() {
                return List.of();
            }

            @Override
            public String connect(String venue) {
                throw new IllegalArgumentException("no venue " + venue);
            }

            @Override
            public String disconnect(String venue) {
                throw new IllegalArgumentException("no venue " + venue);
            }

            @Override
            public String reconcile(String venue) {
                throw new IllegalArgumentException("no venue " + venue);
            }
        };
        command.scores = Optional::empty;

        assertThat(run(command)).contains("no venues (configure a FIX or REST venue gateway in etc/");
    }

    @Test
    void withoutABundleContextThereAreNoScores() {
        assertThat(RouterScores.lookup(null)).isEmpty();
    }

    @Test
    void connectDisconnectAndReconcileCallTheVenueLayer() throws Exception {
        VenueConnectCommand connect = wired(new VenueConnectCommand());
        connect.venue = "XNAS";
        VenueDisconnectCommand disconnect = wired(new VenueDisconnectCommand());
        disconnect.venue = "XNAS";
        VenueReconcileCommand reconcile = wired(new VenueReconcileCommand());
        reconcile.venue = "XNAS";

        String out = run(connect) + run(disconnect) + run(reconcile);

        assertThat(calls).containsExactly("connect XNAS", "disconnect XNAS", "reconcile XNAS");
        assertThat(out).contains("venue XNAS: connecting (reconciliation follows the logon)",
                "venue XNAS: disconnecting", "venue XNAS: reconciliation ok: 3 order(s) checked");
    }

    @Test
    void aFailedReconciliationFailsTheCommand() {
        VenueReconcileCommand reconcile = wired(new VenueReconcileCommand());
        reconcile.venue = "ALPACA";
        assertThatThrownBy(reconcile::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("nautilus: venue ALPACA: reconciliation FAILED: ")
                .hasMessageEndingWith("; trading halted");
    }

    @Test
    void unknownVenuesFailWithOneLine() {
        for (VenueCommand command : List.of(new VenueConnectCommand(), new VenueDisconnectCommand(),
                new VenueReconcileCommand())) {
            wired(command);
            if (command instanceof VenueConnectCommand c) {
                c.venue = "NOPE";
            } else if (command instanceof VenueDisconnectCommand d) {
                d.venue = "NOPE";
            } else if (command instanceof VenueReconcileCommand r) {
                r.venue = "NOPE";
            }
            assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                    .hasMessage("nautilus: no venue NOPE (nautilus:venues lists them)");
        }
    }

    @Test
    void everyVenueCommandFailsWithOneLineWhenTheVenueLayerIsNotRunning() {
        for (VenueCommand command : List.of(new VenuesCommand(), new VenueConnectCommand(),
                new VenueDisconnectCommand(), new VenueReconcileCommand())) {
            assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                    .hasMessage("nautilus: the venue layer is not running");
        }
    }

    @Test
    void theCompleterOffersTheVenueIds() {
        VenueCompleter completer = new VenueCompleter();
        List<String> candidates = new ArrayList<>();
        completer.complete(null, line(""), candidates);
        assertThat(candidates).isEmpty();

        completer.venueAdmin = venues;
        completer.complete(null, line(""), candidates);
        assertThat(candidates).extracting(String::trim).containsExactly("ALPACA", "XNAS");
        candidates.clear();
        completer.complete(null, line("X"), candidates);
        assertThat(candidates).extracting(String::trim).containsExactly("XNAS");
    }

    private static org.apache.karaf.shell.api.console.CommandLine line(String argument) {
        return new org.apache.karaf.shell.api.console.CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return argument;
            }

            @Override
            public int getArgumentPosition() {
                return argument.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"nautilus:venue-connect", argument};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "nautilus:venue-connect " + argument;
            }
        };
    }

    @Test
    void routeExplainPrintsTheExplanationLines() throws Exception {
        RouteExplainCommand command = new RouteExplainCommand();
        command.router = new StubRouter();
        command.parentOrderId = "7";

        String out = run(command);

        assertThat(out).contains("parent 7: BUY 1000 SIM-ACME", "XNAS: 600", "BATS: 400");
    }

    @Test
    void routeExplainFailsWithOneLine() {
        RouteExplainCommand missing = new RouteExplainCommand();
        missing.parentOrderId = "7";
        assertThatThrownBy(missing::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: the smart order router is not running");

        RouteExplainCommand unknown = new RouteExplainCommand();
        unknown.router = new StubRouter();
        unknown.parentOrderId = "8";
        assertThatThrownBy(unknown::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("nautilus: parent order 8 is not tracked by the router");

        RouteExplainCommand notANumber = new RouteExplainCommand();
        notANumber.router = new StubRouter();
        notANumber.parentOrderId = "abc";
        assertThatThrownBy(notANumber::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: 'abc' is not a parent order id (a number)");
    }

    private static VenueScore score(String venue, ConnectionState state, double combined) {
        return new VenueScore(VenueId.of(venue), state, 0.9, 1.0, -1.0, 1125, 3, 4, 5, 0.9, 0.5, 0.47, combined);
    }

    /** A router that knows parent 7 only. */
    private static final class StubRouter implements SmartOrderRouter {

        @Override
        public RoutingDecision route(ParentOrder parent, MarketState market) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void childSent(long childOrderId, long sendTimeNanos) {
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
        }

        @Override
        public void onStateChange(VenueId venue, ConnectionState from, ConnectionState to, String reason) {
        }

        @Override
        public ParentOrderState parentState(long parentOrderId) {
            return null;
        }

        @Override
        public RouteExplanation explanation(long parentOrderId) {
            if (parentOrderId != 7) {
                return null;
            }
            return new RouteExplanation(null, 0, "USD", 2, 0, 1, 100, 10_000, 20.0, "max.child.orders=8",
                    List.of(), List.of(), null, List.of("parent 7: BUY 1000 SIM-ACME limit 100.00",
                    "children: XNAS: 600 @ 100.00, BATS: 400 @ 100.00"));
        }

        @Override
        public String explain(long parentOrderId) {
            RouteExplanation e = explanation(parentOrderId);
            return e == null ? "parent order " + parentOrderId + " is not tracked" : String.join("\n", e.lines());
        }

        @Override
        public List<VenueFeeSchedule> venues() {
            return List.of();
        }

        @Override
        public List<VenueScore> scores() {
            return List.of();
        }

        @Override
        public RoutingCounts routingCounts() {
            return new RoutingCounts(Map.of(), Map.of());
        }

        @Override
        public long nowNanos() {
            return 0;
        }
    }
}
