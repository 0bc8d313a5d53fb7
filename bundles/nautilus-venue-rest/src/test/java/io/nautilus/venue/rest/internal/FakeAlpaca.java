package io.nautilus.venue.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Alpaca's trading API on 127.0.0.1 (ephemeral port): {@code /v2/orders} REST and the
 * {@code /stream} WebSocket with auth, listen and {@code trade_updates} (sent as binary frames, as Alpaca's paper
 * stream does). Tests script errors, delays, fills, stream drops and garbage. Stops with {@link #close()}.
 */
final class FakeAlpaca implements AutoCloseable {

    static final String KEY = "PKTEST";
    static final String SECRET = "s3cr3t-never-logged";

    /** A scripted answer to the next POST. */
    record Scripted(int status, String body, String retryAfter, long delayMillis, boolean create) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, ObjectNode> byClientId = new LinkedHashMap<>();
    private final Deque<Scripted> scriptedPosts = new ArrayDeque<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> postBodies = new CopyOnWriteArrayList<>();
    final List<String> authHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger streamConnections = new AtomicInteger();
    private final List<ServerWebSocket> listening = new CopyOnWriteArrayList<>();
    private final AtomicInteger executions = new AtomicInteger();

    FakeAlpaca() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .webSocketHandler(this::onSocket)
                .requestHandler(this::onRequest)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    URI streamUri() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/stream");
    }

    // ------------------------------------------------------------------ scripting

    synchronized void scriptPost(Scripted scripted) {
        scriptedPosts.add(scripted);
    }

    synchronized int orderCount() {
        return byId.size();
    }

    synchronized ObjectNode order(String clientId) {
        return byClientId.get(clientId);
    }

    /** Removes an order so the venue no longer knows it (404 on cancel). */
    synchronized void forget(String clientId) {
        ObjectNode order = byClientId.remove(clientId);
        byId.remove(order.path("id").asText());
    }

    /** Fills part or all of an order at a price and pushes partial_fill or fill. */
    synchronized void fill(String clientId, String qty, String price) {
        ObjectNode order = byClientId.get(clientId);
        BigDecimal total = new BigDecimal(order.path("qty").asText());
        BigDecimal filled = new BigDecimal(order.path("filled_qty").asText());
        BigDecimal fill = new BigDecimal(qty);
        BigDecimal avg = order.hasNonNull("filled_avg_price")
                ? new BigDecimal(order.path("filled_avg_price").asText()) : BigDecimal.ZERO;
        BigDecimal cumulative = filled.add(fill);
        BigDecimal newAvg = avg.multiply(filled).add(new BigDecimal(price).multiply(fill))
                .divide(cumulative, 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        order.put("filled_qty", cumulative.toPlainString());
        order.put("filled_avg_price", newAvg.toPlainString());
        boolean complete = cumulative.compareTo(total) >= 0;
        order.put("status", complete ? "filled" : "partially_filled");
        ObjectNode data = event(complete ? "fill" : "partial_fill", order);
        data.put("price", price).put("qty", qty).put("execution_id", "exec-" + executions.incrementAndGet())
                .put("position_qty", cumulative.toPlainString());
        pushData(data);
    }

    /** Pushes a trade update for an order in its current state. */
    synchronized ObjectNode push(String event, String clientId) {
        ObjectNode data = event(event, byClientId.get(clientId));
        pushData(data);
        return data;
    }

    synchronized void pushData(ObjectNode data) {
        ObjectNode message = mapper.createObjectNode().put("stream", "trade_updates");
        message.set("data", data.deepCopy());
        sendRaw(message.toString());
    }

    /** Sends a frame as it is (binary, like Alpaca's paper stream) to every listening socket. */
    void sendRaw(String text) {
        for (ServerWebSocket socket : listening) {
            socket.writeBinaryMessage(Buffer.buffer(text));
        }
    }

    /** Closes every stream socket (the venue dropping the connection). */
    void dropStream() {
        for (ServerWebSocket socket : listening) {
            listening.remove(socket);
            socket.close((short) 1011, "server going away");
        }
    }

    int listeningSockets() {
        return listening.size();
    }

    private ObjectNode event(String event, ObjectNode order) {
        ObjectNode data = mapper.createObjectNode().put("event", event).put("timestamp", Instant.now().toString());
        data.set("order", order.deepCopy());
        return data;
    }

    // ------------------------------------------------------------------ WebSocket

    private void onSocket(ServerWebSocket socket) {
        if (!socket.path().equals("/stream")) {
            socket.reject(404);
            return;
        }
        streamConnections.incrementAndGet();
        socket.closeHandler(v -> listening.remove(socket));
        socket.textMessageHandler(text -> {
            JsonNode message;
            try {
                message = mapper.readTree(text);
            } catch (Exception e) {
                socket.writeTextMessage("{\"stream\":\"error\",\"data\":{\"message\":\"bad json\"}}");
                return;
            }
            switch (message.path("action").asText()) {
                case "auth" -> {
                    boolean ok = KEY.equals(message.path("key").asText())
                            && SECRET.equals(message.path("secret").asText());
                    socket.writeTextMessage(ok
                            ? "{\"stream\":\"authorization\",\"data\":{\"status\":\"authorized\",\"action\":\"authenticate\"}}"
                            : "{\"stream\":\"authorization\",\"data\":{\"status\":\"unauthorized\",\"action\":\"authenticate\",\"message\":\"access key verification failed\"}}");
                }
                case "listen" -> {
                    socket.writeTextMessage("{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}");
                    listening.add(socket);
                }
                default -> socket.writeTextMessage("{\"stream\":\"error\",\"data\":{\"message\":\"unknown action\"}}");
            }
        });
    }

    // ------------------------------------------------------------------ REST

    private void onRequest(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            synchronized (this) {
                handle(request, body.toString());
            }
        });
    }

    private void handle(HttpServerRequest request, String body) {
        String path = request.path();
        requests.add(request.method() + " " + path);
        authHeaders.add(request.getHeader("APCA-API-KEY-ID") + "/" + request.getHeader("APCA-API-SECRET-KEY"));
        if (!KEY.equals(request.getHeader("APCA-API-KEY-ID"))
                || !SECRET.equals(request.getHeader("APCA-API-SECRET-KEY"))) {
            respond(request, 401, "{\"code\":40110000,\"message\":\"request is not authorized\"}", null, 0);
            return;
        }
        String method = request.method().name();
        try {
            if (method.equals("POST") && path.equals("/v2/orders")) {
                post(request, mapper.readTree(body));
            } else if (method.equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
                ObjectNode order = byClientId.get(request.getParam("client_order_id"));
                respondOrder(request, order);
            } else if (path.startsWith("/v2/orders/")) {
                String id = path.substring("/v2/orders/".length());
                ObjectNode order = byId.get(id);
                switch (method) {
                    case "GET" -> respondOrder(request, order);
                    case "DELETE" -> cancel(request, order);
                    case "PATCH" -> replace(request, order, mapper.readTree(body));
                    default -> respond(request, 405, "{\"message\":\"method not allowed\"}", null, 0);
                }
            } else {
                respond(request, 404, "{\"code\":40410000,\"message\":\"endpoint not found\"}", null, 0);
            }
        } catch (Exception e) {
            respond(request, 400, "{\"message\":\"bad request: " + e.getMessage() + "\"}", null, 0);
        }
    }

    private void post(HttpServerRequest request, JsonNode body) {
        posts.incrementAndGet();
        postBodies.add(body);
        Scripted scripted = scriptedPosts.poll();
        if (scripted != null && !scripted.create()) {
            respond(request, scripted.status(), scripted.body(), scripted.retryAfter(), scripted.delayMillis());
            return;
        }
        String clientId = body.path("client_order_id").asText();
        if (byClientId.containsKey(clientId)) {
            respond(request, 422, "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}", null, 0);
            return;
        }
        ObjectNode order = mapper.createObjectNode();
        order.put("id", UUID.randomUUID().toString());
        order.put("client_order_id", clientId);
        order.put("created_at", Instant.now().toString());
        order.put("updated_at", Instant.now().toString());
        order.put("symbol", body.path("symbol").asText());
        order.put("qty", body.path("qty").asText());
        order.put("filled_qty", "0");
        order.putNull("filled_avg_price");
        order.put("side", body.path("side").asText());
        order.put("type", body.path("type").asText());
        order.put("time_in_force", body.path("time_in_force").asText());
        order.set("limit_price", body.get("limit_price"));
        order.set("stop_price", body.get("stop_price"));
        order.put("status", "accepted");
        order.putNull("replaces");
        order.putNull("replaced_by");
        byId.put(order.path("id").asText(), order);
        byClientId.put(clientId, order);
        ObjectNode response = order.deepCopy();
        order.put("status", "new");
        push("new", clientId);
        respond(request, 200, response.toString(), null, scripted == null ? 0 : scripted.delayMillis());
    }

    private void cancel(HttpServerRequest request, ObjectNode order) {
        if (order == null) {
            respond(request, 404, "{\"code\":40410000,\"message\":\"order not found\"}", null, 0);
            return;
        }
        String status = order.path("status").asText();
        if (status.equals("filled") || status.equals("canceled") || status.equals("replaced")) {
            respond(request, 422, "{\"code\":42210000,\"message\":\"order is not cancelable\"}", null, 0);
            return;
        }
        respond(request, 204, "", null, 0);
        order.put("status", "canceled");
        order.put("updated_at", Instant.now().toString());
        push("canceled", order.path("client_order_id").asText());
    }

    private void replace(HttpServerRequest request, ObjectNode order, JsonNode body) {
        if (order == null) {
            respond(request, 404, "{\"code\":40410000,\"message\":\"order not found\"}", null, 0);
            return;
        }
        ObjectNode next = order.deepCopy();
        String newId = UUID.randomUUID().toString();
        next.put("id", newId);
        next.put("client_order_id", body.path("client_order_id").asText());
        if (body.hasNonNull("qty")) {
            next.put("qty", body.path("qty").asText());
        }
        if (body.hasNonNull("limit_price")) {
            next.put("limit_price", body.path("limit_price").asText());
        }
        next.put("status", "new");
        next.put("replaces", order.path("id").asText());
        byId.put(newId, next);
        byClientId.put(next.path("client_order_id").asText(), next);
        order.put("status", "replaced");
        order.put("replaced_by", newId);
        respond(request, 200, next.toString(), null, 0);
        push("replaced", order.path("client_order_id").asText());
    }

    private void respondOrder(HttpServerRequest request, ObjectNode order) {
        if (order == null) {
            respond(request, 404, "{\"code\":40410000,\"message\":\"order not found\"}", null, 0);
        } else {
            respond(request, 200, order.toString(), null, 0);
        }
    }

    private void respond(HttpServerRequest request, int status, String body, String retryAfter, long delayMillis) {
        Runnable send = () -> {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json");
            if (retryAfter != null) {
                request.response().putHeader("Retry-After", retryAfter);
            }
            request.response().end(body == null ? "" : body);
        };
        if (delayMillis > 0) {
            vertx.setTimer(delayMillis, id -> send.run());
        } else {
            send.run();
        }
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
