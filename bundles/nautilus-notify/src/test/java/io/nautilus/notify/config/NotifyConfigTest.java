package io.nautilus.notify.config;

import io.nautilus.notify.api.LabelMatcher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotifyConfigTest {

    static Map<String, String> lines(String... lines) {
        Map<String, String> map = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return map;
    }

    @Test
    void theShippedFileParses() throws IOException {
        Properties p = new Properties();
        Path shipped = Path.of("../../etc/io.nautilus.notify.cfg");
        try (Reader r = Files.newBufferedReader(shipped)) {
            p.load(r);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        map.put("service.pid", "io.nautilus.notify");
        map.put("felix.fileinstall.filename", "file:/etc/io.nautilus.notify.cfg");

        NotifyConfig config = NotifyConfig.parse(map);

        assertThat(config.receivers()).containsOnlyKeys("email", "webhook", "slack", "sms", "ui");
        assertThat(config.receivers().get("email").enabled()).isFalse();
        assertThat(config.receivers().get("ui").enabled()).isTrue();
        assertThat(config.receivers().get("sms").secrets()).containsOnlyKeys("password");
        assertThat(config.receivers().get("sms").settings()).containsKeys("to", "from", "username");
        assertThat(config.receivers().get("email").rate()).isEqualTo(new RateLimit(20, Duration.ofMinutes(1)));
        assertThat(config.channelRates()).containsEntry("email", new RateLimit(60, Duration.ofMinutes(1)));
        assertThat(config.routes()).extracting(RouteConfig::number).containsExactly(1, 2, 3);
        RouteConfig critical = config.routes().get(0);
        assertThat(critical.groupWait()).isZero();
        assertThat(critical.escalations()).containsExactly(
                new EscalationLevel(1, Duration.ofMinutes(5), List.of("sms")));
        assertThat(critical.match()).containsExactly(LabelMatcher.parse("severity=CRITICAL"));
        assertThat(config.inhibitions()).hasSize(1);
        assertThat(config.inhibitions().get(0).equal()).containsExactly("venue");
        assertThat(config.receivers().get("webhook").retry()).isEqualTo(RetryConfig.DEFAULT);
    }

    @Test
    void theTwoReadmeLinesAreEnoughForAMailboxAndAWebhook() {
        NotifyConfig config = NotifyConfig.parse(lines(
                "receiver.email.url = smtp://mail.example.com:587?to=ops@example.com&from=nautilus@example.com",
                "receiver.webhook.url = https://hooks.example.com/nautilus",
                "route.1.receivers = email, webhook"));

        assertThat(config.receivers().get("email").channel()).isEqualTo("email");
        assertThat(config.receivers().get("webhook").enabled()).isTrue();
        assertThat(config.routes().get(0).groupWait()).isEqualTo(NotifyConfig.DEFAULT_GROUP_WAIT);
    }

    @Test
    void routesAreOrderedByNumberNotByText() {
        NotifyConfig config = NotifyConfig.parse(lines("receiver.ui.channel = ui", "route.10.receivers = ui",
                "route.2.receivers = ui", "route.1.receivers = ui"));

        assertThat(config.routes()).extracting(RouteConfig::number).containsExactly(1, 2, 10);
    }

    @Test
    void receiverRetriesOverrideTheDefaults() {
        NotifyConfig config = NotifyConfig.parse(lines("retries = 5", "backoff = 2s..1m",
                "receiver.hook.channel = webhook", "receiver.hook.url = http://127.0.0.1:1/x",
                "receiver.hook.retries = 3", "receiver.hook.timeout = 2s"));

        RetryConfig retry = config.receivers().get("hook").retry();
        assertThat(retry.maxAttempts()).isEqualTo(3);
        assertThat(retry.initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void matchersMaySplitOnCommasButRegexCommasStay() {
        assertThat(NotifyConfig.matchers("severity=CRITICAL, key=~risk-.{1,3}"))
                .containsExactly(LabelMatcher.parse("severity=CRITICAL"), LabelMatcher.parse("key=~risk-.{1,3}"));
    }

    @Test
    void durationsAndRates() {
        assertThat(NotifyConfig.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(NotifyConfig.duration("0")).isZero();
        assertThat(NotifyConfig.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(NotifyConfig.rateLimit("10/m")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
        assertThat(NotifyConfig.rateLimit("none").unlimited()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> NotifyConfig.duration("99999999999999999999d"))
                .withMessage("'99999999999999999999d' is longer than 3650d");
        assertThatIllegalArgumentException().isThrownBy(() -> NotifyConfig.duration("3651d"))
                .withMessage("'3651d' is longer than 3650d");
        assertThatIllegalArgumentException().isThrownBy(() -> NotifyConfig.rateLimit("99999999999/1m"))
                .withMessageStartingWith("'99999999999/1m' is not a rate");
    }

    @Test
    void aBadDurationNamesTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.ui.channel = ui", "route.1.receivers = ui",
                        "route.1.group_wait = 10x")))
                .withMessage("route.1.group_wait = 10x: '10x' is not a duration (write e.g. 0, 500ms, 10s, 5m, 1h)");
    }

    @Test
    void anUnknownReceiverInARouteIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.ui.channel = ui",
                        "route.1.receivers = ui, pager")))
                .withMessage("route.1.receivers = ui, pager: no receiver named 'pager' (configure"
                        + " receiver.pager.channel or .url)");
    }

    @Test
    void badInputIsRefusedWithOneLineNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("recevier.email.url = smtp://x")))
                .withMessageStartingWith("recevier.email.url = smtp://x: unknown key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.ui.channel = ui", "route.1.receivers = ui",
                        "route.1.match = severity=~[")))
                .withMessageStartingWith("route.1.match = severity=~[: matcher 'severity=~[': bad regular"
                        + " expression");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.ui.channel = ui", "route.1.receivers = ui",
                        "route.1.escalate.2.after = 5m", "route.1.escalate.2.receivers = ui")))
                .withMessageContaining("level 1 is missing");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.ui.channel = ui", "route.x.receivers = ui")))
                .withMessage("route.x.receivers: a route is numbered 1, 2, 3, ... ('x' is not)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.sms.rate = 5 per minute")))
                .withMessageStartingWith("receiver.sms.rate = 5 per minute: '5 per minute' is not a rate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("inhibit.1.source = key=~venue-down:.*")))
                .withMessage("inhibit.1.target: missing: at least one matcher");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("receiver.ui.channel = ui", "route.1.receivers = ui",
                        "route.1.continue = yes")))
                .withMessage("route.1.continue = yes: write true or false");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifyConfig.parse(lines("route.1.group_wait = 0s")))
                .withMessageStartingWith("route.1.receivers: missing");
    }

    @Test
    void secretsNeverAppearInTheReceiversText() {
        NotifyConfig config = NotifyConfig.parse(lines("receiver.hook.channel = webhook",
                "receiver.hook.url = https://h/x", "receiver.hook.secret = s3cr3t-value"));

        assertThat(config.receivers().get("hook").secrets()).containsEntry("secret", "s3cr3t-value");
        assertThat(config.toString()).doesNotContain("s3cr3t-value");
    }
}
