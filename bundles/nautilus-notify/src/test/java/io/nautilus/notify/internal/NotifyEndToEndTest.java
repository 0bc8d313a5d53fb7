package io.nautilus.notify.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DS component as the platform runs it (its own engine thread, the system clock, the Camel transport) with the
 * shipped e-mail and webhook routes in a real CamelContext, a real SMTP server (GreenMail) and a real HTTP receiver
 * on 127.0.0.1 that checks the HMAC signature: configured with the README's two lines plus routes.
 */
class NotifyEndToEndTest {

    private static final Path ROUTES = Path.of("../../camel-routes");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "e2e-hook-secret";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    private record Post(String body, boolean signed) {
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final NotifyManager manager = new NotifyManager();
    private CamelContext context;
    private HttpServer http;

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/nautilus", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mac mac;
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            boolean signed = expected.equals(exchange.getRequestHeaders().getFirst("X-Nautilus-Signature"));
            posts.add(new Post(new String(body, StandardCharsets.UTF_8), signed));
            exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            exchange.close();
        });
        http.start();
        context = new DefaultCamelContext();
        manager.bindCamelContext(context);
        context.start();
        for (String file : List.of("notify-email.yaml", "notify-webhook.yaml")) {
            Resource resource = ResourceHelper.fromString(file, Files.readString(ROUTES.resolve(file)));
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        }
        String smtp = "smtp://127.0.0.1:" + MAIL.getSmtp().getPort() + "?to=ops@example.com&from=nautilus@example.com";
        String hook = "http://127.0.0.1:" + http.getAddress().getPort() + "/nautilus";
        manager.activate(Map.of(
                "receiver.email.url", smtp,
                "receiver.webhook.url", hook,
                "receiver.webhook.secret", SECRET,
                "route.1.receivers", "email, webhook",
                "route.1.group_by", "key",
                "route.1.group_wait", "0s",
                "route.1.group_interval", "1s",
                "inhibit.1.source", "key=~venue-down:.*",
                "inhibit.1.target", "key=~venue-reject:.*",
                "inhibit.1.equal", "venue"));
    }

    @AfterEach
    void stop() {
        manager.deactivate();
        context.stop();
        http.stop(0);
    }

    private static long now() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void aVenueDownIsMailedAndPostedItsRejectsMutedAndItsResolveTold() throws Exception {
        manager.raise(new Alert("venue-down:CME", Severity.CRITICAL, "venues", "CME session down", now(),
                Map.of(Alert.VENUE, "CME")));
        manager.raise(new Alert("venue-reject:CME:17", Severity.WARNING, "venues", "order 17 rejected", now(),
                Map.of(Alert.VENUE, "CME")));

        await().atMost(WAIT).until(() -> MAIL.getReceivedMessages().length == 1 && posts.size() == 1);
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("venue-down:CME");
        assertThat(posts.get(0).signed()).isTrue();
        assertThat(posts.get(0).body()).contains("venue-down:CME").doesNotContain("venue-reject");
        assertThat(manager.alert("venue-reject:CME:17").orElseThrow().suppressedBy())
                .isEqualTo("inhibited by venue-down:CME");
        await().atMost(WAIT).until(() -> manager.receivers().stream().allMatch(r -> r.delivered() == 1));

        manager.resolve("venue-down:CME", "CME logged on");

        // the venue's resolve is told, and the reject it muted, still firing, is told now
        await().atMost(WAIT).until(() -> MAIL.getReceivedMessages().length == 3 && posts.size() == 3);
        assertThat(posts.subList(1, 3)).extracting(Post::body)
                .anySatisfy(b -> assertThat(b).contains("\"kind\": \"RESOLVED\"").contains("venue-down:CME"))
                .anySatisfy(b -> assertThat(b).contains("\"kind\": \"FIRING\"").contains("venue-reject:CME:17"));
        assertThat(posts).allMatch(Post::signed);
        assertThat(manager.alert("A1").orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(manager.status().raised()).isEqualTo(2);
        assertThat(manager.status().inhibited()).isEqualTo(1);
    }
}
