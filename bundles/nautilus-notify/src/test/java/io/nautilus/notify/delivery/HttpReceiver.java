package io.nautilus.notify.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's server) that checks what a webhook receiver checks: the
 * {@code X-Nautilus-Signature} HMAC of the body (401 when wrong or missing, if a secret is set) and basic
 * authentication (401 when wrong, if credentials are set); otherwise it answers the status set now (200 by default),
 * or holds requests until released. Records every request it answered 2xx, in order.
 */
final class HttpReceiver implements AutoCloseable {

    /** One request as received. */
    record Request(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    final List<Request> accepted = new CopyOnWriteArrayList<>();
    final List<Request> refused = new CopyOnWriteArrayList<>();
    private final String secret;
    private final String basicAuth;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile int status = 200;
    private volatile CountDownLatch hold;
    private HttpServer server;
    private int port;

    /**
     * @param secret   the HMAC key the signature must be made with, or null for none
     * @param username with password, the basic authentication required, or null for none
     * @param password the password
     */
    HttpReceiver(String secret, String username, String password) {
        this.secret = secret;
        this.basicAuth = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening (connections are refused) until {@link #start()} again, on the same port. */
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void status(int next) {
        status = next;
    }

    /** Requests from now on wait until {@link #release()}. */
    void holdRequests() {
        hold = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(),
                    String.join(",", values)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    body);
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answer = status;
            if (secret != null && !("sha256=" + hmac(secret, body)).equals(
                    request.header("X-Nautilus-Signature"))) {
                answer = 401;
            } else if (basicAuth != null && !basicAuth.equals(request.header("Authorization"))) {
                answer = 401;
            }
            (answer / 100 == 2 ? accepted : refused).add(request);
            byte[] reply = (answer / 100 == 2 ? "{\"ok\":true}" : "{\"error\":\"status " + answer + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    /** The signature as a receiver computes it, independently of the code under test. */
    static String hmac(String key, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }
}
