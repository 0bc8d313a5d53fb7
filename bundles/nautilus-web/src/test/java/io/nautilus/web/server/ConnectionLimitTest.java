package io.nautilus.web.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionLimitTest {

    private final List<Socket> sockets = new ArrayList<>();
    private WebServer server;

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
    }

    @Test
    void aConnectionBeyondTheLimitIsClosedAndTheOthersStayOpen() throws Exception {
        server = new WebServer(new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(30), 10, 3, 4096, 5,
                Duration.ofMinutes(5), Duration.ofMinutes(5), "none", Duration.ofDays(1)),
                (user, password) -> Optional.empty(), new WebServer.Services() {
                    @Override
                    public <T> Optional<T> find(Class<T> type) {
                        return Optional.empty();
                    }
                }, new StaticFiles(ConnectionLimitTest.class.getClassLoader(), "testweb"));
        int port = server.start(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            sockets.add(open(port));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.connections() == 3);

        Socket extra = open(port);
        sockets.add(extra);

        assertThat(extra.getInputStream().read()).isEqualTo(-1);
        Socket first = sockets.get(0);
        first.getOutputStream().write("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = first.getInputStream();
        assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 401");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.connections() == 3);
    }

    private static Socket open(int port) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }
}
