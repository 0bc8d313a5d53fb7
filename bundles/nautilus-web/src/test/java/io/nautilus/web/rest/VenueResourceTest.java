package io.nautilus.web.rest;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.CostBreakdown;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VenueResourceTest {

    private static final long T0 = 1_765_000_000_000_000_000L;

    /** Two venues, SIM logged on and CME down; records what it was asked to do. */
    static final class Venues implements VenueAdminService {
        final List<String> calls = new ArrayList<>();
        String reconcileOutcome = "OK: 2 orders checked";

        @Override
        public List<VenueStatus> venues() {
            return List.of(status("CME", ConnectionState.DOWN), status("SIM", ConnectionState.LOGGED_ON));
        }

        private static VenueStatus status(String venue, ConnectionState state) {
            return new VenueStatus(new VenueSessionInfo(VenueId.of(venue), state, "", 5, 7, 1_765_000_000_000L, ""),
                    1, 10, 9, 0, "never", false, 0, 0);
        }

        @Override
        public String connect(String venue) {
            calls.add("connect " + venue);
            return "venue " + venue + ": logon requested";
        }

        @Override
        public String disconnect(String venue) {
            calls.add("disconnect " + venue);
            return "venue " + venue + ": logout requested";
        }

        @Override
        public String reconcile(String venue) {
            calls.add("reconcile " + venue);
            return reconcileOutcome;
        }
    }

    /** Scores SIM only; explains parent order 42. */
    static final class Router implements SmartOrderRouter {

        @Override
        public RoutingCounts routingCounts() {
            return new RoutingCounts(Map.of(), Map.of());
        }

        @Override
        public List<VenueScore> scores() {
            return List.of(new VenueScore(VenueId.of("SIM"), ConnectionState.LOGGED_ON, 0.9, 1.5, -0.5, 120, 10, 8,
                    12, 0.9, 0.55, 0.4567891, 0.62));
        }

        @Override
        public RouteExplanation explanation(long parentOrderId) {
            if (parentOrderId != 42) {
                return null;
            }
            ParentOrder parent = new ParentOrder(42, InstrumentId.of("SIM-ACME"), Side.BUY, 500, 10_100,
                    ExecutionStyle.MARKETABLE, 10_050, RemainderPolicy.UNALLOCATED);
            ChildOrder child = new ChildOrder(4201, 42, VenueId.of("SIM"), Side.BUY, 300, 10_060,
                    ExecutionStyle.MARKETABLE, false, 1, CostBreakdown.ZERO);
            RoutingDecision decision = new RoutingDecision(42, T0, 10_050, List.of(child), 300, 200,
                    "1 child, 200 unallocated");
            return new RouteExplanation(parent, T0, "USD", 2, 1, 1, 1, 10_050, 0, "defaults", List.of(), List.of(),
                    decision, List.of("parent 42 BUY 50.0 SIM-ACME", "child 4201 SIM 30.0 @ 100.60"));
        }

        @Override
        public RoutingDecision route(ParentOrder parent, MarketState market) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void childSent(long childOrderId, long sendTimeNanos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onStateChange(VenueId venue, ConnectionState from, ConnectionState to, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ParentOrderState parentState(long parentOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String explain(long parentOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VenueFeeSchedule> venues() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nowNanos() {
            return T0;
        }
    }

    private final Venues venues = new Venues();
    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().mount(new VenueResource());
        rest.context.with(VenueAdminService.class, venues);
        rest.start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void venuesWithoutTheRouterHaveNoScore() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/venues", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).hasSize(2);
        assertThat(answer.json().get(1).path("state").asText()).isEqualTo("LOGGED_ON");
        assertThat(answer.json().get(1).path("lastStateChange").asText()).isEqualTo("2025-12-06T05:46:40.000000000Z");
        assertThat(answer.json().get(1).has("score")).isTrue();
        assertThat(answer.json().get(1).path("score").isNull()).isTrue();
    }

    @Test
    void withTheRouterEachScoredVenueHasItsScore() throws Exception {
        rest.context.with(SmartOrderRouter.class, new Router());

        RestHarness.Answer answer = rest.get("/api/v1/venues", "viewer");
        RestHarness.Answer one = rest.get("/api/v1/venues/SIM", "viewer");

        assertThat(answer.json().get(0).path("score").isNull()).as("CME is not scored").isTrue();
        assertThat(answer.json().get(1).path("score").path("combined").asDouble()).isEqualTo(0.62);
        assertThat(answer.json().get(1).path("score").path("latency").asDouble()).isEqualTo(0.4568);
        assertThat(answer.json().get(1).path("score").path("routerState").asText()).isEqualTo("LOGGED_ON");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("venue").asText()).isEqualTo("SIM");
        assertThat(one.json().path("score").path("fillRate").asDouble()).isEqualTo(0.9);
    }

    @Test
    void unknownVenueIs404() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/venues/NYSE", "viewer");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.detail()).isEqualTo("no venue NYSE (GET /api/v1/venues lists them)");
    }

    @Test
    void adminConnectsDisconnectsAndReconciles() throws Exception {
        RestHarness.Answer connect = rest.send("POST", "/api/v1/venues/CME/connect", "admin", null);
        RestHarness.Answer disconnect = rest.send("POST", "/api/v1/venues/SIM/disconnect", "admin", null);
        RestHarness.Answer reconcile = rest.send("POST", "/api/v1/venues/SIM/reconcile", "admin", null);

        assertThat(connect.status()).isEqualTo(200);
        assertThat(connect.json().path("outcome").asText()).isEqualTo("venue CME: logon requested");
        assertThat(disconnect.json().path("outcome").asText()).isEqualTo("venue SIM: logout requested");
        assertThat(reconcile.json().path("outcome").asText()).isEqualTo("venue SIM: reconciliation OK: 2 orders"
                + " checked");
        assertThat(venues.calls).containsExactly("connect CME", "disconnect SIM", "reconcile SIM");
        assertThat(rest.context.audit).hasSize(3);
    }

    @Test
    void aFailedReconciliationIs422WithItsOutcome() throws Exception {
        venues.reconcileOutcome = "venue SIM: reconciliation FAILED: no answer to 2 status requests; failed closed";

        RestHarness.Answer answer = rest.send("POST", "/api/v1/venues/SIM/reconcile", "admin", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.detail()).isEqualTo(venues.reconcileOutcome);
    }

    @Test
    void onlyAdminsChangeVenuesAndAnUnknownOneIsNotTouched() throws Exception {
        for (String action : List.of("connect", "disconnect", "reconcile")) {
            assertThat(rest.send("POST", "/api/v1/venues/SIM/" + action, "trader", null).status()).as(action)
                    .isEqualTo(403);
            assertThat(rest.send("POST", "/api/v1/venues/NYSE/" + action, "admin", null).status()).as(action)
                    .isEqualTo(404);
        }
        assertThat(venues.calls).isEmpty();
        assertThat(rest.context.audit).isEmpty();
    }

    @Test
    void routeExplanationOfAParentOrder() throws Exception {
        rest.context.with(SmartOrderRouter.class, new Router());

        RestHarness.Answer answer = rest.get("/api/v1/routes/42", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("quantity").asText()).isEqualTo("50.0");
        assertThat(answer.json().path("unallocatedQuantity").asText()).isEqualTo("20.0");
        assertThat(answer.json().path("children").get(0).path("limitPrice").asText()).isEqualTo("100.60");
        assertThat(answer.json().path("lines")).hasSize(2);
    }

    @Test
    void routeExplanationRefusesWhatTheShellRefuses() throws Exception {
        RestHarness.Answer noRouter = rest.get("/api/v1/routes/42", "viewer");
        assertThat(noRouter.status()).isEqualTo(503);
        assertThat(noRouter.detail()).isEqualTo("the smart order router is not running");

        rest.context.with(SmartOrderRouter.class, new Router());
        RestHarness.Answer notANumber = rest.get("/api/v1/routes/abc", "viewer");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.detail()).isEqualTo("'abc' is not a parent order id (a number)");
        RestHarness.Answer unknown = rest.get("/api/v1/routes/7", "viewer");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).startsWith("parent order 7 is not tracked by the router");
    }
}
