package io.nautilus.web.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsResourceTest {

    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().mount(new ApiDocsResource()).start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void servesTheDocumentToAViewer() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/openapi.yaml", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.type()).startsWith("application/yaml");
        assertThat(answer.body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void theDocumentNeedsALogin() throws Exception {
        assertThat(rest.get("/api/v1/openapi.yaml", null).status()).isEqualTo(401);
        assertThat(rest.get("/api/v1/docs/", null).status()).isEqualTo(401);
        assertThat(rest.get("/api/v1/docs/swagger-ui-bundle.js", null).status()).isEqualTo(401);
    }

    @Test
    void servesTheBrowsableUiFromTheWebjarCopy() throws Exception {
        RestHarness.Answer page = rest.get("/api/v1/docs/", "viewer");
        RestHarness.Answer script = rest.get("/api/v1/docs/swagger-ui-bundle.js", "viewer");
        RestHarness.Answer init = rest.get("/api/v1/docs/swagger-initializer.js", "viewer");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.type()).startsWith("text/javascript");
        assertThat(script.body().length()).isGreaterThan(100_000);
        assertThat(init.body()).contains("/api/v1/openapi.yaml");
    }

    @Test
    void pathTraversalReachesNothingOutsideTheUisFiles() throws Exception {
        for (String path : new String[] {"/api/v1/docs/..%2F..%2F..%2Fopenapi.yaml", "/api/v1/docs/%2e%2e%2fApi.class",
            "/api/v1/docs/../../../../etc/passwd", "/api/v1/docs/..%5C..%5Cpom.xml", "/api/v1/docs/index.html%00.js",
            "/api/v1/docs/swagger-ui-bundle.js.LICENSE.txt"}) {
            RestHarness.Answer answer = rest.get(path, "admin");

            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("root:").doesNotContain("openapi: 3.1.0")
                    .doesNotContain("<project");
        }
    }
}
