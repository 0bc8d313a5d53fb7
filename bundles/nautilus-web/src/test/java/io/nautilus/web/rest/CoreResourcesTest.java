package io.nautilus.web.rest;

import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.web.server.Http;
import io.nautilus.web.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoreResourcesTest {

    @TempDir
    Path dir;

    private TradingCoreManager core;
    private TestServer server;
    private Http http;
    private Http.Session viewer;

    @BeforeEach
    void start() throws Exception {
        core = RealCore.start(dir.resolve("core"), report -> { },
                Map.of("ABC.priceScale", "2", "ABC.quantityScale", "3", "ABC.tickSize", "0.05", "ABC.lotSize",
                        "0.001"),
                Map.of("alice.stp", "none", "bob.stp", "none"), Map.of());
        server = new TestServer(new CoreResources());
        server.service(TradingCoreService.class, core);
        http = server.http();
        viewer = http.login("viewer", "viewer-pw");
    }

    @AfterEach
    void stop() {
        server.close();
        RealCore.stop(core);
    }

    @Test
    void statusSaysTheCoreRunsWithItsInstrumentsAndAccounts() throws Exception {
        HttpResponse<String> status = http.get("/api/v1/status", viewer.read());

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"user\":\"viewer\"", "\"coreRunning\":true", "\"instruments\":1",
                "\"accounts\":2", "\"workingOrders\":0");
    }

    @Test
    void statusWithoutTheCoreSaysSo() throws Exception {
        server.service(TradingCoreService.class, null);

        HttpResponse<String> status = http.get("/api/v1/status", viewer.read());

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"coreRunning\":false");
        assertThat(http.get("/api/v1/instruments", viewer.read()).statusCode()).isEqualTo(503);
    }

    @Test
    void instrumentsGiveTheirGridAsDecimals() throws Exception {
        HttpResponse<String> list = http.get("/api/v1/instruments", viewer.read());
        HttpResponse<String> one = http.get("/api/v1/instruments/ABC", viewer.read());
        HttpResponse<String> unknown = http.get("/api/v1/instruments/XYZ", viewer.read());

        assertThat(list.body()).startsWith("[{\"id\":\"ABC\"").contains("\"tickSize\":\"0.05\"",
                "\"lotSize\":\"0.001\"", "\"priceScale\":2");
        assertThat(one.body()).startsWith("{\"id\":\"ABC\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown instrument XYZ");
    }

    @Test
    void accountsAreListed() throws Exception {
        HttpResponse<String> accounts = http.get("/api/v1/accounts", viewer.read());

        assertThat(accounts.body()).contains("{\"id\":\"alice\",\"selfTradePrevention\":", "\"id\":\"bob\"",
                "\"state\":\"ACTIVE\"");
    }

    @Test
    void bookDepthOutOfRangeIsAProblem() throws Exception {
        HttpResponse<String> book = http.get("/api/v1/books/ABC?depth=0", viewer.read());
        HttpResponse<String> good = http.get("/api/v1/books/ABC?depth=5", viewer.read());

        assertThat(book.statusCode()).isEqualTo(400);
        assertThat(book.body()).contains("depth 0 must be within 1..100");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("\"instrument\":\"ABC\"", "\"bids\":[]");
    }
}
