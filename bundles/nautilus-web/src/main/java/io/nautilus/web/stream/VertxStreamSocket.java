package io.nautilus.web.stream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;

/**
 * A server WebSocket as the hub sees it; its tasks run on the connection's event loop. A close that the peer does
 * not complete (it never reads, so the close frame cannot even be written) ends the TCP connection after a grace
 * period.
 */
final class VertxStreamSocket implements StreamSocket {

    private final ServerWebSocket ws;
    private final HttpConnection connection;
    private final Context context;
    private final long closeGraceMillis;
    private volatile boolean ended;

    VertxStreamSocket(ServerWebSocket ws, HttpConnection connection, Context context, long closeGraceMillis) {
        this.ws = ws;
        this.connection = connection;
        this.context = context;
        this.closeGraceMillis = closeGraceMillis;
    }

    /** The connection closed. */
    void ended() {
        ended = true;
    }

    @Override
    public boolean writable() {
        return !ws.writeQueueFull();
    }

    @Override
    public void send(String text) {
        ws.writeTextMessage(text);
    }

    @Override
    public void close(int code, String reason) {
        if (!ws.isClosed()) {
            ws.close((short) code, reason);
        }
        context.owner().setTimer(closeGraceMillis, id -> {
            if (!ended) {
                connection.close();
            }
        });
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(v -> task.run());
    }
}
