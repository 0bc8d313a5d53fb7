package io.nautilus.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteFileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"heartbeat.yaml", "venue-in.yml", "UPPER.YAML"})
    void acceptsYamlFiles(String name) {
        assertThat(RouteFileNames.isRouteFile(name)).isTrue();
        assertThat(RouteFileNames.requireRouteFileName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {".hidden.yaml", ".route.yaml.swp", ".#route.yaml", "#route.yaml#", "route.yaml~",
            "route.yaml.tmp", "notes.txt", ".yaml", "4913"})
    void ignoresHiddenTemporaryAndOtherFiles(String name) {
        assertThat(RouteFileNames.isRouteFile(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../route.yaml", "..", "sub/route.yaml", "sub\\route.yaml", "/etc/route.yaml",
            "a..yaml", "c:route.yaml"})
    void rejectsNamesLeavingTheFolder(String name) {
        assertThatThrownBy(() -> RouteFileNames.requireRouteFileName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }
}
