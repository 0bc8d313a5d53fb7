package io.nautilus.web.stream;

import io.nautilus.web.server.WebContext;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/stream}: upgrades an authenticated request to a WebSocket and connects it to the hub. Every
 * role may stream (all topics are reads).
 */
public final class StreamEndpoint {

    /** The endpoint's path. */
    public static final String PATH = "/api/v1/stream";

    private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

    private final StreamHub hub;
    private final int writeQueueBytes;
    private final long closeGraceMillis;
    private final AtomicInteger connections = new AtomicInteger();

    /**
     * @param hub             the hub the connections join
     * @param writeQueueBytes  bytes a connection's outgoing buffer holds before the hub stops writing to it
     * @param closeGraceMillis how long a closed connection's peer has to answer the close before the TCP connection
     *                         is ended (a peer that never reads never does)
     */
    public StreamEndpoint(StreamHub hub, int writeQueueBytes, long closeGraceMillis) {
        this.hub = hub;
        this.writeQueueBytes = writeQueueBytes;
        this.closeGraceMillis = closeGraceMillis;
    }

    /**
     * Adds the route.
     *
     * @param router  the server's router
     * @param context the server (problem responses)
     */
    public void mount(Router router, WebContext context) {
        router.route(HttpMethod.GET, PATH).handler(ctx -> upgrade(ctx, context));
    }

    /** @return WebSocket connections open now, from upgrade until the connection closed */
    public int connections() {
        return connections.get();
    }

    private void upgrade(RoutingContext ctx, WebContext context) {
        String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            context.problem(ctx, 400, "WebSocket upgrade required",
                    PATH + " is a WebSocket: connect with Upgrade: websocket");
            return;
        }
        HttpConnection connection = ctx.request().connection();
        ctx.request().toWebSocket()
                .onSuccess(ws -> attach(ws, connection))
                .onFailure(e -> LOG.warn("stream upgrade from {} failed: {}", ctx.request().remoteAddress(),
                        e.toString()));
    }

    private void attach(ServerWebSocket ws, HttpConnection connection) {
        connections.incrementAndGet();
        ws.setWriteQueueMaxSize(writeQueueBytes);
        VertxStreamSocket socket = new VertxStreamSocket(ws, connection, Vertx.currentContext(), closeGraceMillis);
        StreamClient client = hub.open(socket);
        if (client == null) {
            ws.closeHandler(v -> {
                socket.ended();
                connections.decrementAndGet();
            });
            return;
        }
        ws.textMessageHandler(client::onText);
        ws.binaryMessageHandler(b -> client.onBinary(b.length()));
        ws.drainHandler(v -> client.onWritable());
        ws.exceptionHandler(e -> LOG.debug("stream connection {}: {}", ws.remoteAddress(), e.toString()));
        ws.closeHandler(v -> {
            socket.ended();
            connections.decrementAndGet();
            client.onClosed();
        });
    }
}
