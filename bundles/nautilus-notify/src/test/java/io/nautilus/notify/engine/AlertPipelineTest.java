package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.config.NotifyConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlertPipelineTest {

    private static final String[] RECEIVERS = {
        "receiver.email.channel = email", "receiver.email.url = smtp://127.0.0.1:2525?to=ops@example.com",
        "receiver.hook.channel = webhook", "receiver.hook.url = http://127.0.0.1:9/hook",
        "receiver.sms.channel = sms", "receiver.sms.url = http://127.0.0.1:9/sms",
        "receiver.ui.channel = ui"};

    private final FakeClock clock = new FakeClock();
    private final RecordingDispatcher out = new RecordingDispatcher();
    private final RecordingRecorder recorder = new RecordingRecorder();
    private AlertPipeline pipeline;
    private NotifyEngine engine;

    private void configure(int capacity, String... lines) {
        List<String> all = new ArrayList<>(List.of(RECEIVERS));
        all.addAll(List.of(lines));
        Map<String, String> map = new HashMap<>();
        for (String line : all) {
            int eq = line.indexOf('=');
            map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        pipeline = new AlertPipeline(out, recorder, clock);
        pipeline.configure(NotifyConfig.parse(map));
        engine = new NotifyEngine(pipeline, capacity, recorder, clock);
    }

    private void configure(String... lines) {
        configure(16384, lines);
    }

    private Alert alert(String key, Severity severity, String source, String text, String... labels) {
        Map<String, String> map = new HashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            map.put(label.substring(0, eq), label.substring(eq + 1));
        }
        return new Alert(key, severity, source, text, clock.getAsLong(), map);
    }

    private Alert critical(String key, String... labels) {
        return alert(key, Severity.CRITICAL, "core", key + " text", labels);
    }

    private List<String> after(Duration d) {
        clock.advance(d);
        engine.drain();
        return RecordingDispatcher.lines(out.take());
    }

    private List<String> now() {
        return after(Duration.ZERO);
    }

    private AlertView view(String idOrKey) {
        return pipeline.alert(idOrKey).orElseThrow();
    }

    private NotifyStatus status() {
        return pipeline.status(engine.raised(), engine.overflowed(), 0, "");
    }

    @Test
    void repeatsOfAKeyAreOneIncidentToldOnce() {
        configure("route.1.receivers = email", "route.1.group_by = key", "route.1.group_wait = 0");

        engine.raise(alert("risk:A1", Severity.CRITICAL, "core", "exposure 110%"));
        engine.raise(alert("risk:A1", Severity.CRITICAL, "core", "exposure 120%"));
        engine.raise(alert("risk:A1", Severity.CRITICAL, "core", "exposure 130%"));

        assertThat(now()).containsExactly("FIRING email risk:A1");
        AlertView incident = view("risk:A1");
        assertThat(incident.count()).isEqualTo(3);
        assertThat(incident.alert().text()).isEqualTo("exposure 130%");
        assertThat(incident.displayId()).isEqualTo("A1");
        assertThat(incident.receivers()).containsExactly("email");
        assertThat(status().raised()).isEqualTo(3);
        assertThat(status().deduplicated()).isEqualTo(2);
        assertThat(recorder.alerts).hasValue(3);
        assertThat(after(Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void resolveTellsTheReceiversAlreadyToldAndARaiseAfterOpensANewIncident() {
        configure("route.1.match = severity=CRITICAL", "route.1.receivers = email", "route.1.group_by = key",
                "route.1.group_wait = 0", "route.1.group_interval = 1m",
                "route.2.receivers = hook", "route.2.group_by = key", "route.2.group_wait = 0");
        engine.raise(critical("venue-down:CME"));
        assertThat(now()).containsExactly("FIRING email venue-down:CME");

        engine.resolve("venue-down:CME", "venue CME logged on");
        assertThat(now()).isEmpty();
        assertThat(after(Duration.ofMinutes(1))).containsExactly("RESOLVED email venue-down:CME");
        assertThat(view("A1").state()).isEqualTo(AlertState.RESOLVED);
        assertThat(view("A1").resolvedBy()).isEqualTo("venue CME logged on");

        engine.raise(critical("venue-down:CME"));
        assertThat(now()).containsExactly("FIRING email venue-down:CME");
        assertThat(view("venue-down:CME").id()).isEqualTo(2);
        assertThat(view("venue-down:CME").count()).isEqualTo(1);
        assertThat(recorder.events("RESOLVED")).containsExactly("venue-down:CME||venue CME logged on|");
    }

    @Test
    void anIncidentResolvedDuringGroupWaitTellsNobody() {
        configure("route.1.receivers = email", "route.1.group_wait = 30s");
        engine.raise(critical("blip"));
        assertThat(after(Duration.ofSeconds(10))).isEmpty();
        engine.resolve("blip", "gone");

        assertThat(after(Duration.ofMinutes(30))).isEmpty();
        assertThat(view("blip").receivers()).isEmpty();
    }

    @Test
    void aSilenceMutesMatchingAlertsAndExpiringItEarlyReleasesThem() {
        configure("route.1.receivers = email", "route.1.group_by = key", "route.1.group_wait = 0",
                "route.1.group_interval = 1m");
        pipeline.silence(List.of(LabelMatcher.parse("venue=CME")), Duration.ofHours(2), "alice", "maintenance");

        engine.raise(critical("venue-down:CME", "venue=CME"));
        engine.raise(critical("venue-down:ICE", "venue=ICE"));

        assertThat(now()).containsExactly("FIRING email venue-down:ICE");
        assertThat(view("venue-down:CME").suppressedBy()).isEqualTo("silence S1");
        assertThat(status().silenced()).isEqualTo(1);
        assertThat(pipeline.silences()).singleElement().satisfies(s -> assertThat(s.active()).isTrue());

        clock.advance(Duration.ofMinutes(10));
        pipeline.expireSilence("S1", "alice");
        assertThat(now()).containsExactly("FIRING email venue-down:CME");
        assertThat(view("venue-down:CME").suppressedBy()).isEmpty();
        assertThat(pipeline.silences().get(0).active()).isFalse();
        assertThat(recorder.events("SILENCE_EXPIRED")).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> pipeline.expireSilence("S1", "alice"))
                .withMessage("no active silence 'S1' (nautilus:alerts silences lists them)");
    }

    @Test
    void aTimedSilenceEndsByItself() {
        configure("route.1.receivers = email", "route.1.group_wait = 0", "route.1.group_interval = 1m");
        pipeline.silence(List.of(LabelMatcher.parse("key=~feed-stale:.*")), Duration.ofMinutes(30), "bob", "");
        engine.raise(alert("feed-stale:ES", Severity.WARNING, "marketdata", "no quotes for 30 s"));
        assertThat(now()).isEmpty();

        assertThat(after(Duration.ofMinutes(29))).isEmpty();
        assertThat(after(Duration.ofMinutes(1))).containsExactly("FIRING email feed-stale:ES");
    }

    @Test
    void aVenueDownMutesThatVenuesRejectsOnly() {
        configure("route.1.receivers = email", "route.1.group_by = key", "route.1.group_wait = 0",
                "route.1.group_interval = 1m",
                "inhibit.1.source = key=~venue-down:.*", "inhibit.1.target = key=~venue-reject:.*",
                "inhibit.1.equal = venue");

        engine.raise(critical("venue-down:CME", "venue=CME"));
        engine.raise(alert("venue-reject:CME:42", Severity.WARNING, "venues", "rejected", "venue=CME"));
        engine.raise(alert("venue-reject:ICE:7", Severity.WARNING, "venues", "rejected", "venue=ICE"));

        assertThat(now()).containsExactly("FIRING email venue-down:CME", "FIRING email venue-reject:ICE:7");
        assertThat(view("venue-reject:CME:42").suppressedBy()).isEqualTo("inhibited by venue-down:CME");
        assertThat(status().inhibited()).isEqualTo(1);

        engine.resolve("venue-down:CME", "logged on");
        assertThat(after(Duration.ofMinutes(1))).containsExactlyInAnyOrder("RESOLVED email venue-down:CME",
                "FIRING email venue-reject:CME:42");
    }

    @Test
    void anAlertAlreadyFiringIsInhibitedWhenItsVenueGoesDown() {
        configure("route.1.receivers = email", "route.1.group_by = key", "route.1.group_wait = 0",
                "route.1.repeat_interval = 1h",
                "inhibit.1.source = key=~venue-down:.*", "inhibit.1.target = key=~venue-reject:.*",
                "inhibit.1.equal = venue");
        engine.raise(alert("venue-reject:CME:42", Severity.WARNING, "venues", "rejected", "venue=CME"));
        assertThat(now()).containsExactly("FIRING email venue-reject:CME:42");

        engine.raise(critical("venue-down:CME", "venue=CME"));
        assertThat(now()).containsExactly("FIRING email venue-down:CME");

        assertThat(view("venue-reject:CME:42").suppressedBy()).isEqualTo("inhibited by venue-down:CME");
        assertThat(after(Duration.ofHours(1))).containsExactly("REPEAT email venue-down:CME");
    }

    @Test
    void routesAreTriedInOrderFirstMatchWinsUnlessContinue() {
        configure("route.1.match = severity=CRITICAL", "route.1.receivers = email", "route.1.continue = true",
                "route.1.group_by = key", "route.1.group_wait = 0",
                "route.2.match = source=core", "route.2.receivers = hook", "route.2.group_by = key",
                "route.2.group_wait = 0",
                "route.10.receivers = ui", "route.10.group_by = key", "route.10.group_wait = 0");

        engine.raise(critical("kill-switch"));
        engine.raise(alert("risk-reject:A1", Severity.WARNING, "core", "rejected"));
        engine.raise(alert("reconnect:CME", Severity.INFO, "venues", "reconnected"));

        assertThat(now()).containsExactlyInAnyOrder("FIRING email kill-switch", "FIRING hook kill-switch",
                "FIRING hook risk-reject:A1", "FIRING ui reconnect:CME");
        assertThat(view("kill-switch").route()).isEqualTo("route.1");
        assertThat(view("kill-switch").receivers()).containsExactly("email", "hook");
        assertThat(view("reconnect:CME").route()).isEqualTo("route.10");
    }

    @Test
    void anAlertNoRouteTakesIsRecordedAndToldToNobody() {
        configure("route.1.match = severity=CRITICAL", "route.1.receivers = email", "route.1.group_wait = 0");
        engine.raise(alert("info", Severity.INFO, "core", "fyi"));

        assertThat(now()).isEmpty();
        assertThat(view("info").route()).isEmpty();
        assertThat(status().warnings()).contains("1 incidents matched no route since start (recorded, nobody told)");
    }

    @Test
    void groupWaitCollectsAGroupAndGroupIntervalHoldsLaterChanges() {
        configure("route.1.receivers = email", "route.1.group_by = source", "route.1.group_wait = 30s",
                "route.1.group_interval = 5m", "route.1.repeat_interval = 4h");

        engine.raise(alert("a", Severity.WARNING, "core", "a"));
        assertThat(now()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        engine.raise(alert("b", Severity.WARNING, "core", "b"));
        engine.raise(alert("x", Severity.WARNING, "venues", "x"));
        assertThat(now()).isEmpty();
        assertThat(after(Duration.ofSeconds(19))).isEmpty();
        assertThat(after(Duration.ofSeconds(1))).containsExactly("FIRING email a,b");
        assertThat(after(Duration.ofSeconds(10))).containsExactly("FIRING email x");

        engine.raise(alert("c", Severity.WARNING, "core", "c"));
        assertThat(now()).isEmpty();
        assertThat(after(Duration.ofMinutes(4))).isEmpty();
        assertThat(after(Duration.ofSeconds(50))).containsExactly("FIRING email a,b,c");
    }

    @Test
    void groupWaitZeroReleasesAtOnce() {
        configure("route.1.receivers = email, hook", "route.1.group_wait = 0");
        engine.raise(critical("kill-switch"));

        List<Outgoing> sent = new ArrayList<>();
        engine.drain();
        sent.addAll(out.take());
        assertThat(RecordingDispatcher.lines(sent)).containsExactly("FIRING email kill-switch",
                "FIRING hook kill-switch");
        assertThat(sent).allSatisfy(o -> assertThat(o.releasedNanos()).isEqualTo(clock.getAsLong()));
        assertThat(sent.get(0).id()).isLessThan(sent.get(1).id());
    }

    @Test
    void repeatIntervalRepeatsOnlyUnacknowledgedFiringAlerts() {
        configure("route.1.receivers = email", "route.1.group_wait = 0", "route.1.group_interval = 5m",
                "route.1.repeat_interval = 1h");
        engine.raise(critical("a"));
        engine.raise(critical("b"));
        assertThat(now()).containsExactly("FIRING email a,b");

        assertThat(after(Duration.ofMinutes(59))).isEmpty();
        assertThat(after(Duration.ofMinutes(1))).containsExactly("REPEAT email a,b");

        pipeline.acknowledge("a", "alice", "looking");
        assertThat(after(Duration.ofHours(1))).containsExactly("REPEAT email b");
        pipeline.acknowledge("A2", "bob", "");
        assertThat(after(Duration.ofHours(5))).isEmpty();
        assertThat(view("a").state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(view("a").acknowledgedBy()).isEqualTo("alice");
        assertThat(recorder.events("ACKNOWLEDGED")).containsExactly("a||looking|alice", "b|||bob");
    }

    @Test
    void escalationGoesLevelByLevelLoopsAndStopsOnAcknowledge() {
        configure("route.1.receivers = email", "route.1.group_by = key", "route.1.group_wait = 0",
                "route.1.repeat_interval = 24h",
                "route.1.escalate.1.after = 5m", "route.1.escalate.1.receivers = sms",
                "route.1.escalate.2.after = 10m", "route.1.escalate.2.receivers = hook",
                "route.1.escalate.loop = true");
        engine.raise(critical("kill-switch"));
        assertThat(now()).containsExactly("FIRING email kill-switch");

        assertThat(after(Duration.ofMinutes(4))).isEmpty();
        assertThat(after(Duration.ofMinutes(1))).containsExactly("ESCALATION sms kill-switch");
        assertThat(view("kill-switch").escalationLevel()).isEqualTo(1);
        assertThat(after(Duration.ofMinutes(10))).containsExactly("ESCALATION hook kill-switch");
        assertThat(view("kill-switch").escalationLevel()).isEqualTo(2);
        assertThat(view("kill-switch").receivers()).containsExactly("email", "sms", "hook");
        assertThat(after(Duration.ofMinutes(5))).containsExactly("ESCALATION sms kill-switch");

        pipeline.acknowledge("kill-switch", "alice", "on it");
        assertThat(after(Duration.ofHours(3))).isEmpty();
        assertThat(recorder.events("ESCALATED")).hasSize(3);

        engine.resolve("kill-switch", "released");
        assertThat(after(Duration.ofMinutes(5))).containsExactly("RESOLVED email kill-switch",
                "RESOLVED sms kill-switch", "RESOLVED hook kill-switch");
    }

    @Test
    void escalationWithoutLoopStopsAfterTheLastLevel() {
        configure("route.1.receivers = email", "route.1.group_wait = 0", "route.1.repeat_interval = 24h",
                "route.1.escalate.1.after = 5m", "route.1.escalate.1.receivers = sms");
        engine.raise(critical("journal"));
        assertThat(now()).containsExactly("FIRING email journal");

        assertThat(after(Duration.ofMinutes(5))).containsExactly("ESCALATION sms journal");
        assertThat(after(Duration.ofHours(2))).isEmpty();
    }

    @Test
    void aReceiversRateLimitRollsTheOverflowIntoOneSummary() {
        configure("receiver.email.rate = 2/1m", "route.1.receivers = email", "route.1.group_by = key",
                "route.1.group_wait = 0");
        for (String key : List.of("k1", "k2", "k3", "k4", "k5")) {
            engine.raise(critical(key));
        }

        assertThat(now()).containsExactly("FIRING email k1", "FIRING email k2");
        assertThat(status().rolledUp()).isEqualTo(3);
        assertThat(status().warnings()).contains("receiver email: 3 notifications held back by its rate limit,"
                + " going out as one summary");
        assertThat(after(Duration.ofSeconds(29))).isEmpty();
        engine.raise(critical("k6"));
        assertThat(after(Duration.ofSeconds(1))).containsExactly("SUMMARY email k3,k4,k5 rolledUp=3");
        assertThat(after(Duration.ofSeconds(30))).containsExactly("SUMMARY email k6 rolledUp=1");
        assertThat(pipeline.rolledUp("email")).isEqualTo(4);
        assertThat(recorder.events("ROLLED_UP")).containsExactly(
                "|email|3 notifications rolled into one summary|", "|email|1 notifications rolled into one summary|");
    }

    @Test
    void aChannelRateLimitHoldsForAllItsReceiversTogether() {
        configure("receiver.hook2.channel = webhook", "receiver.hook2.url = http://127.0.0.1:9/other",
                "channel.webhook.rate = 3/1m",
                "route.1.receivers = hook, hook2", "route.1.group_by = key", "route.1.group_wait = 0");
        engine.raise(critical("a"));
        engine.raise(critical("b"));

        assertThat(now()).containsExactly("FIRING hook a", "FIRING hook2 a", "FIRING hook b");
        assertThat(after(Duration.ofSeconds(20))).containsExactly("SUMMARY hook2 b rolledUp=1");
    }

    @Test
    void aFullHandOffRefusesCountsRecordsAndTellsTheNextNotification() {
        configure(4, "route.1.receivers = email", "route.1.group_by = key", "route.1.group_wait = 0");
        for (int i = 1; i <= 6; i++) {
            engine.raise(critical("k" + i));
        }

        assertThat(engine.raised()).isEqualTo(6);
        assertThat(engine.overflowed()).isEqualTo(2);
        assertThat(recorder.alerts).hasValue(2);
        assertThat(now()).containsExactly("FIRING email k1,notify-overflow", "FIRING email k2", "FIRING email k3",
                "FIRING email k4", "FIRING email notify-overflow");
        assertThat(recorder.alerts).hasValue(7);
        assertThat(status().overflowed()).isEqualTo(2);
        assertThat(view(AlertPipeline.OVERFLOW_KEY).alert().text()).startsWith("2 alert raises or resolves were refused");
    }

    @Test
    void acknowledgeAndResolveNeedAnOpenIncident() {
        configure("route.1.receivers = email");
        engine.raise(critical("a"));
        engine.drain();
        pipeline.acknowledge("A1", "alice", "");

        assertThatIllegalArgumentException().isThrownBy(() -> pipeline.acknowledge("A1", "bob", ""))
                .withMessage("A1 (a) is already acknowledged by alice");
        assertThatIllegalArgumentException().isThrownBy(() -> pipeline.acknowledge("A9", "bob", ""))
                .withMessage("no open incident has id or key 'A9' (nautilus:alerts list shows them)");
        pipeline.resolve("a", "bob", "fixed");
        assertThatIllegalArgumentException().isThrownBy(() -> pipeline.resolve("a", "bob", ""))
                .withMessage("no open incident has id or key 'a' (nautilus:alerts list shows them)");
        assertThat(view("a").resolvedBy()).isEqualTo("bob");
        assertThat(view("a").comment()).isEqualTo("fixed");
        assertThat(pipeline.alerts(false, 10)).isEmpty();
        assertThat(pipeline.alerts(true, 10)).hasSize(1);
    }

    @Test
    void aSilenceNeedsAMatcherAndAPositiveDuration() {
        configure();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> pipeline.silence(List.of(), Duration.ofHours(1), "a", ""))
                .withMessage("a silence needs at least one matcher, e.g. venue=CME");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> pipeline.silence(List.of(LabelMatcher.parse("venue=CME")), Duration.ZERO, "a", ""))
                .withMessage("a silence lasts a positive time, not PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> pipeline.silence(List.of(LabelMatcher.parse("venue=CME")), Duration.ofDays(100_000),
                        "a", ""))
                .withMessage("a silence lasts at most 3650d, not 100000d");
        assertThat(pipeline.silences()).isEmpty();
    }

    @Test
    void newRulesKeepOpenIncidentsAndTheirGroups() {
        configure("route.1.receivers = email", "route.1.group_wait = 0", "route.1.group_interval = 1m");
        engine.raise(critical("a"));
        assertThat(now()).containsExactly("FIRING email a");

        pipeline.configure(NotifyConfig.parse(Map.of("receiver.hook.channel", "webhook",
                "receiver.hook.url", "http://127.0.0.1:9/hook", "route.1.receivers", "hook",
                "route.1.group_by", "key", "route.1.group_wait", "0")));
        engine.raise(critical("b"));
        assertThat(now()).containsExactly("FIRING hook b");
        engine.resolve("a", "cleared");

        assertThat(after(Duration.ofMinutes(1))).as("email is gone from the rules: nobody left to tell").isEmpty();
        assertThat(view("a").state()).isEqualTo(AlertState.RESOLVED);
        assertThat(view("b").count()).isEqualTo(1);
    }

    @Test
    void aSummaryNamesTheLatestHundredIncidentsAndCountsThemAll() {
        configure("receiver.email.rate = 1/1h", "route.1.receivers = email", "route.1.group_by = key",
                "route.1.group_wait = 0");
        for (int i = 0; i <= 150; i++) {
            engine.raise(critical("k" + i));
        }
        assertThat(now()).containsExactly("FIRING email k0");

        clock.advance(Duration.ofHours(1));
        engine.drain();
        List<Outgoing> summary = out.take();
        assertThat(summary).singleElement().satisfies(o -> {
            assertThat(o.rolledUp()).isEqualTo(150);
            assertThat(o.alerts()).hasSize(RateLimits.SUMMARY_ALERTS);
            assertThat(o.alerts().get(0).key()).isEqualTo("k51");
        });
    }

    @Test
    void anOverflowWhoseReceiverWasRemovedIsRecordedNotDroppedSilently() {
        configure("receiver.email.rate = 1/1h", "route.1.receivers = email", "route.1.group_by = key",
                "route.1.group_wait = 0");
        engine.raise(critical("a"));
        engine.raise(critical("b"));
        assertThat(now()).containsExactly("FIRING email a");

        pipeline.configure(NotifyConfig.parse(Map.of("receiver.ui.channel", "ui", "route.1.receivers", "ui")));
        assertThat(after(Duration.ofHours(1))).isEmpty();
        assertThat(recorder.events("ROLLED_UP")).containsExactly("|email|1 notifications held back by the rate limit"
                + " were not sent: the receiver is no longer configured|");
    }

    @Test
    void aRepeatThatRaisesTheSeverityMovesTheIncidentToTheRouteThatTakesItNow() {
        configure("route.1.match = severity=CRITICAL", "route.1.receivers = hook", "route.1.group_by = key",
                "route.1.group_wait = 0", "route.1.escalate.1.after = 5m", "route.1.escalate.1.receivers = sms",
                "route.2.receivers = email", "route.2.group_by = source", "route.2.group_wait = 0",
                "route.2.repeat_interval = 1h");
        engine.raise(alert("risk-limit:A1", Severity.WARNING, "core", "exposure at 90% of the limit"));
        assertThat(now()).containsExactly("FIRING email risk-limit:A1");

        engine.raise(alert("risk-limit:A1", Severity.CRITICAL, "core", "limit breached"));
        assertThat(now()).containsExactly("FIRING hook risk-limit:A1");
        assertThat(view("risk-limit:A1").route()).isEqualTo("route.1");
        assertThat(view("risk-limit:A1").count()).isEqualTo(2);

        assertThat(after(Duration.ofMinutes(5))).containsExactly("ESCALATION sms risk-limit:A1");
        assertThat(after(Duration.ofHours(1))).as("no repeat from the route it left").isEmpty();
    }

    @Test
    void theNextMessageToEveryReceiverTellsOfTheOverflowWhateverRouteItTakes() {
        configure(2, "route.1.match = key=notify-overflow", "route.1.receivers = ui", "route.1.group_wait = 0",
                "route.2.receivers = email, hook", "route.2.group_by = key", "route.2.group_wait = 0");
        engine.raise(critical("a"));
        engine.raise(critical("b"));
        engine.raise(critical("c"));
        assertThat(now()).containsExactly("FIRING email a,notify-overflow", "FIRING hook a,notify-overflow",
                "FIRING email b", "FIRING hook b", "FIRING ui notify-overflow");

        engine.raise(critical("d"));
        assertThat(now()).as("told once").containsExactly("FIRING email d", "FIRING hook d");
    }
}
