package io.nautilus.web.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.login.Configuration;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTest {

    private static final String REALM = "nautilus-web-tls-test";

    @TempDir
    Path dir;

    private WebServer server;
    private Configuration previous;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (previous != null) {
            Configuration.setConfiguration(previous);
        }
    }

    @Test
    void withAKeyStoreTheServerSpeaksHttpsAndTheCookieIsSecure() throws Exception {
        Path store = keyStore();
        previous = TestRealm.install(REALM);
        server = new WebServer(settings(store, "store-pw"), new JaasAuthenticator(REALM), services(),
                new StaticFiles(TlsTest.class.getClassLoader(), "testweb"));
        int port = server.start(Duration.ofSeconds(10));

        HttpClient client = HttpClient.newBuilder().sslContext(trusting(store)).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                        + "/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin-pw\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("set-cookie").orElseThrow()).containsIgnoringCase("Secure");
        assertThat(login.headers().firstValue("strict-transport-security")).isPresent();
    }

    @Test
    void aWrongKeyStorePasswordFailsTheStartWithTheReason() throws Exception {
        Path store = keyStore();
        server = new WebServer(settings(store, "wrong"), new JaasAuthenticator(REALM), services(),
                new StaticFiles(TlsTest.class.getClassLoader(), "testweb"));

        assertThatThrownBy(() -> server.start(Duration.ofSeconds(10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:0 with TLS (" + store + ")");
    }

    private Path keyStore() throws Exception {
        Path store = dir.resolve("web.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "nautilus",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "store-pw", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost"))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        return store;
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "store-pw".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static WebSettings settings(Path store, String password) {
        return new WebSettings("127.0.0.1", 0, store, password, Duration.ofMinutes(30), 10, 4096, 5,
                Duration.ofMinutes(5), Duration.ofMinutes(5), REALM, Duration.ofDays(1));
    }

    private static WebServer.Services services() {
        return new WebServer.Services() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.empty();
            }
        };
    }
}
