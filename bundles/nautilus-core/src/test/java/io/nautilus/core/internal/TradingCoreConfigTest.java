package io.nautilus.core.internal;

import io.nautilus.core.pipeline.PipelineConfig;
import io.nautilus.core.pipeline.PipelineLayout;
import io.nautilus.core.pipeline.WaitMode;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core's defaults live once, in its Metatype: the pipeline, the shipped file and the component agree on them. */
class TradingCoreConfigTest {

    private static final Path SHIPPED = Path.of("../../etc/io.nautilus.core.cfg");

    @Test
    void theMetatypeDefaultsGiveThePipelineDefaults() {
        CoreSettings settings = CoreSettings.of(CoreConfigs.of(Map.of("journal.dir", "/var/nautilus/core")));

        assertThat(settings.pipeline()).isEqualTo(PipelineConfig.defaults(Path.of("/var/nautilus/core")));
    }

    @Test
    void theShippedFileSetsEveryAttributeToItsMetatypeDefault() throws Exception {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(SHIPPED)) {
            shipped.load(in);
        }
        Set<String> attributes = new TreeSet<>();
        for (Method attribute : TradingCoreConfig.class.getDeclaredMethods()) {
            String key = attribute.getName().replace('_', '.');
            attributes.add(key);
            if (key.equals("journal.dir")) {
                assertThat(shipped).as("journal.dir stays commented out (default under karaf.data)")
                        .doesNotContainKey(key);
                continue;
            }
            assertThat(shipped.getProperty(key)).as("%s in %s", key, SHIPPED)
                    .isEqualTo(String.valueOf(attribute.getDefaultValue()));
        }
        assertThat(attributes).as("every key of %s is a Metatype attribute", SHIPPED)
                .containsAll(shipped.stringPropertyNames());
    }

    @Test
    void aValueThatIsNotANumberIsRefusedWithItsKey() {
        assertThatThrownBy(() -> CoreSettings.of(CoreConfigs.of(Map.of("ring.size", "many"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ring.size").hasMessageContaining("many");
    }

    @Test
    void aValueOutOfRangeIsRefusedWithItsKeyAndLimits() {
        assertThatThrownBy(() -> CoreSettings.of(CoreConfigs.of(Map.of("money.scale", 19))))
                .hasMessage("money.scale 19 must be from 0 to 18");
        assertThatThrownBy(() -> CoreSettings.of(CoreConfigs.of(Map.of("ring.size", 1000))))
                .hasMessageContaining("ring.size 1000 must be a power of two");
    }

    @Test
    void theLayoutIsChosenByCpusUnlessSetAndABadOneIsRefusedWithItsKey() {
        assertThat(CoreSettings.of(CoreConfigs.of(Map.of())).pipeline().layout())
                .isEqualTo(PipelineLayout.forProcessors(Runtime.getRuntime().availableProcessors()));
        PipelineConfig compact = CoreSettings.of(CoreConfigs.of(Map.of("pipeline.layout", "compact"))).pipeline();
        assertThat(compact.layout()).isEqualTo(PipelineLayout.COMPACT);
        assertThat(compact.waitStrategy()).isEqualTo(WaitMode.PHASED);
        PipelineConfig parallel = CoreSettings.of(CoreConfigs.of(Map.of("pipeline.layout", "parallel",
                "wait.strategy", "sleeping"))).pipeline();
        assertThat(parallel.layout()).isEqualTo(PipelineLayout.PARALLEL);
        assertThat(parallel.waitStrategy()).isEqualTo(WaitMode.SLEEPING);
        assertThatThrownBy(() -> CoreSettings.of(CoreConfigs.of(Map.of("pipeline.layout", "three"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline.layout 'three' must be auto, compact, parallel or single");
        assertThatThrownBy(() -> CoreSettings.of(CoreConfigs.of(Map.of("wait.strategy", "lazy"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wait.strategy 'lazy' must be auto, busy-spin, yielding, sleeping, blocking or phased");
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseIsRefusedWithItsKey() {
        assertThatThrownBy(() -> CoreSettings.of(CoreConfigs.of(Map.of("journal.delete.before.snapshot", "ture"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journal.delete.before.snapshot").hasMessageContaining("ture");
        assertThat(CoreSettings.of(CoreConfigs.of(Map.of("journal.delete.before.snapshot", " TRUE "))).pipeline()
                .deleteJournalBeforeSnapshot()).isTrue();
    }
}
