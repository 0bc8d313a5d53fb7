package io.nautilus.web.rest;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.Side;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.api.PositionSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryResourceTest {

    private static final Instrument ACME_V1 = new Instrument(InstrumentId.of("SIM-ACME"), "ACME", VenueId.of("SIM"),
            1, 1, 1, 2, 0, "USD");
    private static final Instrument ACME_V2 = new Instrument(InstrumentId.of("SIM-ACME"), "ACME", VenueId.of("SIM"),
            5, 1, 1, 2, 0, "USD");

    /** Answers fills (one, or a failure when {@link #down}) and records the queries it got. */
    static final class Store implements HistoryService {
        final List<String> queries = new ArrayList<>();
        boolean down;

        @Override
        public List<FillEvent> fills(HistoryQuery query) {
            queries.add("fills " + query);
            if (down) {
                throw new HistoryUnavailableException("connection refused", null);
            }
            return List.of(new FillEvent(7, 70, 3, 30, AccountId.of("desk-1"), StrategyId.of("mm-1"),
                    InstrumentId.of("SIM-ACME"), Side.BUY, 10050, 5, 2, 0, Liquidity.NONE, VenueId.of("SIM"),
                    Instant.parse("2026-12-06T09:30:00.000000001Z"), FixedPoint.NULL));
        }

        @Override
        public List<OrderEvent> orders(HistoryQuery query) {
            queries.add("orders " + query);
            return List.of();
        }

        @Override
        public List<PositionSnapshot> positions(HistoryQuery query) {
            queries.add("positions " + query);
            return List.of();
        }

        @Override
        public List<BarRecord> bars(HistoryQuery query) {
            queries.add("bars " + query);
            return List.of();
        }

        @Override
        public List<AlertRecord> alerts(HistoryQuery query) {
            queries.add("alerts " + query);
            return List.of();
        }

        @Override
        public List<NotificationRecord> notifications(HistoryQuery query) {
            queries.add("notifications " + query);
            return List.of();
        }

        @Override
        public List<InstrumentRecord> instruments() {
            queries.add("instruments");
            return List.of(new InstrumentRecord(1, Instant.parse("2026-12-01T08:00:00Z"), ACME_V1),
                    new InstrumentRecord(2, Instant.parse("2026-12-01T08:00:01Z"), new Instrument(
                            InstrumentId.of("SIM-BETA"), "BETA", VenueId.of("SIM"), 1, 1, 1, 2, 0, "USD")),
                    new InstrumentRecord(9, Instant.parse("2026-12-05T08:00:00Z"), ACME_V2));
        }

        @Override
        public List<AccountRecord> accounts() {
            queries.add("accounts");
            return List.of(new AccountRecord(3, Instant.parse("2026-12-01T08:00:02Z"), AccountId.of("desk-1"),
                    "cancel-resting", 100_000_000L, 2));
        }

        @Override
        public List<BacktestRun> backtestRuns(HistoryQuery query) {
            queries.add("backtests " + query);
            return List.of(new BacktestRun("bt-20261206-0001", "smacross", Map.of("fast", "5"),
                    Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                    Instant.parse("2026-12-06T09:00:00Z"), null, "RUNNING", Map.of()));
        }

        @Override
        public boolean recordAlert(Alert alert) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean recordNotification(NotificationRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordBacktestRun(BacktestRun run) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HistoryStatus status() {
            queries.add("status");
            return new HistoryStatus("RUNNING", "H2 data/nautilus/history", 3, 120, 118, 2, 5, 0, 2, 4711, 0, 0, 1,
                    "timeout", Instant.parse("2026-12-06T09:00:00.5Z"));
        }
    }

    private final Store store = new Store();
    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().mount(new HistoryResource());
        rest.context.with(HistoryService.class, store);
        rest.start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void fillsWithFiltersAsTheShellTakesThem() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/fills?account=desk-1&instrument=SIM-ACME"
                + "&from=2026-12-06&to=2026-12-07T00:00:00Z&limit=10", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(store.queries).containsExactly("fills " + new HistoryQuery(AccountId.of("desk-1"),
                InstrumentId.of("SIM-ACME"), Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"), 10));
        assertThat(answer.json().get(0).path("price").asText()).isEqualTo("100.50");
        assertThat(answer.json().get(0).path("quantity").asText()).isEqualTo("5");
        assertThat(answer.json().get(0).path("time").asText()).isEqualTo("2026-12-06T09:30:00.000000001Z");
        assertThat(answer.json().get(0).path("fee").isNull()).isTrue();
    }

    @Test
    void malformedAndOutOfRangeFiltersAreBadRequestsAndQueryNothing() throws Exception {
        String[] queries = {"limit=0", "limit=1000001", "limit=ten", "from=yesterday", "to=2026-13-01",
            "from=2026-12-07&to=2026-12-06", "account=" + "x".repeat(65), "instrument=%20bad%20id%20"};
        for (String query : queries) {
            RestHarness.Answer answer = rest.get("/api/v1/history/fills?" + query, "viewer");

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.detail()).as(query).isNotBlank();
        }
        assertThat(store.queries).isEmpty();
    }

    @Test
    void aFilterThatDoesNotApplyIsRefusedAsTheShellDoes() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/alerts?account=desk-1", "viewer");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).isEqualTo("account does not apply to history alerts");
    }

    @Test
    void unknownKindIs404() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/trades", "viewer");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.detail()).contains("orders, fills, positions, bars, alerts, notifications");
    }

    @Test
    void aStoreThatCannotAnswerIs503WithItsReason() throws Exception {
        store.down = true;

        RestHarness.Answer answer = rest.get("/api/v1/history/fills", "viewer");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.detail()).isEqualTo("the history store cannot answer: connection refused");
    }

    @Test
    void anonymousIs401() throws Exception {
        assertThat(rest.get("/api/v1/history/fills", null).status()).isEqualTo(401);
        assertThat(store.queries).isEmpty();
    }

    @Test
    void instrumentDefinitionsOldestFirstFilteredAsTheShellDoes() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/instruments?instrument=SIM-ACME&from=2026-12-01",
                "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).hasSize(2);
        assertThat(answer.json().get(0).path("coreSeq").asLong()).isEqualTo(1);
        assertThat(answer.json().get(0).path("definedAt").asText()).isEqualTo("2026-12-01T08:00:00.000000000Z");
        assertThat(answer.json().get(0).path("instrument").path("tickSize").asText()).isEqualTo("0.01");
        assertThat(answer.json().get(1).path("instrument").path("tickSize").asText()).isEqualTo("0.05");
        assertThat(rest.get("/api/v1/history/instruments?limit=1", "viewer").json()).hasSize(1);
        assertThat(rest.get("/api/v1/history/instruments?to=2026-12-01T08:00:01Z", "viewer").json()).hasSize(1);
    }

    @Test
    void accountDefinitionsWithTheirCapitalAtItsScale() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/accounts?account=desk-1", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get(0).path("account").asText()).isEqualTo("desk-1");
        assertThat(answer.json().get(0).path("capital").asText()).isEqualTo("1000000.00");
        assertThat(rest.get("/api/v1/history/accounts?account=desk-2", "viewer").json()).isEmpty();
    }

    @Test
    void backtestRunsWithTheQuery() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/backtests?from=2026-12-06&limit=5", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(store.queries).containsExactly("backtests " + new HistoryQuery(null, null,
                Instant.parse("2026-12-06T00:00:00Z"), null, 5));
        assertThat(answer.json().get(0).path("id").asText()).isEqualTo("bt-20261206-0001");
        assertThat(answer.json().get(0).path("parameters").path("fast").asText()).isEqualTo("5");
        assertThat(answer.json().get(0).path("finished").isNull()).isTrue();
    }

    @Test
    void storeStatus() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/history/status", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(answer.json().path("lagSeq").asLong()).isEqualTo(2);
        assertThat(answer.json().path("lastErrorAt").asText()).isEqualTo("2026-12-06T09:00:00.500000000Z");
    }

    @Test
    void filtersTheNewKindsDoNotTakeAreRefusedAndQueryNothing() throws Exception {
        String[] requests = {"status?limit=5", "status?from=2026-12-06", "status?account=desk-1",
            "instruments?account=desk-1", "accounts?instrument=SIM-ACME", "backtests?account=desk-1",
            "backtests?instrument=SIM-ACME", "instruments?limit=0"};
        for (String request : requests) {
            RestHarness.Answer answer = rest.get("/api/v1/history/" + request, "viewer");

            assertThat(answer.status()).as(request).isEqualTo(400);
            assertThat(answer.type()).as(request).startsWith("application/problem+json");
        }
        assertThat(rest.get("/api/v1/history/status?limit=5", "viewer").detail())
                .isEqualTo("limit does not apply to history status");
        assertThat(store.queries).isEmpty();
    }
}
