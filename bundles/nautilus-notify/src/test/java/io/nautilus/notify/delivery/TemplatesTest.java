package io.nautilus.notify.delivery;

import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.engine.Outgoing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.nautilus.notify.delivery.TestAlerts.firing;
import static io.nautilus.notify.delivery.TestAlerts.incident;
import static org.assertj.core.api.Assertions.assertThat;

/** Shipped templates, overrides from a folder, and broken overrides. */
class TemplatesTest {

    @TempDir
    Path folder;

    private static Map<String, Object> model(String channel) {
        Outgoing outgoing = firing(3, "ops", incident(12, "venue-down:CME", Severity.CRITICAL, "CME \"down\""));
        return NotificationModel.of(outgoing, channel, "");
    }

    private static void write(Path file, String text, int secondsAgo) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @Test
    void shippedTemplatesRenderEveryChannel() {
        Templates templates = new Templates(null);
        for (String channel : List.of("email", "slack", "webhook", "sms", "ui", "pagerduty", "teams", "custom")) {
            assertThat(templates.render(channel, Templates.Part.SUBJECT, model(channel))).as(channel)
                    .contains("venue-down:CME");
            assertThat(templates.render(channel, Templates.Part.BODY, model(channel))).as(channel)
                    .contains("venue-down:CME");
        }
        assertThat(templates.errors()).isEmpty();
    }

    @Test
    void anOverrideInTheFolderReplacesTheShippedTemplate() throws Exception {
        write(folder.resolve("email.subject.ftl"), "ALERT ${alert.displayId} ${alert.key}", 10);
        Templates templates = new Templates(folder);

        assertThat(templates.render("email", Templates.Part.SUBJECT, model("email"))).isEqualTo("ALERT A12 venue-down:CME");
        assertThat(templates.render("email", Templates.Part.BODY, model("email"))).contains("nautilus:alerts ack A12");
    }

    @Test
    void aDefaultOverrideServesChannelsWithoutTemplates() throws Exception {
        write(folder.resolve("default.body.ftl"), "custom: ${alerts?size} alert(s)", 10);
        Templates templates = new Templates(folder);

        assertThat(templates.render("my-pager", Templates.Part.BODY, model("my-pager"))).isEqualTo("custom: 1 alert(s)");
        assertThat(templates.render("email", Templates.Part.BODY, model("email"))).contains("A12 CRITICAL");
    }

    @Test
    void aBrokenTemplateIsRefusedWithItsNameAndLineAndTheLastGoodOneIsKept() throws Exception {
        Path file = folder.resolve("webhook.body.ftl");
        write(file, "{\"key\": \"${alert.key}\"}", 20);
        Templates templates = new Templates(folder);
        assertThat(templates.render("webhook", Templates.Part.BODY, model("webhook")))
                .isEqualTo("{\"key\": \"venue-down:CME\"}");

        write(file, "{\"key\": \"${alert.key}\",\n \"text\": <#if alert.text>\"x\"}", 10);
        List<String> errors = templates.reload();

        assertThat(errors).singleElement().satisfies(error -> assertThat(error)
                .startsWith("template webhook.body.ftl line 2, column ")
                .endsWith("; the last good version is kept"));
        assertThat(templates.render("webhook", Templates.Part.BODY, model("webhook")))
                .isEqualTo("{\"key\": \"venue-down:CME\"}");

        write(file, "{\"fixed\": \"${alert.key}\"}", 0);
        assertThat(templates.reload()).isEmpty();
        assertThat(templates.render("webhook", Templates.Part.BODY, model("webhook")))
                .isEqualTo("{\"fixed\": \"venue-down:CME\"}");
    }

    @Test
    void aTemplateBrokenFromTheStartFallsBackToTheShippedOne() throws Exception {
        write(folder.resolve("sms.body.ftl"), "line one\n${alert.key", 10);
        Templates templates = new Templates(folder);

        assertThat(templates.errors()).singleElement().satisfies(error -> assertThat(error)
                .startsWith("template sms.body.ftl line 2").endsWith("; the shipped sms.body.ftl is used"));
        assertThat(templates.render("sms", Templates.Part.BODY, model("sms")))
                .startsWith("Nautilus FIRING CRITICAL: A12 venue-down:CME");
    }

    @Test
    void aTemplateFailingWhileRenderingFallsBackToTheShippedOneAndSaysWhere() throws Exception {
        write(folder.resolve("ui.subject.ftl"), "fine\n${alert.nosuchfield}", 10);
        Templates templates = new Templates(folder);

        assertThat(templates.render("ui", Templates.Part.SUBJECT, model("ui")).strip())
                .isEqualTo("Firing: venue-down:CME");
        assertThat(templates.errors()).singleElement().satisfies(error -> assertThat(error)
                .startsWith("template ui.subject.ftl line 2, column 3:").contains("alert.nosuchfield")
                .doesNotContain("Tip"));
    }

    @Test
    void deliveriesRenderWithTheFolderAndReportItsErrors() throws Exception {
        write(folder.resolve("email.subject.ftl"), "<#if>", 10);
        try (Deliveries deliveries = new Deliveries(new NoTransport(), DeliveryListener.NONE, () -> 1)) {
            assertThat(deliveries.templates(folder)).singleElement().satisfies(error -> assertThat(error)
                    .startsWith("template email.subject.ftl line 1"));
            assertThat(deliveries.warnings()).anyMatch(w -> w.startsWith("template email.subject.ftl line 1"));
            Notification rendered = deliveries.render(firing(3, "ops", incident(12, "k", Severity.INFO, "t")),
                    "email", "");
            assertThat(rendered.subject()).isEqualTo("[FIRING] INFO k");
        }
    }

    private static final class NoTransport implements ChannelTransport {
        @Override
        public io.nautilus.api.alert.DeliveryResult send(Notification notification,
                                                          io.nautilus.notify.config.ReceiverConfig receiver,
                                                          int attempt, java.time.Duration timeout) {
            return io.nautilus.api.alert.DeliveryResult.retryable("none");
        }

        @Override
        public boolean hasRoute(String channel) {
            return false;
        }
    }
}
