package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.platform.RouteInfo;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.camel.CamelContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Boots the built Nautilus distribution (karaf-assembly's tar.gz) and checks it as an admin would: every bundle
 * active, Camel up, drop-in routes hot-loaded and removed, a broken route file rejected without touching others,
 * {@code nautilus:status} answering, and the admin credential stored hashed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    private static final long WAIT_MILLIS = 2_000;
    private static final String ADMIN_PASSWORD = "itest-Secret-42";

    @Inject
    private BundleContext bundleContext;

    @Inject
    @Filter(timeout = 120_000)
    private RouteAdminService routeAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camelContext;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    private final List<Path> created = new java.util.ArrayList<>();

    @Configuration
    public Option[] config() {
        // the archive this build just made (not a copy in the local repository, which `mvn verify` does not update)
        String distribution = new File(System.getProperty("nautilus.distribution")).toURI().toString();
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution).name("Nautilus")
                    .karafVersion(System.getProperty("karaf.version")).unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // the distribution resolves from system/ only; Pax Exam's own bundles come from the local repository
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@snapshots@id=karaf.system,file:" + localRepo
                            + "@snapshots@id=local"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepo),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
        };
    }

    @After
    public void removeCreatedFiles() throws IOException {
        for (Path p : created) {
            Files.deleteIfExists(p);
        }
    }

    @Test
    public void everyBundleIsActive() throws InterruptedException {
        // Pax Exam installs its own bundles after boot, which refreshes a few; wait (bounded) for that to settle
        long deadline = System.nanoTime() + 60_000_000_000L;
        String notActive = notActive();
        while (!notActive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            notActive = notActive();
        }
        assertEquals("bundles not active:\n" + notActive, "", notActive);
        for (String name : List.of("io.nautilus.api", "io.nautilus.camel", "io.nautilus.security", "io.nautilus.shell")) {
            assertTrue(name + " installed", List.of(bundleContext.getBundles()).stream()
                    .anyMatch(b -> name.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
        }
    }

    @Test
    public void camelContextIsUpWithTheExampleRoute() {
        assertTrue("camel started: " + camelContext.getStatus(), camelContext.getStatus().isStarted());
        RouteInfo heartbeat = route("example-heartbeat").orElseThrow(() -> new AssertionError(
                "example route missing: " + routeAdmin.routes()));
        assertEquals("Started", heartbeat.status());
        assertEquals("heartbeat.yaml", heartbeat.source());
    }

    @Test
    public void droppedRouteStartsWithinTwoSecondsRunsAndStopsWhenDeleted() throws Exception {
        Path file = routeAdmin.routeDirectory().resolve("itest-ticker.yaml");
        write(file, """
                - route:
                    id: itest-ticker
                    from:
                      uri: timer:itest-ticker
                      parameters:
                        period: 50
                      steps:
                        - setBody:
                            constant: tick
                """);
        long start = System.nanoTime();
        await(() -> route("itest-ticker").filter(r -> "Started".equals(r.status())).isPresent(), WAIT_MILLIS,
                "route from a dropped file started");
        long startedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue("started in " + startedMillis + " ms", startedMillis <= WAIT_MILLIS);
        await(() -> route("itest-ticker").map(r -> r.exchangesTotal() > 0).orElse(false), 5_000,
                "route processed exchanges");

        Files.delete(file);
        await(() -> route("itest-ticker").isEmpty() && camelContext.getRoute("itest-ticker") == null, WAIT_MILLIS,
                "route removed after its file was deleted");
        assertTrue("example route untouched", route("example-heartbeat").isPresent());
    }

    @Test
    public void brokenRouteFileIsReportedWithLineAndChangesNothingElse() throws Exception {
        RouteInfo before = route("example-heartbeat").orElseThrow();
        Path good = routeAdmin.routeDirectory().resolve("itest-good.yaml");
        write(good, """
                - route:
                    id: itest-good
                    from:
                      uri: timer:itest-good
                      parameters:
                        period: 1000
                      steps:
                        - log: good
                """);
        await(() -> route("itest-good").isPresent(), WAIT_MILLIS, "good route started");

        Path broken = routeAdmin.routeDirectory().resolve("itest-broken.yaml");
        write(broken, """
                - route:
                    id: itest-broken
                    from:
                      uri: timer:itest-broken
                      steps:
                        - log: "unterminated
                          - to: log:x
                     bad-indent: [
                """);
        await(() -> fileState("itest-broken.yaml").filter(f -> f.state() == RouteFile.State.FAILED).isPresent(),
                WAIT_MILLIS, "broken file reported FAILED");
        RouteFile failed = fileState("itest-broken.yaml").orElseThrow();
        assertTrue("error names the file: " + failed.error(), failed.error().contains("itest-broken.yaml"));
        assertTrue("error has a line: " + failed, failed.errorLine() > 0);
        assertFalse(route("itest-broken").isPresent());
        assertTrue("other file's route still runs", route("itest-good").filter(r -> "Started".equals(r.status())).isPresent());
        RouteInfo after = route("example-heartbeat").orElseThrow();
        assertEquals("Started", after.status());
        assertTrue("example route was not restarted", after.uptimeMillis() >= before.uptimeMillis());

        String output = execute("nautilus:routes");
        assertTrue(output, output.contains("itest-broken.yaml") && output.contains("FAILED"));
    }

    @Test
    public void statusCommandListsEnginesAndRoutes() throws Exception {
        String output = execute("nautilus:status");
        assertTrue(output, output.contains("Platform: READY"));
        for (String expected : List.of("io.nautilus.api", "io.nautilus.camel", "io.nautilus.security",
                "io.nautilus.shell", "ACTIVE", "example-heartbeat", "heartbeat.yaml", "Started")) {
            assertTrue("status shows " + expected + ":\n" + output, output.contains(expected));
        }
    }

    @Test
    public void adminCredentialFromTheEnvironmentIsStoredHashed() throws Exception {
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        String text = Files.readString(users, StandardCharsets.UTF_8);
        assertTrue(text, text.lines().anyMatch(l -> l.startsWith("admin") && l.contains("{CRYPT}")));
        assertFalse("clear password written to users.properties", text.contains(ADMIN_PASSWORD));
    }

    private Optional<RouteInfo> route(String id) {
        return routeAdmin.routes().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private Optional<RouteFile> fileState(String name) {
        return routeAdmin.routeFiles().stream().filter(f -> f.fileName().equals(name)).findFirst();
    }

    private void write(Path file, String content) throws IOException {
        created.add(file);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    public void theTradingCoreMatchesOrdersFromItsServiceAndTheShellShowsThem() throws Exception {
        await(() -> core.instruments().stream().anyMatch(i -> i.symbol().equals("SIM-ETH")), 60_000,
                "instruments from etc/io.nautilus.core.instruments.cfg");
        InstrumentId eth = InstrumentId.of("SIM-ETH");
        long id = System.nanoTime();
        CommandResult bid = core.submit(NewOrder.limit(id, AccountId.of("desk-1"), null, eth, Side.BUY,
                199_950, 2_000)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(bid.describe(), bid.accepted());
        CommandResult ask = core.submit(new NewOrder(id + 1, AccountId.of("mm-1"), null, eth, Side.SELL,
                io.nautilus.api.OrderType.LIMIT, TimeInForce.IOC, 199_950, io.nautilus.api.instrument.FixedPoint.NULL,
                500, 0, 0, 0)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(ask.describe(), ask.accepted());
        assertTrue("fill reports: " + ask.reports(), ask.reports().stream()
                .anyMatch(r -> r.execType() == ExecType.FILL && r.lastQuantity() == 500 && r.lastPrice() == 199_950));
        CommandResult tooBig = core.submit(NewOrder.limit(id + 2, AccountId.of("desk-1"), null, eth, Side.BUY,
                199_950, 500_000)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse("a risk limit rejects it", tooBig.accepted());
        assertTrue(tooBig.describe(), tooBig.describe().contains("maxOrderQty"));

        String book = execute("nautilus:book SIM-ETH");
        assertTrue(book, book.contains("1999.50") && book.contains("1.500"));
        String positions = execute("nautilus:positions mm-1");
        assertTrue(positions, positions.contains("SIM-ETH") && positions.contains("-0.500"));
    }

    @Test
    public void theSyntheticFeedRouteDrivesTheMarketDataEngine() throws Exception {
        // camel-routes/synthetic-feed.yaml may load before the market-data bundle registers its Camel components;
        // the bundle then loads the failed file again, so the route ends up started
        await(() -> route("md-synthetic-feed").map(r -> "Started".equals(r.status())).orElse(false), 60_000,
                "synthetic feed route started: " + routeAdmin.routeFiles());
        long deadline = System.nanoTime() + 60_000_000_000L;
        String md = execute("nautilus:md");
        while (!(md.contains("SIM-BTC") && md.contains("SIM-ETH") && md.contains("synthetic"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            md = execute("nautilus:md");
        }
        assertTrue(md, md.contains("SIM-BTC") && md.contains("SIM-ETH") && md.contains("synthetic"));
    }

    private String notActive() {
        StringBuilder notActive = new StringBuilder();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.append(b.getSymbolicName()).append(" state ").append(b.getState()).append('\n');
            }
        }
        return notActive.toString();
    }

    private static void await(Supplier<Boolean> condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("manager"));
        subject.getPrincipals().add(new RolePrincipal("viewer"));
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        out.flush();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertNotNull(text);
        return text;
    }
}
