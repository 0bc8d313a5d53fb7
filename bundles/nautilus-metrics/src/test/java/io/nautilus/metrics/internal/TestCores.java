package io.nautilus.metrics.internal;

import io.nautilus.core.api.JournalInfo;
import io.nautilus.core.api.TradingCoreAdminService;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/** A core admin service for tests that only answers {@code journalInfo()}. */
final class TestCores {

    private TestCores() {
    }

    static TradingCoreAdminService withJournal(Supplier<JournalInfo> journal) {
        return (TradingCoreAdminService) Proxy.newProxyInstance(TestCores.class.getClassLoader(),
                new Class<?>[] {TradingCoreAdminService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "journalInfo" -> journal.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test core";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
