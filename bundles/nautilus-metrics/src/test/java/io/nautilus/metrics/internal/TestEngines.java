package io.nautilus.metrics.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingOutcome;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueScore;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine services for tests that answer only the admin views the metrics read, their counts growing on each read
 * (every other method throws).
 */
final class TestEngines {

    private final AtomicLong reads = new AtomicLong();

    MarketDataAdminService marketData() {
        return stub(MarketDataAdminService.class, "feedStats", (java.util.function.Supplier<Object>) () -> List.of(new FeedStats("sim", 100 * next(),
                Map.of(ValidationReason.NON_POSITIVE_PRICE, next()), Map.of(), null)),
                "subscriptionStats", (java.util.function.Supplier<Object>) () -> List.of(new SubscriptionStats("strategy-mm", 90 * next(), 10 * next(), 3)));
    }

    StrategyAdminService strategies() {
        return stub(StrategyAdminService.class, "instances", (java.util.function.Supplier<Object>) () -> List.of(new StrategyInstanceInfo("mm", "MarketMaker",
                "io.nautilus.strategy.marketmaker/0.1.0", 1, "RUNNING", "", "ACC1", List.of("BTC-USD"), Map.of(), "",
                50 * next(), 2, 1_500, 0, 4, BigDecimal.ZERO, BigDecimal.ZERO, List.of())));
    }

    VenueAdminService venues() {
        return stub(VenueAdminService.class, "venues", (java.util.function.Supplier<Object>) () -> List.of(new VenueStatus(new VenueSessionInfo(
                VenueId.of("SIM"), ConnectionState.LOGGED_ON, "FIX.4.4:NAUTILUS->SIM", 10, 10, 0, ""), 4, 20 * next(),
                19 * next(), 0, "ok", false)));
    }

    SmartOrderRouter router() {
        return stub(SmartOrderRouter.class, "scores", (java.util.function.Supplier<Object>) () -> List.of(new VenueScore(VenueId.of("SIM"),
                ConnectionState.LOGGED_ON, 0.9, 1.0, 1.0, 350.0, 5, 5, 5, 0.9, 0.8, 0.7, 0.85)),
                "routingCounts", (java.util.function.Supplier<Object>) () -> new RoutingCounts(
                        Map.of(RoutingOutcome.FULL, 3 * next(), RoutingOutcome.PARTIAL, reads.get(),
                                RoutingOutcome.NONE, 0L),
                        Map.of(VenueId.of("SIM"), 5 * reads.get())));
    }

    HistoryService history() {
        return stub(HistoryService.class, "status", (java.util.function.Supplier<Object>) () -> new HistoryStatus("RUNNING", "H2 data/history", 5,
                100 * next(), 100 * reads.get() - 3, 3, 12, 0, 3, 400 * reads.get(), 0, 0, 0, null, null));
    }

    NotificationService notifications() {
        return stub(NotificationService.class, "status", (java.util.function.Supplier<Object>) () -> new NotifyStatus(next(), 0, 0, 0, 0, 1, reads.get(),
                0, 0, "", List.of()),
                "receivers", (java.util.function.Supplier<Object>) () -> List.of(new ReceiverView("ops-email", "email", "ops@example.org", true, next(), 0,
                0, 0, 0, "")));
    }

    private long next() {
        return reads.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Object... methodAndAnswer) {
        return (T) Proxy.newProxyInstance(TestEngines.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    for (int i = 0; i < methodAndAnswer.length; i += 2) {
                        if (methodAndAnswer[i].equals(method.getName())) {
                            return ((java.util.function.Supplier<?>) methodAndAnswer[i + 1]).get();
                        }
                    }
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "test " + type.getSimpleName();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
