package io.nautilus.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.api.JournalInfo;
import io.nautilus.core.api.TradingCoreAdminService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsManagerTest {

    private final MetricsManager manager = new MetricsManager();

    @AfterEach
    void stop() {
        manager.deactivate();
    }

    @Test
    void scrapeHasJvmMetersFromTheStart() {
        manager.activate();

        assertThat(manager.scrape()).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ",
                "process_cpu_usage ");
    }

    @Test
    void coreMetersFollowTheCoreService() {
        manager.activate();
        TradingCoreAdminService core = TestCores.withJournal(() -> journal(42, 7));

        manager.bindCore(core);
        String bound = manager.scrape();
        manager.unbindCore(core);

        assertThat(bound).contains("nautilus_core_commands_processed_commands_total 42.0",
                "nautilus_core_ring_free_slots 7.0");
        assertThat(manager.scrape()).doesNotContain("nautilus_core_");
    }

    static JournalInfo journal(long processed, long ringFree) {
        return new JournalInfo("journal", "BATCH", processed, List.of("00000001.journal"), 4096, List.of(), 0,
                0, List.of(), processed, ringFree);
    }
}
