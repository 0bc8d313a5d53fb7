package io.nautilus.venues.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.nautilus.venues.camel.VenueFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped template camel-routes/examples/http-venue.yaml against a local HTTP JSON venue. */
class HttpVenueRouteTest {

    private static final AccountId ACCOUNT = AccountId.of("acct-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private VenueFixture fixture;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path + " " + body);
            Map<?, ?> command = JSON.readValue(body, Map.class);
            Object id = command.get("clientOrderId");
            String answer;
            int code = 200;
            switch (path) {
                case "/api/orders" -> answer = "[{\"execType\":\"NEW\",\"clientOrderId\":\"" + id + "\",\"orderId\":7},"
                        + "{\"execType\":\"PARTIAL_FILL\",\"clientOrderId\":\"" + id + "\",\"lastPrice\":\""
                        + command.get("price") + "\",\"lastQuantity\":\"0.2345\",\"liquidity\":\"TAKER\"}]";
                case "/api/orders/cancel" -> answer = "{\"execType\":\"REJECTED\",\"clientOrderId\":\"" + id
                        + "\",\"origClientOrderId\":\"" + command.get("origClientOrderId")
                        + "\",\"rejectReason\":\"UNKNOWN_ORDER\",\"text\":\"no such order\"}";
                default -> {
                    code = 503;
                    answer = "{\"error\":\"down\"}";
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();

        Properties properties = new Properties();
        properties.setProperty("venue.http.id", "TEST");
        properties.setProperty("venue.http.baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        fixture = new VenueFixture(properties);
        fixture.context.start();
        Path file = Path.of("../../camel-routes/examples/http-venue.yaml");
        Resource resource = ResourceHelper.fromString("http-venue.yaml", Files.readString(file));
        PluginHelper.getRoutesLoader(fixture.context).loadRoutes(resource);
    }

    @AfterEach
    void stop() {
        fixture.close();
        server.stop(0);
    }

    @Test
    void theTemplateCarriesOrdersToTheHttpVenueAndItsAnswersBack() throws Exception {
        CamelVenueGateway gateway = fixture.listen("TEST");
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
        assertThat(fixture.published).containsExactly(gateway);
        assertThat(fixture.context.getRoute("venue-http-example")).isNotNull();

        NewOrder order = NewOrder.limit(201, ACCOUNT, StrategyId.of("s"), BTC.id(), Side.SELL, 3_000_025, 12_345);
        assertThat(gateway.sendNew(order)).isTrue();

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("POST /api/orders {");
        Map<String, Object> sent = JSON.readValue(requests.get(0).substring("POST /api/orders ".length()),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(sent).containsEntry("kind", "NEW").containsEntry("clientOrderId", "201")
                .containsEntry("symbol", "BTC-USD").containsEntry("side", "SELL").containsEntry("price", "30000.25")
                .containsEntry("quantity", "1.2345");
        assertThat(fixture.reports(2)).hasSize(2);
        assertThat(fixture.report(0).execType()).isEqualTo(ExecType.NEW);
        assertThat(fixture.report(0).orderId()).isEqualTo(7);
        ExecutionReport partial = fixture.report(1);
        assertThat(partial.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partial.lastPrice()).isEqualTo(3_000_025);
        assertThat(partial.lastQuantity()).isEqualTo(2_345);
        assertThat(partial.cumulativeQuantity()).isEqualTo(2_345);
        assertThat(partial.leavesQuantity()).isEqualTo(10_000);
        assertThat(partial.averagePrice()).isEqualTo(3_000_025);
        assertThat(partial.side()).isEqualTo(Side.SELL);

        assertThat(gateway.sendCancel(new CancelOrder(201_001, 201, ACCOUNT, BTC.id()))).isTrue();
        assertThat(requests.get(1)).startsWith("POST /api/orders/cancel ");
        ExecutionReport reject = fixture.report(2);
        assertThat(reject.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(reject.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(reject.origClientOrderId()).isEqualTo(201);
        assertThat(reject.text()).isEqualTo("no such order");

        // HTTP 503 on a status request: the exchange fails, the command is refused
        assertThat(gateway.requestStatus(new io.nautilus.api.venue.OrderStatusQuery(201, ACCOUNT, BTC.id(),
                Side.SELL))).isFalse();
        assertThat(requests.get(2)).startsWith("POST /api/orders/status ");
        assertThat(gateway.lastProblem()).contains("503");

        fixture.context.getRouteController().stopRoute("venue-http-example");
        assertThat(gateway.state()).isEqualTo(ConnectionState.DOWN);
        assertThat(gateway.sendNew(NewOrder.limit(202, ACCOUNT, null, BTC.id(), Side.BUY, 100, 1))).isFalse();
        assertThat(requests).hasSize(3);
    }
}
