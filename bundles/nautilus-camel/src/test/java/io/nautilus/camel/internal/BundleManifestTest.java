package io.nautilus.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the OSGi manifest bnd wrote for the bundle (the one maven-jar-plugin packs into the jar).
 */
class BundleManifestTest {

    private static final Path CLASSES = Path.of(System.getProperty("basedir", "."), "target", "classes");

    private static Attributes manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void namesTheBundle() {
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("io.nautilus.camel");
    }

    @Test
    void exportsTheCamelApiAtCamelsVersion() {
        String exports = manifest.getValue("Export-Package");
        for (String pkg : List.of("org.apache.camel", "org.apache.camel.builder", "org.apache.camel.spi",
                "org.apache.camel.support", "org.apache.camel.model")) {
            assertThat(exports).containsPattern("(^|,)" + Pattern.quote(pkg) + ";[^,]*version=\"4\\.14\\.1\"");
        }
        assertThat(exports).doesNotContain("io.nautilus.camel.internal")
                .containsPattern("(^|,)io\\.nautilus\\.camel\\.json;[^,]*version=\"0\\.1\\.0\"");
        Matcher clauses = Pattern.compile("(?:^|,)([\\w.]+);").matcher(exports);
        while (clauses.find()) {
            assertThat(clauses.group(1)).as("exported package")
                    .matches("org\\.apache\\.camel(\\..*)?|quickfix(\\..*)?|com\\.fasterxml\\.jackson\\.(annotation|core(\\..*)?"
                            + "|databind(\\..*)?)|io\\.nautilus\\.camel\\.json"
                            // the web tier's Vert.x Web and the metrics bundle's Micrometer (docs/web.md, docs/metrics.md)
                            + "|io\\.vertx(\\..*)?|io\\.micrometer(\\..*)?");
        }
        // the Jackson the platform's bundles read JSON with, at the version Camel is built with
        for (String pkg : List.of("com.fasterxml.jackson.core", "com.fasterxml.jackson.databind",
                "com.fasterxml.jackson.databind.node")) {
            assertThat(exports).containsPattern("(^|,)" + Pattern.quote(pkg) + ";[^,]*version=\"2\\.19\\.2\"");
        }
        // Vert.x Web at the version the web tier is built against, Micrometer at the one the metrics bundle is
        for (String pkg : List.of("io.vertx.core", "io.vertx.ext.web", "io.vertx.core.http")) {
            assertThat(exports).containsPattern("(^|,)" + Pattern.quote(pkg) + ";[^,]*version=\"4\\.5\\.20\"");
        }
        assertThat(exports).containsPattern("(^|,)io\\.micrometer\\.core\\.instrument;[^,]*version=\"1\\.15\\.3\"");
    }

    @Test
    void embedsTheCamelJarsOnTheBundleClassPath() {
        List<String> classPath = Arrays.asList(manifest.getValue("Bundle-ClassPath").split(","));
        assertThat(classPath).contains(".").anyMatch(e -> e.matches("lib/camel-core-engine-.*\\.jar"))
                .anyMatch(e -> e.matches("lib/camel-yaml-dsl-\\d.*\\.jar"))
                .anyMatch(e -> e.matches("lib/netty-codec-http2-.*\\.jar"))
                .anyMatch(e -> e.matches("lib/quickfixj-core-.*\\.jar"))
                .noneMatch(e -> e.matches("lib/(slf4j|log4j|logback|osgi|org\\.osgi).*"));
        assertThat(classPath.stream().filter(e -> e.startsWith("lib/")))
                .allSatisfy(e -> assertThat(CLASSES.resolve(e)).isRegularFile());
    }

    @Test
    void importsLoggingAndOsgiMandatorilyAndEverythingElseOptionally() {
        String imports = manifest.getValue("Import-Package");
        assertThat(imports).containsPattern("(^|,)org\\.slf4j;version=\"\\[1\\.7,3\\)\"")
                .containsPattern("(^|,)org\\.osgi\\.framework;")
                .containsPattern("(^|,)io\\.nautilus\\.api\\.platform;");
        Matcher clauses = Pattern.compile("([\\w.]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)").matcher(imports);
        while (clauses.find()) {
            String pkg = clauses.group(1);
            boolean mandatoryAllowed = pkg.startsWith("org.osgi.") || pkg.startsWith("org.slf4j")
                    || pkg.equals("io.nautilus.api.platform");
            if (!mandatoryAllowed) {
                assertThat(clauses.group(2)).as("import of %s", pkg).contains("resolution:=optional");
            }
        }
    }
}
