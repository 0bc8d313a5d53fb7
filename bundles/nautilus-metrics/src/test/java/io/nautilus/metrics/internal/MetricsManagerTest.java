package io.nautilus.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.api.CoreMetricsService;
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
        CoreMetricsService core = () -> TestCores.metrics(4_200, 7);

        manager.bindCore(core);
        String bound = manager.scrape();
        manager.unbindCore(core);

        assertThat(bound).contains("nautilus_core_commands_processed_commands_total 4200.0",
                "nautilus_core_ring_free_slots 7.0",
                "nautilus_core_stage_latency_seconds_bucket{stage=\"process\",le=\"4.096E-6\"} 262",
                "nautilus_core_stage_latency_seconds_count{stage=\"publish\"} 262",
                "nautilus_core_journal_fsync_seconds_count{journal=\"commands\"} 42");
        assertThat(manager.scrape()).doesNotContain("nautilus_core_");
    }

    @Test
    void engineSeriesAreTheEnginesOwnCountsWhileItIsBound() {
        manager.activate();
        TestEngines engines = new TestEngines();
        var venues = engines.venues();

        manager.bindVenues(venues);
        String bound = manager.scrape();
        manager.unbindVenues(venues);

        assertThat(bound).contains("nautilus_venue_up{state=\"LOGGED_ON\",venue=\"SIM\"} 1.0",
                "nautilus_venue_commands_sent_total{venue=\"SIM\"} 20.0",
                "nautilus_venue_working_orders{venue=\"SIM\"} 4.0");
        assertThat(manager.scrape()).doesNotContain("nautilus_venue_");
    }

    @Test
    void everyTickRejectReasonHasASeriesBeforeTheFirstBadTick() {
        manager.activate();
        manager.bindMarketData(new TestEngines().marketData());

        assertThat(manager.scrape()).contains(
                "nautilus_marketdata_ticks_rejected_total{feed=\"sim\",reason=\"NON_POSITIVE_PRICE\"} 2.0",
                "nautilus_marketdata_ticks_rejected_total{feed=\"sim\",reason=\"STALE\"} 0.0",
                "nautilus_marketdata_ticks_flagged_total{feed=\"sim\",reason=\"CROSSED_QUOTE\"} 0.0");
    }

    @Test
    void routerDecisionsAreCountedPerOutcomeAndChildOrdersPerVenue() {
        manager.activate();
        manager.bindRouter(new TestEngines().router());

        assertThat(manager.scrape()).contains("nautilus_router_decisions_total{outcome=\"FULL\"} 3.0",
                "nautilus_router_decisions_total{outcome=\"PARTIAL\"} 1.0",
                "nautilus_router_decisions_total{outcome=\"NONE\"} 0.0",
                "nautilus_router_child_orders_total{venue=\"SIM\"} 5.0",
                "nautilus_router_venue_score{venue=\"SIM\"} 0.85");
    }

    @Test
    void anEngineViewThatFailsIsLeftOutOfTheScrapeAndTheRestStays() {
        manager.activate();
        manager.bindHistory((io.nautilus.history.api.HistoryService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.nautilus.history.api.HistoryService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "closed store";
                    default -> throw new IllegalStateException("store closed");
                }));

        assertThat(manager.scrape()).doesNotContain("nautilus_history_").contains("jvm_threads_live_threads ");
    }
}
