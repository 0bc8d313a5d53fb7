package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code nautilus:alerts} against an in-memory notification engine. */
class AlertsCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final FakeNotifications engine = new FakeNotifications();

    @BeforeEach
    void incidents() {
        engine.open("venue-down:CME", Severity.CRITICAL, "CME logged out\nreconnecting", Map.of(Alert.VENUE, "CME"));
        engine.open("risk-limit:desk-1", Severity.WARNING, "desk-1 over its position limit",
                Map.of(Alert.ACCOUNT, "desk-1"));
        engine.receiverList.add(new ReceiverView("ops-email", "email", "ops@example.com", true, 3, 1, 0, 0, 0,
                "connection refused"));
        engine.receiverList.add(new ReceiverView("ops-sms", "sms", "", false, 0, 0, 0, 0, 0, ""));
        engine.attempt(1, "ops-email", DeliveryResult.Outcome.RETRYABLE_FAILURE, "connection refused", false);
        engine.attempt(1, "ops-email", DeliveryResult.Outcome.DELIVERED, "<m1@nautilus>", false);
        engine.attempt(2, "ops-webhook", DeliveryResult.Outcome.PERMANENT_FAILURE, "HTTP 404", true);
    }

    private AlertsCommand command(String action, String... args) {
        AlertsCommand c = new AlertsCommand();
        c.action = action;
        c.args = args.length == 0 ? null : List.of(args);
        c.user = () -> "alice";
        return c;
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsTheOpenIncidentsNewestFirstWithTheirAIds() throws Exception {
        command(null).run(engine, out);

        assertThat(output()).contains("ID", "STATE", "SEVERITY", "KEY", "COUNT", "LAST (UTC)", "TEXT")
                .contains("A2", "FIRING", "WARNING", "risk-limit:desk-1", "2026-05-28 20:26:42", "ops-email")
                .contains("A1", "CRITICAL", "venue-down:CME", "CME logged out ...");
        assertThat(output().indexOf("A2")).isLessThan(output().indexOf("A1"));
        assertThat(engine.lastIncludeResolved).isFalse();
        assertThat(engine.lastLimit).isEqualTo(AlertsCommand.DEFAULT_LIMIT);
    }

    @Test
    void listAllAsksForResolvedIncidentsTooUpToTheLimitGivenAfterTheAction() throws Exception {
        engine.resolve("A1", "bob", "");

        command("list", "--all", "--limit", "5").run(engine, out);

        assertThat(engine.lastIncludeResolved).isTrue();
        assertThat(engine.lastLimit).isEqualTo(5);
        assertThat(output()).contains("A1", "RESOLVED", "resolved by bob");
    }

    @Test
    void listWithoutOpenIncidentsSaysSo() throws Exception {
        engine.incidents.clear();

        command("list").run(engine, out);

        assertThat(output()).isEqualTo("no open alerts (nautilus:alerts list --all shows resolved ones)"
                + System.lineSeparator());
    }

    @Test
    void showPrintsTheIncidentsFieldsLabelsAndItsDeliveries() throws Exception {
        command("show", "A1").run(engine, out);

        assertThat(output()).contains("id", "A1").contains("key", "venue-down:CME")
                .contains("labels", "venue=CME")
                .contains("text", "CME logged out / reconnecting")
                .contains("route", "critical")
                .contains("acknowledged", "no")
                .contains("RETRYABLE_FAILURE", "connection refused", "DELIVERED", "<m1@nautilus>")
                .doesNotContain("HTTP 404");
        assertThat(engine.calls).contains("deliveries A1 " + AlertsCommand.SHOW_DELIVERIES);
    }

    @Test
    void showTakesTheAlertKeyToo() throws Exception {
        command("show", "risk-limit:desk-1").run(engine, out);

        assertThat(output()).contains("A2", "account=desk-1");
    }

    @Test
    void anUnknownIncidentIsOneLine() {
        assertThatThrownBy(() -> command("show", "A99").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no alert A99 (nautilus:alerts list --all shows them)");
        assertThatThrownBy(() -> command("deliveries", "nope").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no alert nope (nautilus:alerts list --all shows them)");
        assertThatThrownBy(() -> command("show").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alerts show needs an incident, e.g. nautilus:alerts show A12");
    }

    @Test
    void ackIsDoneAsTheSessionsUserWithTheRestOfTheLineAsComment() throws Exception {
        command("ack", "A1", "looking", "into", "it").run(engine, out);

        assertThat(engine.calls).containsExactly("ack A1 by alice: looking into it");
        assertThat(engine.alert("A1").orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(output()).isEqualTo("A1 venue-down:CME: ACKNOWLEDGED by alice; escalation stopped"
                + System.lineSeparator());
    }

    @Test
    void withoutASubjectTheUserIsRecordedAsUnknown() throws Exception {
        AlertsCommand ack = command("ack", "A2");
        ack.user = () -> null;

        ack.run(engine, out);

        assertThat(engine.calls).containsExactly("ack A2 by " + AlertsCommand.UNKNOWN_USER + ": ");
    }

    @Test
    void resolveClosesTheIncident() throws Exception {
        command("resolve", "venue-down:CME", "venue", "back").run(engine, out);

        assertThat(engine.calls).containsExactly("resolve A1 by alice: venue back");
        assertThat(output()).contains("A1 venue-down:CME: RESOLVED by alice");
    }

    @Test
    void ackingAResolvedIncidentFailsWithTheEnginesReasonAndChangesNothing() throws Exception {
        engine.resolve("A1", "bob", "");
        engine.calls.clear();

        assertThatThrownBy(() -> command("ack", "A1").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no open alert A1");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void executeTurnsABadArgumentIntoOneLineAndSaysWhenTheEngineIsNotRunning() {
        AlertsCommand bad = command("ack", "A42");
        bad.notifications = engine;
        assertThatThrownBy(bad::execute).isInstanceOf(CommandException.class).hasMessage("nautilus: no open alert A42");

        AlertsCommand absent = command("list");
        assertThatThrownBy(absent::execute).isInstanceOf(CommandException.class)
                .hasMessage(AlertsCommand.NOT_RUNNING);
    }

    @Test
    void silenceTakesMatchersADurationAndAComment() throws Exception {
        command("silence", "venue=CME", "key=~venue-.*", "2h", "CME", "maintenance").run(engine, out);

        assertThat(engine.calls).containsExactly("silence [venue=CME, key=~venue-.*] for PT2H by alice:"
                + " CME maintenance");
        assertThat(output()).isEqualTo("silence S1 (venue=CME key=~venue-.*) by alice until 2026-05-28 22:28:20 UTC"
                + System.lineSeparator());
    }

    @Test
    void badSilencesAreRefusedWithOneLineAndNothingIsSilenced() {
        assertThatThrownBy(() -> command("silence", "venue", "2h").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'venue' is not a matcher");
        assertThatThrownBy(() -> command("silence", "venue=CME").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerts silence needs a duration after the matchers, such as 30m, 2h or 1d");
        assertThatThrownBy(() -> command("silence", "2h", "maintenance").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alerts silence needs at least one matcher before the duration");
        assertThatThrownBy(() -> command("silence", "venue=CME", "0m").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("silence duration '0m' must be more than 0 and at most 365d");
        assertThatThrownBy(() -> command("silence", "venue=~(", "1h").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad regular expression");
        assertThat(engine.silenceList).isEmpty();
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void durationsAreWholeNumbersOfDaysHoursMinutesAndSeconds() {
        assertThat(AlertsCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(AlertsCommand.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(AlertsCommand.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(AlertsCommand.duration("1D")).isEqualTo(Duration.ofDays(1));
        assertThat(AlertsCommand.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        for (String bad : List.of("2", "h", "1.5h", "-1h", "2 h", "1w")) {
            assertThatThrownBy(() -> AlertsCommand.duration(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a duration such as 30s, 30m, 2h, 1d or 1h30m");
        }
        assertThatThrownBy(() -> AlertsCommand.duration("99999999999999999999d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration '99999999999999999999d' is too long");
    }

    @Test
    void silencesListsThemAndExpireEndsOneAsTheUser() throws Exception {
        command("silence", "venue=CME", "2h").run(engine, out);
        bytes.reset();

        command("silences").run(engine, out);
        assertThat(output()).contains("ID", "ACTIVE", "MATCHERS", "S1", "yes", "venue=CME", "alice");

        bytes.reset();
        command("expire", "S1").run(engine, out);
        assertThat(engine.calls).contains("expire S1 by alice");
        assertThat(output()).startsWith("silence S1 (venue=CME) ended at 2026-05-28 20:28:20");
        assertThatThrownBy(() -> command("expire", "S1").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no active silence S1");
    }

    @Test
    void testSendsThroughTheReceiverAndPrintsTheAttempt() throws Exception {
        command("test", "ops-email").run(engine, out);

        assertThat(engine.calls).containsExactly("test ops-email by alice within PT10S");
        assertThat(output()).isEqualTo("test to ops-email (email): DELIVERED in 85ms: <test-1@nautilus>"
                + System.lineSeparator());
    }

    @Test
    void aFailedTestFailsTheCommandWithTheOutcomeAndReason() {
        engine.testOutcome = DeliveryResult.Outcome.PERMANENT_FAILURE;
        engine.testDetail = "550 mailbox unavailable";

        assertThatThrownBy(() -> command("test", "ops-email", "--timeout", "30s").run(engine, out))
                .isInstanceOf(CommandException.class)
                .hasMessage("nautilus: test to ops-email (email): PERMANENT_FAILURE in 85ms: 550 mailbox unavailable");
        assertThat(engine.calls).containsExactly("test ops-email by alice within PT30S");
    }

    @Test
    void testRefusesAnUnknownReceiverAndABadTimeout() {
        assertThatThrownBy(() -> command("test", "nobody").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no receiver nobody");
        assertThatThrownBy(() -> command("test", "ops-email", "--timeout=5m").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--timeout '5m' must be more than 0 and at most 2m");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void receiversShowTheirCountsAndWhetherTheyAreEnabled() throws Exception {
        command("receivers").run(engine, out);

        assertThat(output()).contains("RECEIVER", "CHANNEL", "DELIVERED", "LAST ERROR")
                .contains("ops-email", "email", "ops@example.com", "connection refused")
                .contains("ops-sms", "no (no address)");
    }

    @Test
    void deliveriesAndDeadLettersShowTheAttemptsNewestFirst() throws Exception {
        command("deliveries", "--limit", "2").run(engine, out);
        assertThat(output()).contains("NOTIFICATION", "ALERTS", "OUTCOME", "LATENCY")
                .contains("A2", "ops-webhook", "PERMANENT_FAILURE (dead letter)", "42ms")
                .contains("<m1@nautilus>").doesNotContain("connection refused");
        assertThat(engine.calls).containsExactly("deliveries null 2");

        bytes.reset();
        command("dead-letters").run(engine, out);
        assertThat(output()).contains("ops-webhook", "HTTP 404").doesNotContain("ops-email");
    }

    @Test
    void statusShowsTheEnginesCountsAndWarnings() throws Exception {
        engine.status = new NotifyStatus(10_000, 9_990, 3, 2, 0, 1, 4, 1, 0,
                "etc/io.nautilus.notify.cfg refused: route.x.receivers names unknown receiver y",
                List.of("receiver ops-sms has no route"));

        command("status").run(engine, out);

        assertThat(output()).contains("Raised", "10000", "Deduplicated", "9990", "Rolled up")
                .contains("Config error", "route.x.receivers names unknown receiver y")
                .contains("Warning", "receiver ops-sms has no route");
    }

    @Test
    void unknownActionsExtraArgumentsAndMisplacedOptionsAreOneLine() {
        assertThatThrownBy(() -> command("mute").run(engine, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown action 'mute'; use one of " + String.join(", ", AlertsCommand.ACTIONS));
        assertThatThrownBy(() -> command("ACK", "A1").run(engine, out)).as("the ACL matches the exact word")
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown action 'ACK'");
        assertThatThrownBy(() -> command(" ack", "A1").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown action ' ack'");
        assertThatThrownBy(() -> command("status", "now").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerts status takes no arguments; unexpected 'now'");
        assertThatThrownBy(() -> command("show", "A1", "--all").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--all goes only with nautilus:alerts list");
        assertThatThrownBy(() -> command("list", "--bogus").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'--bogus' is not an option of nautilus:alerts list");
        assertThatThrownBy(() -> command("list", "--limit", "0").run(engine, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--limit '0' is not a whole number from 1 to 10000");
        assertThat(engine.calls).isEmpty();
    }
}
