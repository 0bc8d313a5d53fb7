package io.nautilus.notify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.engine.Outgoing;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static io.nautilus.notify.delivery.TestAlerts.FAST_RETRY;
import static io.nautilus.notify.delivery.TestAlerts.firing;
import static io.nautilus.notify.delivery.TestAlerts.incident;
import static io.nautilus.notify.delivery.TestAlerts.receiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped channel routes (camel-routes/notify-*.yaml and the examples) in a real CamelContext, loaded by the YAML
 * DSL as the platform loads route files, delivering to a real SMTP server (GreenMail) and a real HTTP receiver (the
 * JDK's) on 127.0.0.1 that checks the signature and the basic authentication.
 */
class ChannelRoutesTest {

    private static final Path ROUTES = Path.of("../../camel-routes");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMTP_PASSWORD = "smtp-pw-4711";
    private static final String WEBHOOK_SECRET = "hook-secret-0815";
    private static final String SMS_TOKEN = "sms-token-1234";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("nautilus", SMTP_PASSWORD))
            .withPerMethodLifecycle(true);

    private final CamelChannelTransport transport = new CamelChannelTransport();
    private final List<DeliveryView> attempts = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(500);
    private final Deliveries deliveries = new Deliveries(transport, (outgoing, attempt) -> attempts.add(attempt),
            ids::incrementAndGet);
    private final List<HttpReceiver> receivers = new ArrayList<>();
    private CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        transport.bindCamelContext(context);
        context.start();
    }

    @AfterEach
    void stopAll() {
        receivers.forEach(HttpReceiver::close);
        deliveries.close();
        transport.close();
        context.stop();
    }

    private void load(String file) throws Exception {
        Resource resource = ResourceHelper.fromString(Path.of(file).getFileName().toString(),
                Files.readString(ROUTES.resolve(file)));
        List<String> before = context.getRoutes().stream().map(r -> r.getRouteId()).toList();
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        context.getRoutes().stream().map(r -> r.getRouteId()).filter(id -> !before.contains(id)).forEach(id ->
                assertThat(context.getRouteController().getRouteStatus(id)).as(id).isEqualTo(ServiceStatus.Started));
    }

    private HttpReceiver http(String secret, String username, String password) throws Exception {
        HttpReceiver receiver = new HttpReceiver(secret, username, password).start();
        receivers.add(receiver);
        return receiver;
    }

    private String smtpUrl(String to) {
        return "smtp://127.0.0.1:" + MAIL.getSmtp().getPort() + "?to=" + to + "&from=nautilus@example.com";
    }

    private ReceiverConfig email(String name, String to) {
        return receiver(name, "email", smtpUrl(to), Map.of("username", "nautilus"), Map.of("password", SMTP_PASSWORD),
                FAST_RETRY);
    }

    private List<DeliveryView> attemptsOf(String receiver) {
        return attempts.stream().filter(a -> a.receiver().equals(receiver)).toList();
    }

    @Test
    void emailArrivesAtTheSmtpServerWithSubjectBodyAndIdempotencyKey() throws Exception {
        load("notify-email.yaml");
        deliveries.configure(List.of(email("ops-email", "ops@example.com")));

        deliveries.dispatch(firing(41, "ops-email", incident(7, "risk-limit:acc-1", Severity.CRITICAL,
                "account acc-1 breached its position limit: 1 250 000 € > 1 000 000 € (Überschreitung)")));

        await().atMost(WAIT).until(() -> MAIL.getReceivedMessages().length == 1);
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[FIRING] CRITICAL risk-limit:acc-1");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("nautilus@example.com");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("A7 CRITICAL risk-limit:acc-1")
                .contains("account acc-1 breached its position limit: 1 250 000 € > 1 000 000 € (Überschreitung)")
                .contains("nautilus:alerts ack A7");
        assertThat(mail.getHeader("X-Nautilus-Notification-Id")).containsExactly("41");
        List<String> headers = new ArrayList<>();
        for (Header header : Collections.list(mail.getAllHeaders())) {
            headers.add(header.getName() + ": " + header.getValue());
        }
        assertThat(headers).noneMatch(h -> h.startsWith("Nautilus") || h.startsWith("contentType")).noneMatch(h -> h.contains(SMTP_PASSWORD));
        await().atMost(WAIT).until(() -> attemptsOf("ops-email").size() == 1);
        assertThat(attemptsOf("ops-email").get(0).outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    }

    @Test
    void badAddressIsAPermanentFailureAndADeadLetter() throws Exception {
        load("notify-email.yaml");
        deliveries.configure(List.of(email("bad-email", "not an address@@example")));

        deliveries.dispatch(firing(42, "bad-email", incident(8, "venue-down:CME", Severity.CRITICAL, "down")));

        await().atMost(WAIT).until(() -> !deliveries.deadLetters().isEmpty());
        DeliveryView dead = deliveries.deadLetters().get(0);
        assertThat(dead.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
        assertThat(dead.attempt()).isEqualTo(1);
        assertThat(dead.detail()).contains("AddressException").doesNotContain(SMTP_PASSWORD);
        assertThat(attemptsOf("bad-email")).hasSize(1);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusedSmtpCredentialsAreAPermanentFailureAndThePasswordIsNotShown() throws Exception {
        load("notify-email.yaml");
        String wrong = "wrong-pw-9999";
        deliveries.configure(List.of(receiver("ops-email", "email", smtpUrl("ops@example.com"),
                Map.of("username", "nautilus"), Map.of("password", wrong), FAST_RETRY)));

        deliveries.dispatch(firing(43, "ops-email", incident(8, "k", Severity.CRITICAL, "x")));

        await().atMost(WAIT).until(() -> !deliveries.deadLetters().isEmpty());
        DeliveryView dead = deliveries.deadLetters().get(0);
        assertThat(dead.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
        assertThat(dead.detail()).contains("AuthenticationFailedException").doesNotContain(wrong);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void webhookDownForAWhileThenBackGetsEachMessageOnceInOrderSigned() throws Exception {
        load("notify-webhook.yaml");
        HttpReceiver hook = http(WEBHOOK_SECRET, null, null);
        deliveries.configure(List.of(receiver("hooks", "webhook", hook.url("/hooks/nautilus"), Map.of(),
                Map.of("secret", WEBHOOK_SECRET), FAST_RETRY)));
        hook.status(503);

        for (long id = 1; id <= 3; id++) {
            deliveries.dispatch(firing(id, "hooks", incident(id, "k" + id, Severity.CRITICAL, "Überschreitung € " + id)));
        }
        await().atMost(WAIT).until(() -> attemptsOf("hooks").stream()
                .filter(a -> a.detail().startsWith("HTTP 503")).count() >= 2);
        hook.stop();
        long failedBefore = attemptsOf("hooks").size();
        await().atMost(WAIT).until(() -> attemptsOf("hooks").size() >= failedBefore + 2);
        for (long id = 4; id <= 5; id++) {
            deliveries.dispatch(firing(id, "hooks", incident(id, "k" + id, Severity.CRITICAL, "Überschreitung € " + id)));
        }
        hook.status(200);
        hook.start();

        await().atMost(WAIT).until(() -> hook.accepted.size() == 5 && attemptsOf("hooks").stream()
                .filter(a -> a.outcome() == DeliveryResult.Outcome.DELIVERED).count() == 5);
        assertThat(hook.accepted).extracting(r -> r.header("X-Nautilus-Notification-Id"))
                .containsExactly("1", "2", "3", "4", "5");
        for (HttpReceiver.Request request : hook.accepted) {
            JsonNode json = JSON.readTree(request.body());
            assertThat(json.get("id").asText()).isEqualTo(request.header("X-Nautilus-Notification-Id"));
            assertThat(json.get("alerts").get(0).get("labels").get("venue").asText()).isEqualTo("CME");
            assertThat(json.get("alerts").get(0).get("text").asText()).isEqualTo("Überschreitung € " + json.get("id"));
            assertThat(request.header("X-Nautilus-Signature")).isEqualTo("sha256="
                    + HttpReceiver.hmac(WEBHOOK_SECRET, request.body()));
            assertThat(request.path()).isEqualTo("/hooks/nautilus");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.headers().keySet()).noneMatch(h -> h.startsWith("nautilus") || h.equals("to")
                    || h.equals("subject"));
        }
        assertThat(attemptsOf("hooks")).filteredOn(a -> !a.outcome().equals(DeliveryResult.Outcome.DELIVERED))
                .extracting(DeliveryView::detail).anyMatch(d -> d.startsWith("HTTP 503"))
                .anyMatch(d -> d.contains("Connect"));
        assertThat(attemptsOf("hooks")).filteredOn(a -> a.outcome() == DeliveryResult.Outcome.DELIVERED)
                .extracting(DeliveryView::notificationId).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(deliveries.deadLetters()).isEmpty();
    }

    @Test
    void webhookAnswering404IsAPermanentFailure() throws Exception {
        load("notify-webhook.yaml");
        HttpReceiver hook = http(null, null, null);
        hook.status(404);
        deliveries.configure(List.of(receiver("hooks", "webhook", hook.url("/gone"), Map.of(), Map.of(),
                FAST_RETRY)));

        deliveries.dispatch(firing(9, "hooks", incident(9, "k", Severity.WARNING, "x")));

        await().atMost(WAIT).until(() -> !deliveries.deadLetters().isEmpty());
        assertThat(deliveries.deadLetters().get(0).detail()).startsWith("HTTP 404");
        assertThat(deliveries.deadLetters().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
        assertThat(hook.refused).hasSize(1);
    }

    @Test
    void smsIsATwilioShapedFormPostWithBasicAuth() throws Exception {
        load("notify-sms.yaml");
        HttpReceiver twilio = http(null, "AC123", SMS_TOKEN);
        deliveries.configure(List.of(receiver("sms", "sms", twilio.url("/2010-04-01/Accounts/AC123/Messages.json"),
                Map.of("to", "+15551230000", "from", "+15559870000", "username", "AC123"),
                Map.of("password", SMS_TOKEN), FAST_RETRY)));

        deliveries.dispatch(firing(11, "sms", incident(3, "kill-switch", Severity.CRITICAL, "kill switch engaged")));

        await().atMost(WAIT).until(() -> twilio.accepted.size() == 1);
        HttpReceiver.Request request = twilio.accepted.get(0);
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(request.body());
        assertThat(form).containsEntry("To", "+15551230000").containsEntry("From", "+15559870000");
        assertThat(form.get("Body")).isEqualTo("Nautilus FIRING CRITICAL: A3 kill-switch: kill switch engaged");
        assertThat(twilio.refused).isEmpty();
    }

    @Test
    void smsWithAWrongTokenIsRefusedPermanently() throws Exception {
        load("notify-sms.yaml");
        HttpReceiver twilio = http(null, "AC123", SMS_TOKEN);
        deliveries.configure(List.of(receiver("sms", "sms", twilio.url("/Messages.json"),
                Map.of("to", "+15551230000", "username", "AC123"), Map.of("password", "wrong-token"), FAST_RETRY)));

        deliveries.dispatch(firing(12, "sms", incident(3, "kill-switch", Severity.CRITICAL, "x")));

        await().atMost(WAIT).until(() -> !deliveries.deadLetters().isEmpty());
        assertThat(deliveries.deadLetters().get(0).detail()).startsWith("HTTP 401").doesNotContain("wrong-token");
    }

    @Test
    void aStuckWebhookDoesNotDelayEmail() throws Exception {
        load("notify-webhook.yaml");
        load("notify-email.yaml");
        HttpReceiver hook = http(null, null, null);
        hook.holdRequests();
        deliveries.configure(List.of(
                receiver("hooks", "webhook", hook.url("/slow"), Map.of(), Map.of(), FAST_RETRY),
                email("ops-email", "ops@example.com")));

        for (long id = 1; id <= 3; id++) {
            deliveries.dispatch(firing(id, "hooks", incident(id, "k" + id, Severity.CRITICAL, "x")));
            deliveries.dispatch(firing(100 + id, "ops-email", incident(id, "k" + id, Severity.CRITICAL, "x")));
        }

        await().atMost(WAIT).until(() -> MAIL.getReceivedMessages().length == 3);
        assertThat(hook.accepted).isEmpty();
        assertThat(deliveries.receivers()).filteredOn(r -> r.name().equals("hooks")).singleElement()
                .satisfies(r -> assertThat(r.queued()).isEqualTo(3));
        hook.release();
        await().atMost(WAIT).until(() -> hook.accepted.stream().map(r -> r.header("X-Nautilus-Notification-Id"))
                .distinct().count() == 3);
    }

    @Test
    void channelWithoutRouteIsRetriedUntilItsRouteIsLoaded() throws Exception {
        HttpReceiver slack = http(null, null, null);
        deliveries.configure(List.of(receiver("slack", "slack", slack.url("/services/T0/B0/XYZ"), Map.of(),
                Map.of(), FAST_RETRY)));
        deliveries.dispatch(firing(5, "slack", incident(5, "venue-down:CME", Severity.CRITICAL, "CME down")));

        await().atMost(WAIT).until(() -> attemptsOf("slack").size() >= 2);
        assertThat(attemptsOf("slack").get(0).detail()).isEqualTo("no route reads nautilus-notify:slack"
                + " (camel-routes/notify-slack.yaml missing, failed or stopped)");
        assertThat(deliveries.warnings()).anyMatch(w -> w.startsWith("receiver slack: no route reads"));
        load("notify-slack.yaml");

        await().atMost(WAIT).until(() -> slack.accepted.size() == 1);
        assertThat(JSON.readTree(slack.accepted.get(0).body()).get("text").asText())
                .contains("*FIRING CRITICAL*").contains("A5 `venue-down:CME` CME down");
        assertThat(deliveries.receivers().get(0).address()).isEqualTo(slack.url("/services/***"));
        assertThat(deliveries.warnings()).isEmpty();
    }

    @Test
    void uiChannelFeedsTheListenersEvenIfOneThrows() throws Exception {
        load("notify-ui.yaml");
        List<Notification> seen = new CopyOnWriteArrayList<>();
        transport.bindListener(n -> {
            throw new IllegalStateException("broken listener");
        });
        transport.bindListener(seen::add);
        deliveries.configure(List.of(receiver("ui", "ui", "", Map.of(), Map.of(), FAST_RETRY)));

        deliveries.dispatch(firing(21, "ui", incident(4, "strategy:s1:failed", Severity.WARNING, "s1 FAILED")));

        await().atMost(WAIT).until(() -> seen.size() == 1);
        assertThat(seen.get(0).subject()).isEqualTo("Firing: strategy:s1:failed");
        assertThat(seen.get(0).body()).isEqualTo("A4 WARNING strategy:s1:failed: s1 FAILED");
        assertThat(seen.get(0).alerts()).extracting(a -> a.id()).containsExactly(4L);
        await().atMost(WAIT).until(() -> attemptsOf("ui").size() == 1);
        assertThat(attemptsOf("ui").get(0).outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(attemptsOf("ui").get(0).detail()).isEqualTo("1 listener");
    }

    @Test
    void testCommandReachesTheWebhookAndReportsTheAttempt() throws Exception {
        load("notify-webhook.yaml");
        HttpReceiver hook = http(WEBHOOK_SECRET, null, null);
        deliveries.configure(List.of(receiver("hooks", "webhook", hook.url("/h"), Map.of(),
                Map.of("secret", WEBHOOK_SECRET), FAST_RETRY)));

        DeliveryView view = deliveries.test("hooks", "alice", Duration.ofSeconds(10));

        assertThat(view.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(view.detail()).isEqualTo("HTTP 200");
        assertThat(view.kind()).isEqualTo(Notification.Kind.TEST);
        JsonNode json = JSON.readTree(hook.accepted.get(0).body());
        assertThat(json.get("kind").asText()).isEqualTo("TEST");
        assertThat(json.get("user").asText()).isEqualTo("alice");
    }

    @Test
    void testOfAStuckChannelEndsAtTheTimeout() throws Exception {
        load("notify-webhook.yaml");
        HttpReceiver hook = http(null, null, null);
        hook.holdRequests();
        deliveries.configure(List.of(receiver("hooks", "webhook", hook.url("/h"), Map.of(), Map.of(), FAST_RETRY)));

        DeliveryView view = deliveries.test("hooks", "alice", Duration.ofMillis(300));

        assertThat(view.outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE_FAILURE);
        assertThat(view.detail()).isEqualTo("no outcome from the route of nautilus-notify:webhook within 300 ms");
    }

    @Test
    void pagerDutyExampleSendsAnEventsV2TriggerWithTheRoutingKey() throws Exception {
        load("examples/notify-pagerduty.yaml");
        HttpReceiver pagerduty = http(null, null, null);
        pagerduty.status(202);
        deliveries.configure(List.of(receiver("pd", "pagerduty", pagerduty.url("/v2/enqueue"), Map.of(),
                Map.of("token", "R0UTINGKEY"), FAST_RETRY)));

        deliveries.dispatch(firing(31, "pd", incident(6, "venue-down:CME", Severity.CRITICAL, "CME \"down\"")));

        await().atMost(WAIT).until(() -> pagerduty.accepted.size() == 1);
        JsonNode event = JSON.readTree(pagerduty.accepted.get(0).body());
        assertThat(event.get("routing_key").asText()).isEqualTo("R0UTINGKEY");
        assertThat(event.get("event_action").asText()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asText()).isEqualTo("route.1/31");
        assertThat(event.get("payload").get("severity").asText()).isEqualTo("critical");
        assertThat(event.get("payload").get("summary").asText()).isEqualTo("A6 venue-down:CME: CME \"down\"");
        assertThat(pagerduty.accepted.get(0).headers().values()).noneMatch(v -> v.contains("R0UTINGKEY"));
    }

    @Test
    void teamsExamplePostsAnAdaptiveCard() throws Exception {
        load("examples/notify-teams.yaml");
        HttpReceiver teams = http(null, null, null);
        deliveries.configure(List.of(receiver("teams", "teams", teams.url("/webhookb2/abc"), Map.of(), Map.of(),
                FAST_RETRY)));

        deliveries.dispatch(new Outgoing(32, "teams", Notification.Kind.RESOLVED, "g", List.of(
                incident(6, "venue-down:CME", Severity.CRITICAL, "CME down")), 0, Deliveries.nowNanos()));

        await().atMost(WAIT).until(() -> teams.accepted.size() == 1);
        JsonNode card = JSON.readTree(teams.accepted.get(0).body()).get("attachments").get(0).get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body").get(0).get("text").asText()).isEqualTo("RESOLVED CRITICAL");
        assertThat(card.get("body").get(1).get("text").asText()).isEqualTo("A6 venue-down:CME: CME down");
    }

    @Test
    void shippedRouteFilesHoldNoSecretAndNoAddress() throws Exception {
        try (var files = Files.list(ROUTES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("notify-")).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContainIgnoringCase("password:")
                        .doesNotContainIgnoringCase("password=").doesNotContainIgnoringCase("secret=")
                        .doesNotContainIgnoringCase("token=");
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }
}
