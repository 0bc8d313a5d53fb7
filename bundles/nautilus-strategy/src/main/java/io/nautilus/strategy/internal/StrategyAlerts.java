package io.nautilus.strategy.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertSender;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.strategy.engine.OrderPolicy;
import io.nautilus.strategy.engine.StrategyAlertHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The strategy engine's alerts (docs/alerts.md): a failed instance ({@code strategy-failed:<id>}, CRITICAL, with the
 * {@code ALERT} log line), a stopped one ({@code strategy-stopped:<id>}, INFO), both resolved when the instance runs
 * again, and the alerts strategies raise through their context ({@code strategy:<id>:<key>}). Every alert is labelled
 * with the strategy and its account. Sent to the {@link AlertService} when one is bound; never blocks or throws.
 */
final class StrategyAlerts implements StrategyAlertHook {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyAlerts.class);

    private final AlertSender sender = new AlertSender((key, n, e) ->
            LOG.warn("alert service failed on {} ({} failures so far; logged at powers of two)", key, n, e));

    void bind(AlertService alerts) {
        sender.bind(alerts);
    }

    void unbind(AlertService alerts) {
        sender.unbind(alerts);
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
        sender.raise(key, () -> new Alert(key, severity, AlertService.STRATEGY, text, AlertSender.nowNanos(),
                account == null ? Map.of(Alert.STRATEGY, strategy.value())
                        : Map.of(Alert.STRATEGY, strategy.value(), Alert.ACCOUNT, account.value())));
    }

    private void resolve(String key, String reason) {
        sender.resolve(key, reason);
    }
}
