package io.nautilus.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.platform.RouteInfo;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteFileWatcherTest {

    /** A change must be picked up within this bound (the platform's promise to integrators). */
    private static final Duration REACTION = Duration.ofSeconds(2);
    /** Generous bound for waits whose speed is not what the test is about. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static final String HEARTBEAT = """
            - route:
                id: heartbeat
                from:
                  uri: timer:heartbeat
                  parameters:
                    period: 10000
                  steps:
                    - setBody:
                        simple: "nautilus heartbeat ${date:now:yyyy-MM-dd'T'HH:mm:ss}"
                    - log: "${body}"
            """;

    @TempDir
    Path directory;

    private DefaultCamelContext context;
    private RouteFileWatcher watcher;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        context.stop();
    }

    @Test
    void loadsTheRouteFilesPresentAtStart() throws IOException {
        write("heartbeat.yaml", HEARTBEAT);
        write("other.yml", route("other", "timer:other?period=10000"));

        startWatcher();

        assertThat(context.getRoute("heartbeat")).isNotNull();
        assertThat(status("heartbeat")).isEqualTo(ServiceStatus.Started);
        assertThat(status("other")).isEqualTo(ServiceStatus.Started);
        assertThat(watcher.routeFiles()).extracting(RouteFile::fileName, RouteFile::state, RouteFile::routeIds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("heartbeat.yaml", RouteFile.State.LOADED,
                                List.of("heartbeat")),
                        org.assertj.core.groups.Tuple.tuple("other.yml", RouteFile.State.LOADED, List.of("other")));
        assertThat(context.getRoute("heartbeat").getSourceResource().getLocation())
                .isEqualTo("file:" + directory.resolve("heartbeat.yaml").toAbsolutePath().normalize());
    }

    @Test
    void aNewFileStartsItsRouteWithinTwoSeconds() throws IOException {
        startWatcher();

        write("heartbeat.yaml", HEARTBEAT);

        await().atMost(REACTION).until(() -> status("heartbeat") == ServiceStatus.Started);
        assertThat(watcher.routes()).extracting(RouteInfo::id, RouteInfo::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("heartbeat", "heartbeat.yaml"));
    }

    @Test
    void modifyingAFileReplacesOnlyItsRoutes() throws IOException {
        write("a.yaml", route("a", "timer:a?period=10000"));
        write("b.yaml", route("b", "timer:b?period=10000"));
        startWatcher();
        Route routeA = context.getRoute("a");
        Route routeB = context.getRoute("b");

        write("a.yaml", route("a", "timer:a2?period=10000") + route("a-extra", "timer:a3?period=10000"));

        await().atMost(REACTION).until(() -> context.getRoute("a") != routeA && context.getRoute("a-extra") != null);
        assertThat(context.getRoute("a").getEndpoint().getEndpointUri()).startsWith("timer://a2");
        assertThat(context.getRoute("b")).isSameAs(routeB);
        assertThat(status("b")).isEqualTo(ServiceStatus.Started);
        assertThat(fileState("a.yaml").routeIds()).containsExactly("a", "a-extra");
    }

    @Test
    void deletingAFileRemovesExactlyItsRoutes() throws IOException {
        write("gone.yaml", unnamedRoute("timer:g1?period=10000") + unnamedRoute("timer:g2?period=10000"));
        write("kept.yaml", route("kept", "timer:kept?period=10000"));
        startWatcher();
        List<String> goneIds = fileState("gone.yaml").routeIds();
        assertThat(goneIds).hasSize(2).allSatisfy(id -> assertThat(context.getRoute(id)).isNotNull());
        Route kept = context.getRoute("kept");

        Files.delete(directory.resolve("gone.yaml"));

        await().atMost(REACTION).until(() -> goneIds.stream().allMatch(id -> context.getRoute(id) == null));
        assertThat(context.getRoutes()).containsExactly(kept);
        assertThat(context.getRouteDefinitions()).extracting(RouteDefinition::getRouteId).containsExactly("kept");
        assertThat(watcher.routeFiles()).extracting(RouteFile::fileName).containsExactly("kept.yaml");
    }

    @Test
    void malformedYamlIsReportedWithFileAndLineWhileOtherRoutesRun() throws IOException {
        write("good.yaml", route("good", "timer:good?period=10000"));
        startWatcher();
        Route good = context.getRoute("good");

        // line 5 puts a mapping value where a plain scalar already ended: a YAML syntax error
        write("broken.yaml", """
                - route:
                    id: broken
                    from:
                      uri: timer:broken
                      steps: - log: oops
                """);

        await().atMost(REACTION).until(() -> hasFile("broken.yaml"));
        RouteFile broken = fileState("broken.yaml");
        assertThat(broken.state()).isEqualTo(RouteFile.State.FAILED);
        assertThat(broken.errorLine()).isEqualTo(5);
        assertThat(broken.error()).startsWith("broken.yaml line 5: ").doesNotContain(": :");
        assertThat(broken.routeIds()).isEmpty();
        assertThat(context.getRoute("broken")).isNull();
        assertThat(context.getRoute("good")).isSameAs(good);
        assertThat(status("good")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void anUnknownDslStepIsReportedAtItsLine() throws IOException {
        startWatcher();

        write("dsl.yaml", """
                - route:
                    id: dsl
                    from:
                      uri: timer:dsl
                      steps:
                        - log: "fine"
                        - notAStep:
                            foo: bar
                """);

        await().atMost(REACTION).until(() -> hasFile("dsl.yaml"));
        assertThat(fileState("dsl.yaml").state()).isEqualTo(RouteFile.State.FAILED);
        assertThat(fileState("dsl.yaml").errorLine()).isEqualTo(7);
        assertThat(fileState("dsl.yaml").error()).contains("dsl.yaml line 7").contains("notAStep");
        assertThat(context.getRoute("dsl")).isNull();
    }

    @Test
    void anUnknownComponentFailsTheWholeFileAndLeavesNoHalfAddedRoute() throws IOException {
        write("good.yaml", route("good", "timer:good?period=10000"));
        startWatcher();

        String twoRoutes = route("first", "timer:first?period=10000") + """
                - route:
                    id: second
                    from:
                      uri: timer:second
                      steps:
                        - log: "before"
                        - to: "nosuchcomponent:somewhere"
                """;
        write("unknown.yaml", twoRoutes);

        await().atMost(REACTION).until(() -> hasFile("unknown.yaml"));
        RouteFile unknown = fileState("unknown.yaml");
        assertThat(unknown.state()).isEqualTo(RouteFile.State.FAILED);
        assertThat(unknown.error()).contains("unknown.yaml line 13").contains("nosuchcomponent");
        assertThat(unknown.errorLine()).isEqualTo(13);
        assertThat(context.getRoute("first")).as("route 1 of the failed file is rolled back").isNull();
        assertThat(context.getRouteDefinitions()).extracting(RouteDefinition::getRouteId).containsExactly("good");
        assertThat(status("good")).isEqualTo(ServiceStatus.Started);

        write("unknown.yaml", twoRoutes.replace("nosuchcomponent:somewhere", "log:fixed"));

        await().atMost(REACTION).until(() -> fileState("unknown.yaml").state() == RouteFile.State.LOADED);
        assertThat(status("first")).isEqualTo(ServiceStatus.Started);
        assertThat(status("second")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aBrokenEditKeepsThePreviousVersionRunningUntouched() throws IOException {
        write("edit.yaml", route("edit", "timer:edit?period=10000"));
        startWatcher();
        Route running = context.getRoute("edit");

        write("edit.yaml", route("edit", "timer:edit?period=10000") + "  - : [\n");

        await().atMost(REACTION).until(() -> fileState("edit.yaml").state() == RouteFile.State.FAILED);
        assertThat(context.getRoute("edit")).isSameAs(running);
        assertThat(status("edit")).isEqualTo(ServiceStatus.Started);
        assertThat(fileState("edit.yaml").routeIds()).containsExactly("edit");
    }

    @Test
    void anEditThatCannotStartRestoresThePreviousVersion() throws IOException {
        write("edit.yaml", route("edit", "timer:edit?period=10000"));
        startWatcher();

        write("edit.yaml", route("edit", "nosuchcomponent:edit"));

        await().atMost(REACTION).until(() -> fileState("edit.yaml").state() == RouteFile.State.FAILED);
        assertThat(fileState("edit.yaml").error()).contains("previous version was restored");
        assertThat(status("edit")).isEqualTo(ServiceStatus.Started);
        assertThat(context.getRoute("edit").getEndpoint().getEndpointUri()).startsWith("timer://edit");
        assertThat(fileState("edit.yaml").routeIds()).containsExactly("edit");
    }

    @Test
    void aDuplicateRouteIdInASecondFileIsRejectedForThatFile() throws IOException {
        write("first.yaml", route("shared", "timer:first?period=10000"));
        startWatcher();
        Route original = context.getRoute("shared");

        write("second.yaml", route("own", "timer:own?period=10000") + route("shared", "timer:second?period=10000"));

        await().atMost(REACTION).until(() -> hasFile("second.yaml"));
        RouteFile second = fileState("second.yaml");
        assertThat(second.state()).isEqualTo(RouteFile.State.FAILED);
        assertThat(second.error()).contains("route id 'shared'").contains("first.yaml");
        assertThat(second.errorLine()).isEqualTo(7);
        assertThat(context.getRoute("shared")).isSameAs(original);
        assertThat(context.getRoute("own")).isNull();
        assertThat(fileState("first.yaml").state()).isEqualTo(RouteFile.State.LOADED);
    }

    @Test
    void reloadRejectsNamesOutsideTheRouteFolder() throws IOException {
        startWatcher();

        assertThatThrownBy(() -> watcher.reload("../escape.yaml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("..");
        assertThatThrownBy(() -> watcher.reload("sub/route.yaml")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> watcher.reload("missing.yaml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.yaml");
        assertThatThrownBy(() -> watcher.reload("notes.txt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reloadAndReloadAllLoadFromDisk() throws IOException {
        write("one.yaml", route("one", "timer:one?period=10000"));
        startWatcher();
        Route before = context.getRoute("one");

        RouteFile reloaded = watcher.reload("one.yaml");

        assertThat(reloaded.state()).isEqualTo(RouteFile.State.LOADED);
        assertThat(context.getRoute("one")).isNotSameAs(before);
        assertThat(watcher.reloadAll()).extracting(RouteFile::fileName).containsExactly("one.yaml");
    }

    @Test
    void ignoresHiddenTemporaryAndNonYamlFiles() throws IOException {
        startWatcher();

        write(".hidden.yaml", route("hidden", "timer:hidden?period=10000"));
        write("backup.yaml~", route("backup", "timer:backup?period=10000"));
        write("#autosave.yaml#", route("autosave", "timer:autosave?period=10000"));
        write("notes.txt", route("notes", "timer:notes?period=10000"));
        write("real.yaml", route("real", "timer:real?period=10000"));

        await().atMost(REACTION).until(() -> hasFile("real.yaml"));
        assertThat(watcher.routeFiles()).extracting(RouteFile::fileName).containsExactly("real.yaml");
        assertThat(context.getRoutes()).extracting(Route::getRouteId).containsExactly("real");
    }

    @Test
    void routesReportStatusUptimeAndExchangeCounts() throws IOException {
        write("busy.yaml", route("busy", "timer:busy?period=20"));
        write("failing.yaml", """
                - route:
                    id: failing
                    from:
                      uri: timer:failing?period=20
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: boom
                """);
        startWatcher();

        await().atMost(SETTLE).until(() -> info("busy").exchangesTotal() >= 3 && info("failing").exchangesFailed() >= 3);
        RouteInfo busy = info("busy");
        assertThat(busy.status()).isEqualTo("Started");
        assertThat(busy.source()).isEqualTo("busy.yaml");
        assertThat(busy.endpoint()).startsWith("timer://busy");
        assertThat(busy.exchangesFailed()).isZero();
        assertThat(busy.uptimeMillis()).isPositive();
        RouteInfo failing = info("failing");
        assertThat(failing.exchangesTotal()).isGreaterThanOrEqualTo(failing.exchangesFailed());
    }

    @Test
    void closingTheWatcherRemovesTheFileRoutes() throws IOException {
        write("one.yaml", route("one", "timer:one?period=10000"));
        startWatcher();

        watcher.close();
        watcher = null;

        assertThat(context.getRoutes()).isEmpty();
    }

    private void startWatcher() throws IOException {
        watcher = new RouteFileWatcher(context, directory, Duration.ofMillis(100));
        watcher.start();
    }

    private void write(String fileName, String content) throws IOException {
        Files.writeString(directory.resolve(fileName), content);
    }

    private ServiceStatus status(String routeId) {
        return context.getRouteController().getRouteStatus(routeId);
    }

    private boolean hasFile(String fileName) {
        return watcher.routeFiles().stream().anyMatch(file -> file.fileName().equals(fileName));
    }

    private RouteFile fileState(String fileName) {
        return watcher.routeFiles().stream().filter(file -> file.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no route file " + fileName + " in " + watcher.routeFiles()));
    }

    private RouteInfo info(String routeId) {
        return watcher.routes().stream().filter(route -> route.id().equals(routeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no route " + routeId + " in " + watcher.routes()));
    }

    private static String route(String id, String uri) {
        return """
                - route:
                    id: %s
                    from:
                      uri: "%s"
                      steps:
                        - log: "%s"
                """.formatted(id, uri, id);
    }

    private static String unnamedRoute(String uri) {
        return """
                - from:
                    uri: "%s"
                    steps:
                      - log: "unnamed"
                """.formatted(uri);
    }
}
