package io.nautilus.core.pipeline;

import io.nautilus.core.journal.FsyncPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineConfigTest {

    static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("journal.dir", "/var/nautilus/journal");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void onlyTheJournalDirectoryIsRequired() {
        PipelineConfig config = PipelineConfig.from(props("service.pid", "io.nautilus.core"));
        assertThat(config).isEqualTo(PipelineConfig.defaults(Path.of("/var/nautilus/journal")));
        assertThat(config.ringSize()).isEqualTo(16_384);
        assertThat(config.layout()).isEqualTo(PipelineLayout.forProcessors(Runtime.getRuntime().availableProcessors()));
        assertThat(config.waitStrategy()).isEqualTo(WaitMode.PHASED);
        assertThat(config.idleTick()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.fsync()).isEqualTo(FsyncPolicy.BATCH);
        assertThat(config.segmentBytes()).isEqualTo(256L << 20);
        assertThat(config.snapshotInterval()).isEqualTo(Duration.ofMinutes(60));
        assertThat(config.snapshotsKept()).isEqualTo(3);
        assertThat(config.deleteJournalBeforeSnapshot()).isFalse();
        assertThat(config.pinBusiness()).isEqualTo(-1);
    }

    @Test
    void everyKeyIsReadFromStringsNumbersAndBooleans() {
        PipelineConfig config = PipelineConfig.from(props("pipeline.layout", " Parallel ", "ring.size", "1024",
                "wait.strategy", "Busy-Spin",
                "idle.tick.ms", 5, "journal.fsync", "PERIODIC", "journal.fsync.period.ms", 20L,
                "journal.segment.size", "64 MiB", "snapshot.interval.minutes", "15", "snapshot.keep", 2,
                "journal.delete.before.snapshot", true, "pin.journal", "1", "pin.business", 0, "pin.publish", ""));
        assertThat(config).isEqualTo(new PipelineConfig(1024, WaitMode.BUSY_SPIN, Duration.ofMillis(5),
                Path.of("/var/nautilus/journal"), FsyncPolicy.PERIODIC, Duration.ofMillis(20), 64L << 20,
                Duration.ofMinutes(15), 2, true, 1, 0, -1, PipelineLayout.PARALLEL));
        assertThat(config.journalOptions().fsyncPeriodMillis()).isEqualTo(20);
        assertThat(config.effectiveIdleTick()).isEqualTo(Duration.ofMillis(5));
        assertThat(PipelineConfig.from(props("journal.fsync", "periodic", "journal.fsync.period.ms", 3))
                .effectiveIdleTick()).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void autoChoosesTheCompactLayoutUpToTwoCpusAndAYieldingWaitForIt() {
        assertThat(PipelineLayout.forProcessors(1)).isEqualTo(PipelineLayout.COMPACT);
        assertThat(PipelineLayout.forProcessors(2)).isEqualTo(PipelineLayout.COMPACT);
        assertThat(PipelineLayout.forProcessors(3)).isEqualTo(PipelineLayout.PARALLEL);
        assertThat(PipelineLayout.forProcessors(64)).isEqualTo(PipelineLayout.PARALLEL);
        assertThat(PipelineConfig.from(props("pipeline.layout", "AUTO")).layout())
                .isEqualTo(PipelineLayout.forProcessors(Runtime.getRuntime().availableProcessors()));
        assertThat(PipelineLayout.COMPACT.handlerThreads()).isEqualTo(2);
        assertThat(PipelineLayout.PARALLEL.handlerThreads()).isEqualTo(3);
        assertThat(PipelineLayout.SINGLE.handlerThreads()).isEqualTo(1);
        assertThat(PipelineConfig.from(props("pipeline.layout", "Single")).layout()).isEqualTo(PipelineLayout.SINGLE);
        assertThat(PipelineLayout.SINGLE.resultThread()).isEqualTo(CorePipeline.BUSINESS_THREAD);
    }

    @Test
    void anAutoWaitStrategyIsTheLayoutsAndAnExplicitOneWins() {
        assertThat(PipelineConfig.from(props("pipeline.layout", "compact")).waitStrategy())
                .isEqualTo(WaitMode.PHASED);
        assertThat(PipelineConfig.from(props("pipeline.layout", "single", "wait.strategy", "auto")).waitStrategy())
                .isEqualTo(WaitMode.PHASED);
        assertThat(PipelineConfig.from(props("pipeline.layout", "compact", "wait.strategy", "yielding"))
                .waitStrategy()).isEqualTo(WaitMode.YIELDING);
        assertThat(PipelineConfig.from(props("pipeline.layout", "parallel", "wait.strategy", "")).waitStrategy())
                .isEqualTo(WaitMode.PHASED);
        assertThat(PipelineConfig.from(props("pipeline.layout", "compact", "wait.strategy", "phased")).waitStrategy())
                .isEqualTo(WaitMode.PHASED);
    }

    @Test
    void sizesTakeBinarySuffixes() {
        assertThat(PipelineConfig.from(props("journal.segment.size", "1g")).segmentBytes()).isEqualTo(1L << 30);
        assertThat(PipelineConfig.from(props("journal.segment.size", "512k")).segmentBytes()).isEqualTo(512 << 10);
        assertThat(PipelineConfig.from(props("journal.segment.size", 4096)).segmentBytes()).isEqualTo(4096);
    }

    @Test
    void badValuesAreRejectedNamingKeyValueAndExpectation() {
        assertThatThrownBy(() -> PipelineConfig.from(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal.dir is required");
        assertThatThrownBy(() -> PipelineConfig.from(props("ring.size", 1000)))
                .hasMessageContaining("ring.size 1000").hasMessageContaining("power of two");
        assertThatThrownBy(() -> PipelineConfig.from(props("ring.size", "lots")))
                .hasMessageContaining("ring.size 'lots' is not a whole number");
        assertThatThrownBy(() -> PipelineConfig.from(props("wait.strategy", "fast")))
                .hasMessage("wait.strategy 'fast' must be auto, busy-spin, yielding, sleeping, blocking or phased");
        assertThatThrownBy(() -> PipelineConfig.from(props("pipeline.layout", "wide")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline.layout 'wide' must be auto, compact, parallel or single");
        assertThatThrownBy(() -> PipelineConfig.from(props("journal.fsync", "sometimes")))
                .hasMessageContaining("'sometimes'").hasMessageContaining("batch, periodic or none");
        assertThatThrownBy(() -> PipelineConfig.from(props("journal.fsync.period.ms", 0)))
                .hasMessageContaining("journal.fsync.period.ms 0");
        assertThatThrownBy(() -> PipelineConfig.from(props("journal.segment.size", "12 parsecs")))
                .hasMessageContaining("journal.segment.size '12 parsecs' is not a size");
        assertThatThrownBy(() -> PipelineConfig.from(props("journal.segment.size", 100)))
                .hasMessageContaining("journal.segment.size 100 bytes is below 1024");
        assertThatThrownBy(() -> PipelineConfig.from(props("snapshot.keep", 0)))
                .hasMessageContaining("snapshot.keep 0");
        assertThatThrownBy(() -> PipelineConfig.from(props("snapshot.interval.minutes", -1)))
                .hasMessageContaining("snapshot.interval.minutes");
        assertThatThrownBy(() -> PipelineConfig.from(props("journal.delete.before.snapshot", "yes")))
                .hasMessageContaining("'yes' is not true or false");
        assertThatThrownBy(() -> PipelineConfig.from(props("pin.journal", -2)))
                .hasMessageContaining("pin.journal -2");
        assertThatThrownBy(() -> PipelineConfig.from(props("idle.tick.ms", 0)))
                .hasMessageContaining("idle.tick.ms 0");
    }
}
