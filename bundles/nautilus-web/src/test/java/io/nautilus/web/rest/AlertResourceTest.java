package io.nautilus.web.rest;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.Notification;
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
    private static final DeliveryView DELIVERY = new DeliveryView(1, List.of(1L), "ops-email", "email",
            Notification.Kind.FIRING, 1, DeliveryResult.Outcome.DELIVERED, "250 OK", T0 + 1, 1_200_000, false);

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
            calls.add("expire " + id + " " + user);
            for (int i = 0; i < silences.size(); i++) {
                SilenceView s = silences.get(i);
                if (s.id().equals(id) && s.active()) {
                    SilenceView ended = new SilenceView(s.id(), s.matchers(), s.startsNanos(), T0 + 5, s.createdBy(),
                            s.comment(), false);
                    silences.set(i, ended);
                    return ended;
                }
            }
            throw new IllegalArgumentException("no active silence " + id);
        }

        @Override
        public DeliveryView test(String receiver, String user, Duration timeout) {
            calls.add("test " + receiver + " " + user + " " + timeout);
            boolean ok = receiver.equals("ops-email");
            return new DeliveryView(9, List.of(), receiver, ok ? "email" : "webhook", Notification.Kind.TEST, 1,
                    ok ? DeliveryResult.Outcome.DELIVERED : DeliveryResult.Outcome.PERMANENT_FAILURE,
                    ok ? "250 OK" : "HTTP 404", T0 + 9, 2_500_000, false);
        }

        @Override
        public List<ReceiverView> receivers() {
            return List.of(new ReceiverView("ops-email", "email", "ops@example.com", true, 3, 1, 0, 0, 0, ""),
                    new ReceiverView("ops-hook", "webhook", "", false, 0, 2, 1, 0, 0, "HTTP 404"));
        }

        @Override
        public List<DeliveryView> deliveries(String idOrKey, int limit) {
            calls.add("deliveries " + idOrKey + " " + limit);
            return List.of(DELIVERY);
        }

        @Override
        public List<DeliveryView> deadLetters() {
            return List.of(new DeliveryView(2, List.of(1L), "ops-hook", "webhook", Notification.Kind.FIRING, 3,
                    DeliveryResult.Outcome.PERMANENT_FAILURE, "HTTP 404", T0 + 3, 0, true));
        }

        @Override
        public NotifyStatus status() {
            return new NotifyStatus(5, 1, 0, 0, 0, 1, 4, 0, 1, "", List.of());
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

    @Test
    void adminExpiresASilenceAsTheRequestsUser() throws Exception {
        rest.send("POST", "/api/v1/silences", "admin", "{\"matchers\": [\"venue=CME\"], \"duration\": \"2h\"}");

        RestHarness.Answer answer = rest.send("POST", "/api/v1/silences/S1/expire", "admin", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("active").asBoolean()).isFalse();
        assertThat(notifications.calls).containsExactly("expire S1 admin");
        assertThat(rest.context.audit).hasSize(2);
    }

    @Test
    void expiringIsForAdminsAndAnUnknownOrEndedSilenceIsRefused() throws Exception {
        rest.send("POST", "/api/v1/silences", "admin", "{\"matchers\": [\"venue=CME\"], \"duration\": \"2h\"}");

        assertThat(rest.send("POST", "/api/v1/silences/S1/expire", "trader", null).status()).isEqualTo(403);
        RestHarness.Answer unknown = rest.send("POST", "/api/v1/silences/S9/expire", "admin", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("no silence S9 (GET /api/v1/silences lists them)");
        assertThat(notifications.calls).isEmpty();
        assertThat(notifications.silences.get(0).active()).isTrue();

        rest.send("POST", "/api/v1/silences/S1/expire", "admin", null);
        RestHarness.Answer again = rest.send("POST", "/api/v1/silences/S1/expire", "admin", null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.detail()).isEqualTo("no active silence S1");
    }

    @Test
    void adminTestsAReceiver() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/alerts/test", "admin",
                "{\"receiver\": \"ops-email\", \"timeout\": \"30s\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(answer.json().path("latencyMicros").asLong()).isEqualTo(2_500);
        assertThat(notifications.calls).containsExactly("test ops-email admin PT30S");
        assertThat(rest.context.audit).hasSize(1);
    }

    @Test
    void aTestThatIsNotDeliveredIs502WithTheShellsLine() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/alerts/test", "admin", "{\"receiver\": \"ops-hook\"}");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.detail()).isEqualTo("test to ops-hook (webhook): PERMANENT_FAILURE: HTTP 404");
        assertThat(notifications.calls).containsExactly("test ops-hook admin PT10S");
    }

    @Test
    void badTestsAreRefusedAndSendNothing() throws Exception {
        assertThat(rest.send("POST", "/api/v1/alerts/test", "trader", "{\"receiver\": \"ops-email\"}").status())
                .isEqualTo(403);
        String[] bodies = {"{}", "{\"receiver\": 5}", "{\"receiver\": \"ops-email\", \"timeout\": \"3m\"}",
            "{\"receiver\": \"ops-email\", \"timeout\": \"0s\"}",
            "{\"receiver\": \"ops-email\", \"timeout\": \"soon\"}", "not json"};
        for (String body : bodies) {
            RestHarness.Answer answer = rest.send("POST", "/api/v1/alerts/test", "admin", body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.type()).as(body).startsWith("application/problem+json");
        }
        RestHarness.Answer unknown = rest.send("POST", "/api/v1/alerts/test", "admin", "{\"receiver\": \"pager\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("no receiver pager (GET /api/v1/alerts/receivers lists them)");
        assertThat(notifications.calls).isEmpty();
        assertThat(rest.context.audit).isEmpty();
    }

    @Test
    void receiversDeliveriesDeadLettersAndStatusForViewers() throws Exception {
        RestHarness.Answer receivers = rest.get("/api/v1/alerts/receivers", "viewer");
        assertThat(receivers.status()).isEqualTo(200);
        assertThat(receivers.json().get(1).path("address").isNull()).isTrue();
        assertThat(receivers.json().get(1).path("lastError").asText()).isEqualTo("HTTP 404");

        RestHarness.Answer deliveries = rest.get("/api/v1/alerts/deliveries?alert=A1&limit=5", "viewer");
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().get(0).path("alerts").get(0).asText()).isEqualTo("A1");
        assertThat(deliveries.json().get(0).path("time").asText()).matches(".*T.*\\.[0-9]{9}Z");
        assertThat(notifications.calls).containsExactly("deliveries A1 5");

        RestHarness.Answer dead = rest.get("/api/v1/alerts/dead-letters", "viewer");
        assertThat(dead.json().get(0).path("deadLetter").asBoolean()).isTrue();
        assertThat(rest.get("/api/v1/alerts/status", "viewer").json().path("deadLetters").asLong()).isEqualTo(1);
    }

    @Test
    void deliveriesOfAnUnknownIncidentOrOutOfRangeAreRefused() throws Exception {
        RestHarness.Answer unknown = rest.get("/api/v1/alerts/deliveries?alert=A99", "viewer");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).startsWith("no alert A99");
        assertThat(rest.get("/api/v1/alerts/deliveries?limit=0", "viewer").status()).isEqualTo(400);
        assertThat(notifications.calls).isEmpty();
    }

    @Test
    void oneIncidentWithItsLastDeliveries() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/alerts/venue-down", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("id").asText()).isEqualTo("A1");
        assertThat(answer.json().path("deliveries").get(0).path("receiver").asText()).isEqualTo("ops-email");
        assertThat(notifications.calls).containsExactly("deliveries A1 10");
        assertThat(rest.get("/api/v1/alerts/A99", "viewer").status()).isEqualTo(404);
        assertThat(rest.get("/api/v1/alerts/status", "viewer").json().has("raised")).isTrue();
    }
}
