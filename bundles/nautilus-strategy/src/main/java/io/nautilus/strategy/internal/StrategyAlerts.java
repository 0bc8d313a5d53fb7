package io.nautilus.strategy.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.strategy.engine.OrderPolicy;
import io.nautilus.strategy.engine.StrategyAlertHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The strategy engine's alerts (docs/alerts.md): a failed instance ({@code strategy-failed:<id>}, CRITICAL, with the
 * {@code ALERT} log line), a stopped one ({@code strategy-stopped:<id>}, INFO), both resolved when the instance runs
 * again, and the alerts strategies raise through their context ({@code strategy:<id>:<key>}). Every alert is labelled
 * with the strategy and its account. Sent to the {@link AlertService} when one is bound; never blocks or throws.
 */
final class StrategyAlerts implements StrategyAlertHook {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyAlerts.class);

    private volatile AlertService service;
    private final AtomicLong failures = new AtomicLong();

    void bind(AlertService alerts) {
        service = alerts;
    }

    void unbind(AlertService alerts) {
        if (service == alerts) {
            service = null;
        }
    }

    @Override
    public void strategyFailed(StrategyId strategy, String reason, Throwable cause) {
        strategyFailed(strategy, null, reason, cause);
    }

    @Override
    public void strategyFailed(StrategyId strategy, AccountId account, String reason, Throwable cause) {
        LOG.error("ALERT strategy {} failed and was stopped: {}", strategy, reason, cause);
        raise("strategy-failed:" + strategy.value(), Severity.CRITICAL, strategy, account,
                "strategy " + strategy.value() + " failed and was stopped: " + reason);
    }

    @Override
    public void strategyStarted(StrategyId strategy, AccountId account) {
        resolve("strategy-failed:" + strategy.value(), "strategy " + strategy.value() + " started again");
        resolve("strategy-stopped:" + strategy.value(), "strategy " + strategy.value() + " started again");
    }

    @Override
    public void strategyStopped(StrategyId strategy, AccountId account, OrderPolicy policy) {
        raise("strategy-stopped:" + strategy.value(), Severity.INFO, strategy, account, "strategy "
                + strategy.value() + " stopped" + (policy == OrderPolicy.CANCEL_ALL
                ? "; its working orders are canceled" : "; its working orders stay in the market"));
    }

    @Override
    public void strategyAlert(StrategyId strategy, AccountId account, Severity severity, String key, String text) {
        raise("strategy:" + strategy.value() + ":" + key, severity, strategy, account, text);
    }

    private void raise(String key, Severity severity, StrategyId strategy, AccountId account, String text) {
        AlertService s = service;
        if (s == null) {
            return;
        }
        try {
            Map<String, String> labels = account == null ? Map.of(Alert.STRATEGY, strategy.value())
                    : Map.of(Alert.STRATEGY, strategy.value(), Alert.ACCOUNT, account.value());
            s.raise(new Alert(key, severity, AlertService.STRATEGY, text, now(), labels));
        } catch (RuntimeException e) {
            failed(key, e);
        }
    }

    private void resolve(String key, String reason) {
        AlertService s = service;
        if (s == null) {
            return;
        }
        try {
            s.resolve(key, reason);
        } catch (RuntimeException e) {
            failed(key, e);
        }
    }

    private void failed(String key, RuntimeException e) {
        long n = failures.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.warn("alert service failed on {} ({} failures so far; logged at powers of two)", key, n, e);
        }
    }

    private static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
