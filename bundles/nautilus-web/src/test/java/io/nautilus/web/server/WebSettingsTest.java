package io.nautilus.web.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSettingsTest {

    @Test
    void outOfRangeValuesNameTheKey() {
        assertThatThrownBy(() -> settings("127.0.0.1", 70000, 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 70000 must be within 0..65535");
        assertThatThrownBy(() -> settings(" ", 8080, 1024)).hasMessage("host must not be empty");
        assertThatThrownBy(() -> settings("127.0.0.1", 8080, 0)).hasMessage("body.limit 0 must be at least 1 byte");
    }

    @Test
    void aRelativeKeyStoreIsUnderTheBaseAndTurnsTlsOn() {
        WebSettings plain = settings("127.0.0.1", 8080, 1024);
        WebSettings tls = new WebSettings("127.0.0.1", 8443, Path.of("/opt/nautilus").resolve("etc/web.p12"), "pw",
                Duration.ofMinutes(30), 10, 1024, 5, Duration.ofMinutes(5), Duration.ofMinutes(5), "karaf",
                Duration.ofDays(1));

        assertThat(plain.tls()).isFalse();
        assertThat(tls.tls()).isTrue();
        assertThat(tls.keystore()).isEqualTo(Path.of("/opt/nautilus/etc/web.p12"));
    }

    private static WebSettings settings(String host, int port, int bodyLimit) {
        return new WebSettings(host, port, null, null, Duration.ofMinutes(30), 10, bodyLimit, 5,
                Duration.ofMinutes(5), Duration.ofMinutes(5), "karaf", Duration.ofDays(1));
    }
}
