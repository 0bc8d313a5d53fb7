package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.NotificationService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The notification engine in the running platform: a real SMTP server (GreenMail) and a real webhook receiver (the
 * JDK's HTTP server, checking each post's HMAC signature) on 127.0.0.1, the e-mail and webhook receivers pointed at
 * them through Config Admin. A risk limit lowered from the shell below a position the account holds and a venue
 * disconnected from the shell each end up as an e-mail and a signed webhook post, are listed by
 * {@code nautilus:alerts list}, and {@code nautilus:alerts ack} stops the escalation of the acknowledged one while
 * the other escalates. {@code nautilus:alerts test} reaches the webhook; a rule file with an error is refused and the
 * rules in force keep working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class NotifyIT {

    private static final String PID = "io.nautilus.notify";
    private static final InstrumentId ACME = InstrumentId.of("SIM-ACME");
    private static final AccountId DESK = AccountId.of("desk-1");
    private static final String VENUE = "NTFY";
    private static final String RISK_LIMIT = "account.desk-1.instrument.SIM-ACME.maxPosition";
    /** How long an unacknowledged incident waits before the on-call receiver is told. */
    private static final int ESCALATE_SECONDS = 20;

    @Inject
    @Filter(timeout = 120_000)
    private NotificationService notifications;

    @Inject
    @Filter(timeout = 120_000)
    private AlertService alerts;

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private VenueAdminService venues;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    private NotifyPeers peers;

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18107");
        Option[] options = Arrays.copyOf(base, base.length + 4);
        // the SMTP server of the test: GreenMail on Jakarta Mail (the platform's own mail classes are private to the
        // io.nautilus.camel bundle)
        options[base.length] = mavenBundle("jakarta.activation", "jakarta.activation-api",
                System.getProperty("itest.activation.version"));
        options[base.length + 1] = mavenBundle("org.eclipse.angus", "angus-activation",
                System.getProperty("itest.angus.activation.version"));
        options[base.length + 2] = mavenBundle("org.eclipse.angus", "jakarta.mail",
                System.getProperty("itest.angus.mail.version"));
        options[base.length + 3] = mavenBundle("com.icegreen", "greenmail", System.getProperty("itest.greenmail.version"));
        return options;
    }

    /**
     * Points the receivers at this test's peers, with a route that tells them at once about the core's and the
     * venues' alerts and escalates to an on-call webhook; returns once the engine uses them.
     */
    private void pointReceiversAtPeers() throws Exception {
        configure(rules());
        Await.until(() -> notifications.receivers().stream().anyMatch(r -> r.name().equals("webhook") && r.enabled()
                        && r.address().contains(Integer.toString(peers.httpPort))), 30_000,
                "the receivers from Config Admin: " + notifications.receivers());
        Await.until(() -> notifications.status().configError().isEmpty(), 30_000,
                "the rules taken: " + notifications.status());
    }

    /** The test's receivers and route, in the keys of etc/io.nautilus.notify.cfg. */
    private Map<String, String> rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        // the README's two lines, plus the webhook's signing key
        rules.put("receiver.email.url", "smtp://127.0.0.1:" + peers.smtpPort + "?to=" + NotifyPeers.TO + "&from="
                + NotifyPeers.FROM);
        rules.put("receiver.webhook.url", "http://127.0.0.1:" + peers.httpPort + "/webhook");
        rules.put("receiver.webhook.secret", NotifyPeers.SECRET);
        rules.put("receiver.oncall.channel", "webhook");
        rules.put("receiver.oncall.url", "http://127.0.0.1:" + peers.httpPort + "/oncall");
        rules.put("receiver.oncall.secret", NotifyPeers.SECRET);
        rules.put("backoff", "200ms..2s");
        rules.put("route.1.match", "source=~core|venues");
        rules.put("route.1.receivers", "email, webhook");
        rules.put("route.1.group_by", "key");
        rules.put("route.1.group_wait", "0s");
        rules.put("route.1.group_interval", "1m");
        rules.put("route.1.repeat_interval", "1h");
        rules.put("route.1.escalate.1.after", ESCALATE_SECONDS + "s");
        rules.put("route.1.escalate.1.receivers", "oncall");
        return rules;
    }

    /** Replaces the engine's configuration: the shipped file's keys other than routes, then {@code rules}. */
    private void configure(Map<String, String> rules) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!key.startsWith("route.")) {
                    next.put(key, properties.get(key));
                }
            }
        }
        next.putAll(rules);
        configuration.update(next);
    }

    @Test
    public void a_riskBreachAndVenueDisconnectReachEmailAndWebhookAndAckStopsEscalation() throws Exception {
        try (NotifyPeers started = new NotifyPeers()) {
            peers = started;
            pointReceiversAtPeers();
            riskBreachAndVenueDisconnect();
        }
    }

    private void riskBreachAndVenueDisconnect() throws Exception {
        factory("io.nautilus.simvenue.gateway", VENUE, Map.of("venue.id", VENUE, "latency.ms", "1",
                "latency.jitter.ms", "0"));
        Await.until(() -> stateOf(VENUE) == ConnectionState.LOGGED_ON, 60_000, "venue " + VENUE + " logged on: "
                + venues.venues());

        // desk-1 buys 20 SIM-ACME from desk-2, then its limit is lowered from the shell below that position
        Await.until(() -> core.instrument(ACME).isPresent(), 60_000, "SIM-ACME defined");
        long id = System.nanoTime();
        CommandResult bid = core.submit(NewOrder.limit(id, DESK, null, ACME, Side.BUY, 9_950, 20))
                .get(10, TimeUnit.SECONDS);
        assertTrue(bid.describe(), bid.accepted());
        CommandResult ask = core.submit(new NewOrder(id + 1, AccountId.of("desk-2"), null, ACME, Side.SELL,
                OrderType.LIMIT, TimeInForce.IOC, 9_950, FixedPoint.NULL, 20, 0, 0, 0)).get(10, TimeUnit.SECONDS);
        assertTrue(ask.describe(), ask.accepted());
        Await.until(() -> core.position(DESK, ACME).map(p -> p.boughtQuantity() == 20).orElse(false), 10_000,
                "desk-1 long 20 SIM-ACME");
        long breachRaised = System.nanoTime();
        shell("config:property-set -p io.nautilus.core.risk " + RISK_LIMIT + " 5");
        try {
            Predicate<AlertView> isBreach = a -> a.alert().source().equals(AlertService.CORE)
                    && DESK.value().equals(a.alert().label(Alert.ACCOUNT));
            AlertView breach = awaitAlert(isBreach, "a core alert for desk-1 after its limit was lowered below its"
                    + " position");
            awaitTold(breach, "/webhook");
            System.out.println("notify itest: risk breach " + breach.displayId() + " " + breach.key() + " told by"
                    + " e-mail and webhook " + (System.nanoTime() - breachRaised) / 1_000_000 + " ms after the"
                    + " limit was set");

            String acked = shell("nautilus:alerts ack " + breach.displayId() + " itest: looking at it");
            assertTrue(acked, acked.contains(breach.displayId()));
            Await.until(() -> notifications.alert(breach.displayId()).map(a -> a.state() == AlertState.ACKNOWLEDGED)
                    .orElse(false), 10_000, "acknowledged: " + notifications.alert(breach.displayId()));

            shell("nautilus:venue-disconnect " + VENUE);
            AlertView down = awaitAlert(a -> a.key().equals("venue-down:" + VENUE), "venue-down:" + VENUE);
            assertEquals(Severity.CRITICAL, down.alert().severity());
            assertEquals(VENUE, down.alert().label(Alert.VENUE));
            awaitTold(down, "/webhook");

            String listed = shell("nautilus:alerts list");
            assertTrue(listed, listed.contains(breach.displayId()) && listed.contains(down.displayId())
                    && listed.contains("venue-down:" + VENUE) && listed.contains(breach.key()));

            // the venue's incident, raised after the breach was acknowledged, escalates to on-call; the breach not
            Await.until(() -> posted("/oncall", down.key()), (ESCALATE_SECONDS + 30) * 1000L,
                    "venue-down escalated to on-call: " + peers.posts("/oncall"));
            assertFalse("the acknowledged breach did not escalate: " + peers.posts("/oncall"),
                    posted("/oncall", breach.key()));
            assertEquals(0, notifications.alert(breach.displayId()).orElseThrow().escalationLevel());
            assertTrue(notifications.alert(down.displayId()).orElseThrow().escalationLevel() >= 1);
            assertTrue("every post signed: " + peers.allPosts(),
                    peers.allPosts().stream().allMatch(NotifyPeers.Post::signed));

            shell("nautilus:venue-connect " + VENUE);
            Await.until(() -> notifications.alert(down.displayId()).map(a -> a.state() == AlertState.RESOLVED)
                    .orElse(false), 60_000, "venue-down resolved at logon: " + notifications.alert(down.displayId()));
        } finally {
            shell("config:property-delete -p io.nautilus.core.risk " + RISK_LIMIT);
        }
    }

    @Test
    public void b_aRuleFileWithAnErrorIsRefusedAndTheRulesInForceStay() throws Exception {
        try (NotifyPeers started = new NotifyPeers()) {
            peers = started;
            pointReceiversAtPeers();
            badRuleFile();
        }
    }

    private void badRuleFile() throws Exception {
        String tested = shell("nautilus:alerts test webhook");
        assertTrue(tested, tested.contains("DELIVERED"));
        Await.until(() -> peers.posts("/webhook").stream().anyMatch(NotifyPeers.Post::signed), 10_000,
                "the test message posted and signed: " + peers.allPosts());

        Path file = Path.of(System.getProperty("karaf.etc"), PID + ".cfg");
        String good = Files.readString(file);
        try {
            write(file, good + "\nroute.1.group_wait = soon\n");
            Await.until(() -> notifications.status().configError().contains("group_wait"), 30_000,
                    "the bad file refused: " + notifications.status());
            String status = shell("nautilus:alerts status");
            assertTrue(status, status.contains("group_wait"));

            alerts.raise(new Alert("itest-after-bad-rules", Severity.WARNING, AlertService.CORE,
                    "raised while a bad rule file is refused", System.currentTimeMillis() * 1_000_000L));
            Await.until(() -> posted("/webhook", "itest-after-bad-rules"), 30_000,
                    "the rules in force still route to the webhook: " + peers.posts("/webhook"));
            Await.until(() -> peers.mails().stream().anyMatch(m -> m.contains("itest-after-bad-rules")), 30_000,
                    "and to the e-mail receiver: " + peers.mails());
            assertTrue(peers.recipients().stream().allMatch(to -> to.contains(NotifyPeers.TO)));
        } finally {
            write(file, good);
        }
        Await.until(() -> notifications.status().configError().isEmpty(), 30_000, "the good file taken again: "
                + notifications.status());
    }

    /** Waits for an incident the predicate accepts and returns it. */
    private AlertView awaitAlert(Predicate<AlertView> wanted, String what) {
        Supplier<Optional<AlertView>> find = () -> notifications.alerts(true, 200).stream().filter(wanted)
                .findFirst();
        Await.until(() -> find.get().isPresent(), 30_000, what + ": " + notifications.alerts(true, 200));
        return find.get().orElseThrow();
    }

    /** Waits until an incident reached the mailbox and the webhook path, each naming its key. */
    private void awaitTold(AlertView incident, String path) {
        Await.until(() -> posted(path, incident.key()), 30_000, incident.key() + " posted to " + path + ": "
                + peers.allPosts() + " deliveries " + notifications.deliveries(incident.displayId(), 20));
        Await.until(() -> peers.mails().stream().anyMatch(m -> m.contains(incident.key())), 30_000,
                incident.key() + " e-mailed: " + peers.mails() + " deliveries "
                        + notifications.deliveries(incident.displayId(), 20));
    }

    private boolean posted(String path, String text) {
        return peers.posts(path).stream().anyMatch(p -> p.body().contains(text));
    }

    private ConnectionState stateOf(String venue) {
        return venues.venues().stream().filter(v -> v.session().venue().value().equals(venue)).findFirst()
                .map(v -> v.session().state()).orElse(ConnectionState.DOWN);
    }

    private void factory(String factoryPid, String name, Map<String, String> values) throws Exception {
        configurationAdmin.getFactoryConfiguration(factoryPid, name, "?").update(new Hashtable<>(values));
    }

    private static void write(Path file, String content) throws java.io.IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs a shell command as an admin and returns what it printed; waits for a command that is not there yet. */
    private String shell(String command) throws Exception {
        return new AdminShell(sessionFactory).execute(command);
    }
}
