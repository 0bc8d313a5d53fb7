package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.NewOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitting, cancelling and replacing an order allocate on the caller's thread nothing but the result future: the
 * commands are written by static translators, no lambda captures the call's arguments.
 */
class OrderPathAllocationTest {

    /** A {@code CompletableFuture} is 24 bytes with compressed references; one capturing lambda more is 16 or 24. */
    private static final long MAX_BYTES_PER_CALL = 40;
    private static final int CALLS = 30_000;

    @TempDir
    Path dir;

    @Test
    void theOrderPathAllocatesOnlyTheResultFuture() throws Exception {
        TradingCoreManager core = RealCore.start(dir, report -> { }, TradingCoreManagerTest.INSTRUMENTS,
                TradingCoreManagerTest.ACCOUNTS, Map.of());
        try {
            NewOrder order = NewOrder.limit(1, AccountId.of("alice"), null, InstrumentId.of("ABC"), Side.BUY, 1_00, 1);
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int i = 0; i < CALLS; i++) {
                calls(core, order, i);
            }
            long start = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < CALLS; i++) {
                calls(core, order, i);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - start;

            assertThat(allocated / (3L * CALLS)).as("bytes per submit, cancel or replace (%d in all)", allocated)
                    .isLessThanOrEqualTo(MAX_BYTES_PER_CALL);
        } finally {
            RealCore.stop(core);
        }
    }

    private static void calls(TradingCoreManager core, NewOrder order, int i) {
        core.submit(order);
        core.cancel(1_000_000_000L + i);
        core.replace(1_000_000_000L + i, 2_00, 2);
    }
}
