package io.nautilus.marketdata.internal.camel;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest bnd wrote: Camel is imported only from the packages the io.nautilus.camel bundle exports. */
class BundleManifestTest {

    /** The Camel API packages io.nautilus.camel exports (its bnd -exportcontents). */
    private static final Set<String> CAMEL_EXPORTS = Set.of("org.apache.camel", "org.apache.camel.builder",
            "org.apache.camel.spi", "org.apache.camel.support", "org.apache.camel.model",
            "org.apache.camel.model.language", "org.apache.camel.model.dataformat");

    @Test
    void importsCamelOnlyFromTheCamelBundlesExportsAndDeclaresTheComponent() throws Exception {
        Path classes = Path.of(CamelFeedBinding.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        Matcher clauses = Pattern.compile("(?:^|,)([\\w.]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)").matcher(imports);
        int camel = 0;
        while (clauses.find()) {
            String pkg = clauses.group(1);
            if (pkg.startsWith("org.apache.camel")) {
                camel++;
                assertThat(CAMEL_EXPORTS).as("Camel import %s", pkg).contains(pkg);
                assertThat(clauses.group(2)).as("version of %s", pkg).contains("version=\"[4.14,5)\"")
                        .doesNotContain("optional");
            } else if (pkg.startsWith("com.fasterxml.jackson")) {
                // JSON: the Jackson that io.nautilus.camel embeds and exports
                assertThat(pkg).matches("com\\.fasterxml\\.jackson\\.(core|databind|databind\\.node)");
                assertThat(clauses.group(2)).as("version of %s", pkg).contains("version=\"[2.19,3)\"");
            } else {
                assertThat(pkg).as("import").matches("io\\.nautilus\\..*|org\\.slf4j");
            }
        }
        assertThat(camel).isEqualTo(3);
        assertThat(manifest.getMainAttributes().getValue("Service-Component"))
                .contains("OSGI-INF/io.nautilus.marketdata.internal.camel.CamelFeedBinding.xml");
    }
}
