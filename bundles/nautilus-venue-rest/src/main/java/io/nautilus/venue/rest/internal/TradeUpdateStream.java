package io.nautilus.venue.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nautilus.api.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code trade_updates} WebSocket (JDK client): connects, authenticates ({@code {"action":"auth",...}}),
 * listens, hands each update to the gateway, and reconnects with a doubling back-off while wanted.
 *
 * <p>Every connection attempt has a generation number; callbacks of an older connection are ignored, so after a
 * reconnect no event is delivered twice through two sockets. Messages are handled on the gateway's report thread
 * (in arrival order); text and binary frames are both accepted (Alpaca's paper stream sends binary).
 */
final class TradeUpdateStream {

    /** What the stream tells the gateway. */
    interface Handler {

        /** The stream's state: DOWN, CONNECTED (socket open, not yet listening) or LOGGED_ON (listening). */
        void onStreamState(ConnectionState state, String reason);

        /** One {@code trade_updates} message's {@code data} object. */
        void onTradeUpdate(JsonNode data);

        /** A message that is not JSON or not understood: counted and logged by the gateway. */
        void onBadMessage(String summary, String problem);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TradeUpdateStream.class);

    private final RestVenueSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    private final Executor handlerThread;
    private final Handler handler;
    private final AtomicInteger generation = new AtomicInteger();

    private volatile boolean wanted;
    private volatile WebSocket socket;
    private volatile long delayMillis;

    TradeUpdateStream(RestVenueSettings settings, HttpClient http, ObjectMapper mapper,
                      ScheduledExecutorService scheduler, Executor handlerThread, Handler handler) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.handlerThread = handlerThread;
        this.handler = handler;
        this.delayMillis = settings.reconnectInitial().toMillis();
    }

    /** Starts connecting (and reconnecting) if not already wanted. */
    void start() {
        if (wanted) {
            return;
        }
        wanted = true;
        delayMillis = settings.reconnectInitial().toMillis();
        connect();
    }

    /** Closes the socket and stops reconnecting. */
    void stop(String reason) {
        wanted = false;
        generation.incrementAndGet();
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "disconnect").orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((ws, error) -> current.abort());
        }
        handler.onStreamState(ConnectionState.DOWN, reason);
    }

    private void connect() {
        if (!wanted) {
            return;
        }
        int gen = generation.incrementAndGet();
        LOG.info("venue {}: connecting the trade_updates stream {}", settings.venue(), settings.streamUri());
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                .buildAsync(settings.streamUri(), new Listener(gen))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        down(gen, "stream connect failed: " + rootMessage(error));
                    }
                });
    }

    private void down(int gen, String reason) {
        if (!generation.compareAndSet(gen, gen + 1)) {
            return; // an older connection, or already handled
        }
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            current.abort();
        }
        handler.onStreamState(ConnectionState.DOWN, reason);
        if (wanted) {
            long delay = delayMillis;
            delayMillis = Math.min(delay * 2, settings.reconnectMax().toMillis());
            LOG.warn("venue {}: {}; reconnecting in {} ms", settings.venue(), reason, delay);
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void handle(int gen, WebSocket ws, String text) {
        if (gen != generation.get()) {
            return;
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException e) {
            handler.onBadMessage(AlpacaCodec.shorten(text), "not JSON: " + AlpacaCodec.shorten(String.valueOf(e.getMessage())));
            return;
        }
        if (root != null && root.isArray()) {
            for (JsonNode message : root) {
                handleMessage(gen, ws, message, text);
            }
        } else {
            handleMessage(gen, ws, root, text);
        }
    }

    private void handleMessage(int gen, WebSocket ws, JsonNode message, String text) {
        String stream = message == null ? "" : message.path("stream").asText("");
        JsonNode data = message == null ? null : message.get("data");
        switch (stream) {
            case "authorization" -> {
                String status = data == null ? "" : data.path("status").asText("");
                if ("authorized".equals(status)) {
                    ObjectNode listen = mapper.createObjectNode().put("action", "listen");
                    listen.putObject("data").putArray("streams").add("trade_updates");
                    ws.sendText(listen.toString(), true);
                } else {
                    String why = data == null ? "" : data.path("message").asText(status);
                    LOG.error("venue {}: the stream refused the credentials of key id {}: {}", settings.venue(),
                            settings.keyId(), AlpacaCodec.shorten(why));
                    down(gen, "stream authentication refused: " + AlpacaCodec.shorten(why));
                }
            }
            case "listening" -> {
                boolean listening = false;
                if (data != null) {
                    for (JsonNode name : data.path("streams")) {
                        listening |= "trade_updates".equals(name.asText());
                    }
                }
                if (listening) {
                    delayMillis = settings.reconnectInitial().toMillis();
                    handler.onStreamState(ConnectionState.LOGGED_ON, "stream listening to trade_updates");
                } else {
                    down(gen, "the venue did not grant the trade_updates stream");
                }
            }
            case "trade_updates" -> {
                if (data == null || !data.isObject()) {
                    handler.onBadMessage(AlpacaCodec.shorten(text), "trade update without a data object");
                } else {
                    handler.onTradeUpdate(data);
                }
            }
            default -> handler.onBadMessage(AlpacaCodec.shorten(text), "unknown stream '" + stream + "'");
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** One connection's callbacks; frames are reassembled and handed to the handler thread in order. */
    private final class Listener implements WebSocket.Listener {

        private final int gen;
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (gen != generation.get()) {
                webSocket.abort();
                return;
            }
            socket = webSocket;
            handler.onStreamState(ConnectionState.CONNECTED, "stream connected");
            ObjectNode auth = mapper.createObjectNode().put("action", "auth").put("key", settings.keyId())
                    .put("secret", settings.secret());
            webSocket.sendText(auth.toString(), true); // the secret goes on the wire only, never to a log
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handlerThread.execute(() -> handle(gen, webSocket, message));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.write(bytes, 0, bytes.length);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                handlerThread.execute(() -> handle(gen, webSocket, message));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            handlerThread.execute(() -> down(gen, "stream closed by the venue (" + statusCode
                    + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            handlerThread.execute(() -> down(gen, "stream error: " + rootMessage(error)));
        }
    }
}
