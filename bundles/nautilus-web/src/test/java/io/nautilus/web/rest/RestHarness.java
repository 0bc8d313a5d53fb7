package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.web.server.WebModule;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A small Vert.x server on 127.0.0.1 (a free port) with the resources under test mounted behind a body handler, and a
 * client; closed by the test.
 */
final class RestHarness implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final TestWebContext context = new TestWebContext(vertx);
    final Router router = Router.router(vertx);
    private HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    RestHarness mount(WebModule... modules) {
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        for (WebModule module : modules) {
            module.mount(router, context);
        }
        return this;
    }

    RestHarness start() throws Exception {
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return this;
    }

    /** An answer: the status, its media type and body. */
    record Answer(int status, String type, String body, JsonNode json) {
        String detail() {
            return json == null ? null : json.path("detail").asText();
        }
    }

    Answer send(String method, String path, String user, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header(TestWebContext.USER_HEADER, user);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode node = type.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
        return new Answer(response.statusCode(), type, response.body(), node);
    }

    Answer get(String path, String user) throws IOException, InterruptedException {
        return send("GET", path, user, null);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
