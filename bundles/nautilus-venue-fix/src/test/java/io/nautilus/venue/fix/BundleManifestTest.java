package io.nautilus.venue.fix;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest bnd wrote: QuickFIX/J is imported only from the packages the io.nautilus.camel bundle exports. */
class BundleManifestTest {

    /** The QuickFIX/J packages io.nautilus.camel exports (its bnd -exportcontents), at version 2.3.2. */
    private static final Set<String> QUICKFIX_EXPORTS = Set.of("quickfix", "quickfix.field", "quickfix.fix42",
            "quickfix.fix44", "quickfix.fix50sp2", "quickfix.fixt11");

    @Test
    void importsQuickfixOnlyFromTheCamelBundlesExportsAndDeclaresTheComponent() throws Exception {
        Path classes = Path.of(FixVenueGateway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        assertThat(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("io.nautilus.venue.fix");
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        Matcher clauses = Pattern.compile("(?:^|,)([\\w.]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)").matcher(imports);
        int quickfix = 0;
        while (clauses.find()) {
            String pkg = clauses.group(1);
            if (pkg.startsWith("quickfix")) {
                quickfix++;
                assertThat(QUICKFIX_EXPORTS).as("QuickFIX/J import %s", pkg).contains(pkg);
                assertThat(clauses.group(2)).as("version of %s", pkg).contains("version=\"[2.3,3)\"")
                        .doesNotContain("optional");
            } else {
                assertThat(pkg).as("import").matches("io\\.nautilus\\..*|org\\.slf4j|org\\.osgi\\..*");
            }
        }
        assertThat(quickfix).as("quickfix, quickfix.fix42, quickfix.fix44 (field tags are compile-time constants)")
                .isEqualTo(3);
        assertThat(manifest.getMainAttributes().getValue("Service-Component"))
                .contains("OSGI-INF/io.nautilus.venue.fix.FixVenueComponent.xml");
        assertThat(manifest.getMainAttributes().getValue("Export-Package")).isNull();
    }
}
