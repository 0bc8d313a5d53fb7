package io.nautilus.benchmarks.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels' peers of the notification benchmarks, on 127.0.0.1 and free ports: a GreenMail SMTP server, a JDK
 * HTTP server answering every post 200 at once, and a dead endpoint that accepts connections and never answers (a
 * channel that hangs until its timeout). All stop with {@link #close()}.
 */
final class Peers implements AutoCloseable {

    final int smtpPort;
    final int httpPort;
    final int deadPort;
    private final GreenMail mail;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final ServerSocket dead;
    private final Thread deadAcceptor;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicLong posts = new AtomicLong();

    Peers() throws IOException {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        smtpPort = mail.getSmtp().getPort();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        httpThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-webhook-peer");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(httpThreads);
        http.createContext("/", this::take);
        http.start();
        httpPort = http.getAddress().getPort();
        dead = new ServerSocket(0, 64, java.net.InetAddress.getByName("127.0.0.1"));
        deadPort = dead.getLocalPort();
        deadAcceptor = new Thread(() -> {
            while (!dead.isClosed()) {
                try {
                    held.add(dead.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "bench-dead-peer");
        deadAcceptor.setDaemon(true);
        deadAcceptor.start();
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** @return e-mails the SMTP server took so far */
    int mails() {
        return mail.getReceivedMessages().length;
    }

    /** @return posts the HTTP server took so far */
    long posts() {
        return posts.get();
    }

    /** @return connections the dead endpoint holds */
    int held() {
        return held.size();
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        mail.stop();
        try {
            dead.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
