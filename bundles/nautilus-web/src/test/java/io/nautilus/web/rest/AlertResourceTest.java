package io.nautilus.web.rest;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.api.SilenceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertResourceTest {

    private static final long T0 = 1_765_000_000_000_000_000L;

    /** One open incident A1 ({@code venue-down}, venue=CME); silences kept in a list. */
    static final class Notifications implements NotificationService {
        AlertView incident = new AlertView(1, new Alert("venue-down", Severity.CRITICAL, "venues", "CME is down",
                T0).withLabel(Alert.VENUE, "CME"), AlertState.FIRING, T0, 1, "ops", List.of("ops-email"), 0, "", "",
                0, "", 0, "");
        final List<SilenceView> silences = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public List<AlertView> alerts(boolean includeResolved, int limit) {
            calls.add("alerts " + includeResolved + " " + limit);
            return includeResolved || incident.open() ? List.of(incident) : List.of();
        }

        @Override
        public Optional<AlertView> alert(String idOrKey) {
            return idOrKey.equals("A1") || idOrKey.equals("1") || idOrKey.equals("venue-down") ? Optional.of(incident)
                    : Optional.empty();
        }

        @Override
        public AlertView acknowledge(String idOrKey, String user, String comment) {
            calls.add("ack " + idOrKey + " " + user + " " + comment);
            if (!incident.open()) {
                throw new IllegalArgumentException("no open alert " + idOrKey);
            }
            incident = new AlertView(1, incident.alert(), AlertState.ACKNOWLEDGED, T0, 1, "ops", List.of("ops-email"),
                    0, "", user, T0 + 1, "", 0, comment);
            return incident;
        }

        @Override
        public AlertView resolve(String idOrKey, String user, String comment) {
            calls.add("resolve " + idOrKey + " " + user);
            incident = new AlertView(1, incident.alert(), AlertState.RESOLVED, T0, 1, "ops", List.of("ops-email"), 0,
                    "", incident.acknowledgedBy(), incident.acknowledgedNanos(), user, T0 + 2, comment);
            return incident;
        }

        @Override
        public SilenceView silence(List<LabelMatcher> matchers, Duration duration, String user, String comment) {
            SilenceView silence = new SilenceView("S" + (silences.size() + 1), matchers, T0,
                    T0 + duration.toNanos(), user, comment, true);
            silences.add(silence);
            return silence;
        }

        @Override
        public List<SilenceView> silences() {
            return List.copyOf(silences);
        }

        @Override
        public SilenceView expireSilence(String id, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeliveryView test(String receiver, String user, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ReceiverView> receivers() {
            return List.of();
        }

        @Override
        public List<DeliveryView> deliveries(String idOrKey, int limit) {
            return List.of();
        }

        @Override
        public List<DeliveryView> deadLetters() {
            return List.of();
        }

        @Override
        public NotifyStatus status() {
            throw new UnsupportedOperationException();
        }
    }

    private final Notifications notifications = new Notifications();
    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().mount(new AlertResource());
        rest.context.with(NotificationService.class, notifications);
        rest.start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void listsOpenIncidentsWithDisplayIdsAndNanosecondTimes() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/alerts", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get(0).path("id").asText()).isEqualTo("A1");
        assertThat(answer.json().get(0).path("labels").path("venue").asText()).isEqualTo("CME");
        assertThat(answer.json().get(0).path("first").asText()).matches(".*T.*\\.[0-9]{9}Z");
        assertThat(notifications.calls).containsExactly("alerts false 50");
    }

    @Test
    void outOfRangeLimitIsABadRequest() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/alerts?limit=0", "viewer");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).isEqualTo("limit '0' is not a whole number from 1 to 10000");
        assertThat(notifications.calls).isEmpty();
    }

    @Test
    void traderAcknowledgesAsTheRequestsUser() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/alerts/A1/ack", "trader",
                "{\"comment\": \"looking\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(answer.json().path("acknowledgedBy").asText()).isEqualTo("trader");
        assertThat(notifications.calls).containsExactly("ack A1 trader looking");
        assertThat(rest.context.audit).hasSize(1);
    }

    @Test
    void ackWithoutABodyHasNoComment() throws Exception {
        assertThat(rest.send("POST", "/api/v1/alerts/venue-down/ack", "trader", null).status()).isEqualTo(200);
        assertThat(notifications.calls).containsExactly("ack venue-down trader ");
    }

    @Test
    void traderMayNotResolveAndNothingChanges() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/alerts/A1/resolve", "trader", "{}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(notifications.incident.state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void unknownIncidentIs404() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/alerts/A99/ack", "trader", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.detail()).startsWith("no alert A99");
    }

    @Test
    void adminSilencesForADuration() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/silences", "admin",
                "{\"matchers\": [\"venue=CME\"], \"duration\": \"2h\", \"comment\": \"maintenance\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("id").asText()).isEqualTo("S1");
        assertThat(answer.json().path("matchers").get(0).asText()).isEqualTo("venue=CME");
        assertThat(rest.get("/api/v1/silences", "viewer").json()).hasSize(1);
    }

    @Test
    void outOfRangeOrMalformedSilencesAreRefusedAndNoneIsCreated() throws Exception {
        String[] bodies = {"{\"matchers\": [\"venue=CME\"], \"duration\": \"400d\"}",
            "{\"matchers\": [\"venue=CME\"], \"duration\": \"0m\"}",
            "{\"matchers\": [\"venue=CME\"], \"duration\": \"two hours\"}",
            "{\"matchers\": [], \"duration\": \"2h\"}",
            "{\"matchers\": [\"venue\"], \"duration\": \"2h\"}",
            "{\"matchers\": \"venue=CME\", \"duration\": \"2h\"}",
            "{\"matchers\": [\"venue=CME\"]}",
            "[1, 2]",
            "not json"};
        for (String body : bodies) {
            RestHarness.Answer answer = rest.send("POST", "/api/v1/silences", "admin", body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.type()).as(body).startsWith("application/problem+json");
        }
        assertThat(notifications.silences).isEmpty();
    }
}
