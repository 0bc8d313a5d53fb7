package io.nautilus.web.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticFilesTest {

    @Test
    void plainPathsAreFilesUnderTheRoot() {
        assertThat(StaticFiles.safePath("/")).isEqualTo("index.html");
        assertThat(StaticFiles.safePath("/app/main.js")).isEqualTo("app/main.js");
    }

    @Test
    void traversalAndEncodedSeparatorsAreRefused() {
        assertThat(StaticFiles.safePath("/../etc/passwd")).isNull();
        assertThat(StaticFiles.safePath("/app/../../x")).isNull();
        assertThat(StaticFiles.safePath("/%2e%2e/x")).isNull();
        assertThat(StaticFiles.safePath("/..%2Fx")).isNull();
        assertThat(StaticFiles.safePath("/..%5cx")).isNull();
        assertThat(StaticFiles.safePath("/a\\..\\b")).isNull();
        assertThat(StaticFiles.safePath("/a%00.html")).isNull();
    }

    @Test
    void hiddenSegmentsEmptySegmentsAndFoldersAreRefused() {
        assertThat(StaticFiles.safePath("/.git/config")).isNull();
        assertThat(StaticFiles.safePath("//etc/passwd")).isNull();
        assertThat(StaticFiles.safePath("/app/")).isNull();
        assertThat(StaticFiles.safePath("relative")).isNull();
    }
}
