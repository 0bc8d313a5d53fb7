package io.nautilus.web.rest;

import io.nautilus.core.api.OrderFilter;
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

class OrderResourcesTest {

    private static final String BUY = "{\"account\":\"alice\",\"instrument\":\"ABC\",\"side\":\"buy\","
            + "\"price\":\"100.50\",\"quantity\":\"2.5\"}";

    @TempDir
    Path dir;

    private TradingCoreManager core;
    private TestServer server;
    private Http http;
    private Http.Session trader;

    @BeforeEach
    void start() throws Exception {
        core = RealCore.start(dir.resolve("core"), report -> { },
                Map.of("ABC.priceScale", "2", "ABC.quantityScale", "3", "ABC.tickSize", "0.05", "ABC.lotSize",
                        "0.001"),
                Map.of("alice.stp", "none", "bob.stp", "none"), Map.of());
        server = new TestServer(new OrderResources(), new CoreResources());
        server.service(TradingCoreService.class, core);
        http = server.http();
        trader = http.login("trader", "trader-pw");
    }

    @AfterEach
    void stop() {
        server.close();
        RealCore.stop(core);
    }

    @Test
    void submitAnswers201WithTheOrderIdAndTheOrderIsListed() throws Exception {
        HttpResponse<String> submitted = http.send("POST", "/api/v1/orders", BUY, trader.write());

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long id = Long.parseLong(submitted.body().replaceAll(".*\"orderId\":([0-9]+).*", "$1"));
        assertThat(submitted.headers().firstValue("location")).hasValue("/api/v1/orders/" + id);
        assertThat(submitted.body()).contains("\"status\":\"NEW\"", "\"reports\":[{\"coreSeq\":",
                "\"execType\":\"NEW\"", "\"account\":\"alice\"", "\"leavesQuantity\":\"2.500\"");
        HttpResponse<String> list = http.get("/api/v1/orders?account=alice&state=working", trader.read());
        assertThat(list.body()).contains("\"orderId\":" + id, "\"price\":\"100.50\"", "\"quantity\":\"2.500\"",
                "\"side\":\"BUY\"", "\"type\":\"LIMIT\"", "\"timeInForce\":\"GTC\"");
        HttpResponse<String> one = http.get("/api/v1/orders/" + id, trader.read());
        assertThat(one.body()).contains("\"reports\":[{\"coreSeq\":null,\"execId\"", "\"orderId\":" + id,
                "\"liquidity\":null", "\"transactTime\":\"");
    }

    @Test
    void cancelEndsTheOrder() throws Exception {
        long id = submit();

        HttpResponse<String> canceled = http.send("DELETE", "/api/v1/orders/" + id, null, trader.write());

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.body()).contains("\"status\":\"CANCELED\"");
        assertThat(core.orders(OrderFilter.ALL)).isEmpty();
        HttpResponse<String> again = http.send("DELETE", "/api/v1/orders/" + id, null, trader.write());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("\"title\":\"Cancel rejected\"", "rejected: ");
    }

    @Test
    void replaceChangesThePrice() throws Exception {
        long id = submit();

        HttpResponse<String> replaced = http.send("PATCH", "/api/v1/orders/" + id, "{\"price\":\"100.25\"}",
                trader.write());

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(core.order(id).orElseThrow().price()).isEqualTo(10025);
    }

    @Test
    void replaceOfAnOrderThatIsNotWorkingIs404() throws Exception {
        HttpResponse<String> replaced = http.send("PATCH", "/api/v1/orders/999", "{\"price\":\"100.25\"}",
                trader.write());

        assertThat(replaced.statusCode()).isEqualTo(404);
        assertThat(replaced.body()).contains("order 999 is not working");
    }

    @Test
    void aPriceOffTheScaleIsA400AndNothingIsSubmitted() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/v1/orders", BUY.replace("100.50", "100.505"),
                trader.write());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("price 100.505 is not on the instrument's scale of 2 decimals");
        assertThat(core.orders(OrderFilter.ALL)).isEmpty();
    }

    @Test
    void aPriceOffTheTickIsRejectedByTheCoreWith422() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/v1/orders", BUY.replace("100.50", "100.52"),
                trader.write());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"title\":\"Order rejected\"", "\"detail\":\"rejected: ");
        assertThat(core.orders(OrderFilter.ALL)).isEmpty();
    }

    @Test
    void unknownAccountAndBadSideAreProblems() throws Exception {
        HttpResponse<String> account = http.send("POST", "/api/v1/orders", BUY.replace("alice", "carol"),
                trader.write());
        HttpResponse<String> side = http.send("POST", "/api/v1/orders", BUY.replace("buy", "hold"), trader.write());

        assertThat(account.statusCode()).isEqualTo(404);
        assertThat(account.body()).contains("unknown account carol");
        assertThat(side.statusCode()).isEqualTo(400);
        assertThat(side.body()).contains("side 'hold' is not one of BUY, SELL");
    }

    @Test
    void aViewerCannotSubmitOrCancel() throws Exception {
        long id = submit();
        Http.Session viewer = http.login("viewer", "viewer-pw");

        HttpResponse<String> submitted = http.send("POST", "/api/v1/orders", BUY, viewer.write());
        HttpResponse<String> canceled = http.send("DELETE", "/api/v1/orders/" + id, null, viewer.write());

        assertThat(submitted.statusCode()).isEqualTo(403);
        assertThat(canceled.statusCode()).isEqualTo(403);
        assertThat(core.orders(OrderFilter.ALL)).hasSize(1);
    }

    @Test
    void positionsAndPnlFollowAFill() throws Exception {
        submit();
        Http.Session admin = http.login("admin", "admin-pw");
        HttpResponse<String> sell = http.send("POST", "/api/v1/orders", "{\"account\":\"bob\",\"instrument\":\"ABC\","
                + "\"side\":\"SELL\",\"price\":\"100.50\",\"quantity\":\"1\",\"timeInForce\":\"IOC\"}", admin.write());
        assertThat(sell.statusCode()).as(sell.body()).isEqualTo(201);

        HttpResponse<String> positions = http.get("/api/v1/positions?account=alice", admin.read());
        HttpResponse<String> pnl = http.get("/api/v1/pnl", admin.read());
        HttpResponse<String> book = http.get("/api/v1/books/ABC?depth=3", admin.read());

        assertThat(positions.body()).contains("\"account\":\"alice\"", "\"quantity\":\"1.000\"",
                "\"averagePrice\":\"100.50\"");
        assertThat(pnl.body()).contains("\"account\":\"alice\"", "\"account\":\"bob\"");
        assertThat(book.body()).contains("\"bids\":[{\"price\":\"100.50\",\"quantity\":\"1.500\",\"orders\":1}]",
                "\"lastTradePrice\":\"100.50\"");
    }

    private long submit() throws Exception {
        HttpResponse<String> submitted = http.send("POST", "/api/v1/orders", BUY, trader.write());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return Long.parseLong(submitted.body().replaceAll(".*\"orderId\":([0-9]+).*", "$1"));
    }
}
