package io.nautilus.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The notification channels' real peers for the container tests, on 127.0.0.1 and free ports: a GreenMail SMTP
 * server (the mailbox {@value #TO}) and a JDK HTTP server taking webhook posts on any path, each checked against the
 * HMAC-SHA256 signature of its body ({@code X-Nautilus-Signature: sha256=<hex>}, key {@value #SECRET}). A post with a
 * missing or wrong signature is answered 401 and recorded as unsigned. Runs inside the container: GreenMail and
 * Jakarta Mail are bundles installed by the test's options, the JDK's HTTP server is boot-delegated.
 */
final class NotifyPeers implements AutoCloseable {

    /** The mailbox the e-mail receiver is pointed at. */
    static final String TO = "ops@nautilus.test";
    /** The sender address of the e-mails. */
    static final String FROM = "nautilus@nautilus.test";
    /** The webhook receivers' HMAC key. */
    static final String SECRET = "itest-webhook-secret";

    /** One post the HTTP server took. */
    record Post(String path, String body, boolean signed, String notificationId, long receivedNanos) {
    }

    final int smtpPort;
    final int httpPort;
    private final GreenMail mail;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    NotifyPeers() throws IOException {
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its stream provider through the context class loader first; its own bundle has it
        Thread.currentThread().setContextClassLoader(MimeMessage.class.getClassLoader());
        try {
            mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
        smtpPort = mail.getSmtp().getPort();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        httpThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "itest-webhook-peer");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(httpThreads);
        http.createContext("/", this::take);
        http.start();
        httpPort = http.getAddress().getPort();
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Nautilus-Signature");
            boolean signed = signature != null && signature.equals("sha256=" + hmac(body));
            posts.add(new Post(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8), signed,
                    exchange.getRequestHeaders().getFirst("X-Nautilus-Notification-Id"), System.nanoTime()));
            exchange.sendResponseHeaders(signed ? 200 : 401, -1);
        }
    }

    /**
     * @param body the bytes signed
     * @return the lower-case hex HMAC-SHA256 of the body with {@link #SECRET}
     */
    static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param path the receiver's path, e.g. {@code /webhook}
     * @return the posts to that path so far, oldest first
     */
    List<Post> posts(String path) {
        List<Post> found = new ArrayList<>();
        for (Post post : posts) {
            if (post.path().equals(path)) {
                found.add(post);
            }
        }
        return found;
    }

    /** @return every post so far, oldest first */
    List<Post> allPosts() {
        return List.copyOf(posts);
    }

    /**
     * The e-mails received so far as text: the subject (decoded) on the first line, then the whole message with
     * quoted-printable soft line breaks joined, so a key or text can be searched for in it.
     *
     * @return one text per e-mail, oldest first
     */
    List<String> mails() {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                texts.add(message.getSubject() + "\n" + GreenMailUtil.getWholeMessage(message).replace("=\r\n", "")
                        .replace("=\n", ""));
            } catch (jakarta.mail.MessagingException e) {
                texts.add("unreadable e-mail: " + e);
            }
        }
        return texts;
    }

    /** @return the recipients of every e-mail received so far, comma-joined per e-mail */
    List<String> recipients() {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                to.add(String.join(",", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString)
                        .toList()));
            } catch (jakarta.mail.MessagingException e) {
                to.add("unreadable: " + e);
            }
        }
        return to;
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        mail.stop();
    }
}
