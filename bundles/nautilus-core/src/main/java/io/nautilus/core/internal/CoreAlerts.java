package io.nautilus.core.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertSender;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.TradingState;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.risk.Limit;
import io.nautilus.core.risk.LimitBreach;
import io.nautilus.core.risk.ScopeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trading core's alerts (docs/alerts.md), raised through the {@link AlertService} when one is bound and always
 * logged as an {@code ALERT} line (risk rejects excepted: they are results the caller already has).
 *
 * <p>{@link #onCommand} runs on the publish thread for every command and costs a few field reads and compares
 * unless the command was rejected for a risk reason (with a service bound) or changed a trading state; only then
 * does it allocate. The
 * other methods run on the clock or configuration threads. Raising never blocks and never throws into the caller.
 */
final class CoreAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAlerts.class);

    /** Key of the journal-failure alert. */
    static final String JOURNAL_FAILED = "journal-failed";
    /** Key of the snapshot-failure alert. */
    static final String SNAPSHOT_FAILED = "snapshot-failed";
    /** Key of the processing-failure alert. */
    static final String PROCESSOR_FAILED = "core-processor-failed";
    /** Key of the recovery alert (done). */
    static final String RECOVERED = "core-recovered";
    /** Key of the recovery alert (failed). */
    static final String RECOVERY_FAILED = "core-recovery-failed";

    private final AlertSender sender = new AlertSender((key, n, e) ->
            LOG.warn("alert service failed on {} ({} failures so far; logged at powers of two)", key, n, e));
    private volatile int moneyScale = 2;

    /** Breach keys raised and not yet resolved (clock and configuration threads, under this). */
    private final Set<String> openBreaches = new HashSet<>();

    /** Journal failure already raised (clock thread). */
    private boolean journalRaised;
    private long processorFailuresSeen;
    private long snapshotFailuresSeen;
    private long snapshotFailedAtSeq = -1;

    void bind(AlertService alerts) {
        sender.bind(alerts);
    }

    /** @param scale decimals of account money (the core's money scale), for limits in money */
    void moneyScale(int scale) {
        moneyScale = scale;
    }

    void unbind(AlertService alerts) {
        sender.unbind(alerts);
    }

    // ------------------------------------------------------------------ publish thread

    /**
     * Raises what a processed command calls for: a risk reject, a trading state set, a kill switch.
     *
     * @param c    the processed command
     * @param view the registry, for names (read only when an alert is raised)
     */
    void onCommand(Command c, java.util.function.Supplier<Registry.View> view) {
        if (c.rejected()) {
            RejectReason reason = c.rejectReason;
            if (sender.active() && (reason == RejectReason.RISK_LIMIT || reason == RejectReason.THROTTLED
                    || reason == RejectReason.TRADING_HALTED || reason == RejectReason.KILL_SWITCH)) {
                riskReject(c, view.get());
            }
            return;
        }
        if (c.op == Op.SET_TRADING_STATE || c.op == Op.KILL) {
            tradingState(c, view.get());
        }
    }

    private void riskReject(Command c, Registry.View view) {
        int account = c.account;
        int instrument = c.instrument;
        Events e = c.events;
        for (int i = 0, n = e.size(); i < n; i++) {
            if (e.type(i) == Events.REJECTED) {
                account = e.account(i);
                instrument = e.instrument(i);
                break;
            }
        }
        Registry.AccountDef a = view.account(account);
        Registry.InstrumentDef in = view.instrument(instrument);
        String accountName = a == null ? "#" + account : a.name();
        String detail = c.rejectDetail == null ? c.rejectReason.name() : c.rejectDetail;
        boolean limit = c.rejectReason == RejectReason.RISK_LIMIT || c.rejectReason == RejectReason.THROTTLED;
        StringBuilder text = new StringBuilder("order ").append(c.orderId).append(" of account ").append(accountName);
        if (in != null) {
            text.append(" in ").append(in.symbol());
        }
        text.append(" rejected: ").append(c.rejectReason.description()).append(" (").append(detail);
        Limit which = limitOf(detail);
        if (which != null && (c.rejectLimit != 0 || c.rejectValue != 0)) {
            int scale = scale(which, in);
            text.append(": limit ").append(format(c.rejectLimit, scale)).append(", would be ")
                    .append(format(c.rejectValue, scale));
        }
        text.append(')');
        Map<String, String> labels = new HashMap<>(4);
        labels.put(Alert.ACCOUNT, accountName);
        if (in != null) {
            labels.put(Alert.INSTRUMENT, in.symbol());
        }
        raise(new Alert("risk-reject:" + accountName + ":" + detail, limit ? Severity.WARNING : Severity.INFO,
                AlertService.CORE, text.toString(), CoreClock.epochNanos(), labels), false);
    }

    private void tradingState(Command c, Registry.View view) {
        Registry.AccountDef a = c.account == Command.ANY ? null : view.account(c.account);
        Registry.InstrumentDef in = c.instrument == Command.ANY ? null : view.instrument(c.instrument);
        String accountName = c.account == Command.ANY ? null : a == null ? "#" + c.account : a.name();
        String symbol = c.instrument == Command.ANY ? null : in == null ? "#" + c.instrument : in.symbol();
        String scope = scope(accountName, symbol);
        Map<String, String> labels = new HashMap<>(4);
        if (accountName != null) {
            labels.put(Alert.ACCOUNT, accountName);
        }
        if (symbol != null) {
            labels.put(Alert.INSTRUMENT, symbol);
        }
        long now = CoreClock.epochNanos();
        if (c.op == Op.KILL) {
            raise(new Alert("kill-switch:" + scope, Severity.CRITICAL, AlertService.CORE,
                    "kill switch engaged for " + describe(accountName, symbol)
                            + ": HALTED, its working orders canceled", now, labels), true);
            return;
        }
        resolve("kill-switch:" + scope, "trading state of " + describe(accountName, symbol) + " set again");
        TradingState state = c.flags >= 0 && c.flags < TradingState.values().length
                ? TradingState.values()[c.flags] : null;
        if (state == null) {
            return;
        }
        raiseState(scope, state, describe(accountName, symbol), labels, now);
    }

    private void raiseState(String scope, TradingState state, String described, Map<String, String> labels,
                            long now) {
        String key = "trading-state:" + scope;
        switch (state) {
            case ACTIVE -> resolve(key, described + " is ACTIVE again");
            case HALTED -> raise(new Alert(key, Severity.CRITICAL, AlertService.CORE,
                    described + " is HALTED: every order is rejected", now, labels), true);
            case REDUCING -> raise(new Alert(key, Severity.WARNING, AlertService.CORE,
                    described + " is REDUCING: only orders that reduce a position are accepted", now, labels), true);
        }
    }

    /**
     * Raises the trading states that are not ACTIVE, e.g. after recovery (the commands that set them are not
     * replayed to the alerts).
     *
     * @param states the risk engine's states
     * @param view   the registry
     */
    void states(List<ScopeState> states, Registry.View view) {
        long now = CoreClock.epochNanos();
        for (ScopeState s : states) {
            if (s.state() == TradingState.ACTIVE) {
                continue;
            }
            Registry.AccountDef a = s.account() == Command.ANY ? null : view.account(s.account());
            Registry.InstrumentDef in = s.instrument() == Command.ANY ? null : view.instrument(s.instrument());
            String accountName = s.account() == Command.ANY ? null : a == null ? "#" + s.account() : a.name();
            String symbol = s.instrument() == Command.ANY ? null : in == null ? "#" + s.instrument() : in.symbol();
            Map<String, String> labels = new HashMap<>(4);
            if (accountName != null) {
                labels.put(Alert.ACCOUNT, accountName);
            }
            if (symbol != null) {
                labels.put(Alert.INSTRUMENT, symbol);
            }
            String scope = scope(accountName, symbol);
            if (s.killed()) {
                raise(new Alert("kill-switch:" + scope, Severity.CRITICAL, AlertService.CORE,
                        "kill switch engaged for " + describe(accountName, symbol) + " (still, after a restart)",
                        now, labels), true);
            } else {
                raiseState(scope, s.state(), describe(accountName, symbol), labels, now);
            }
        }
    }

    // ------------------------------------------------------------------ breaches (clock and configuration threads)

    /**
     * Raises every limit breach not yet raised and resolves the raised ones that are gone.
     *
     * @param breaches   what the risk engine found
     * @param view     the registry, for names
     * @param cause    what made the check run, e.g. {@code risk limits changed}
     */
    synchronized void breaches(List<LimitBreach> breaches, Registry.View view, String cause) {
        Set<String> now = new HashSet<>();
        long time = CoreClock.epochNanos();
        for (LimitBreach b : breaches) {
            Registry.AccountDef a = view.account(b.account());
            String accountName = a == null ? "#" + b.account() : a.name();
            Registry.InstrumentDef in = b.accountWide() ? null : view.instrument(b.instrument());
            String symbol = b.accountWide() ? null : in == null ? "#" + b.instrument() : in.symbol();
            String key = "risk-breach:" + accountName + (symbol == null ? "" : ":" + symbol) + ":" + b.limit().key();
            now.add(key);
            if (openBreaches.contains(key)) {
                continue;
            }
            Map<String, String> labels = new HashMap<>(4);
            labels.put(Alert.ACCOUNT, accountName);
            if (symbol != null) {
                labels.put(Alert.INSTRUMENT, symbol);
            }
            String what = switch (b.limit()) {
                case MAX_LONG -> "long position";
                case MAX_SHORT -> "short position";
                case MAX_GROSS_EXPOSURE -> "gross exposure of the positions at mark";
                case MAX_DAILY_LOSS -> "loss of the trading day";
                case MAX_LEVERAGE -> "leverage";
                default -> b.limit().key();
            };
            raise(new Alert(key, Severity.CRITICAL, AlertService.CORE, "risk limit breached: account " + accountName
                    + (symbol == null ? "" : " in " + symbol) + " " + what + " " + format(b.current(), b.scale())
                    + " is beyond " + b.limit().key() + " " + format(b.value(), b.scale()) + " (" + cause
                    + "); new orders that add to it are rejected", time, labels), true);
        }
        for (String key : openBreaches) {
            if (!now.contains(key)) {
                resolve(key, "back within the limit (" + cause + ")");
            }
        }
        openBreaches.clear();
        openBreaches.addAll(now);
    }

    /** @return true while a breach is raised and not resolved: the clock then checks again */
    synchronized boolean breached() {
        return !openBreaches.isEmpty();
    }

    // ------------------------------------------------------------------ journal and recovery (clock, start)

    /**
     * Checks the pipeline's failure counters (clock thread; volatile reads only unless something changed).
     *
     * @param journalFailure   why the journal stopped, or null
     * @param processorFailures commands whose processing threw since start
     * @param snapshotFailures  snapshot writes that failed since start
     * @param lastSnapshotSeq   seq of the last snapshot written
     */
    void pipeline(Throwable journalFailure, long processorFailures, long snapshotFailures, long lastSnapshotSeq) {
        long now = CoreClock.epochNanos();
        if (journalFailure != null && !journalRaised) {
            journalRaised = true;
            raise(new Alert(JOURNAL_FAILED, Severity.CRITICAL, AlertService.CORE, "the journal stopped ("
                    + journalFailure + "): the trading core refuses every command until it is restarted", now,
                    Map.of()), true);
        }
        if (processorFailures > processorFailuresSeen) {
            long more = processorFailures - processorFailuresSeen;
            processorFailuresSeen = processorFailures;
            raise(new Alert(PROCESSOR_FAILED, Severity.WARNING, AlertService.CORE, more + " command(s) failed in the"
                    + " trading core's processing (" + processorFailures + " since start; see the log)", now,
                    Map.of()), true);
        }
        if (snapshotFailures > snapshotFailuresSeen) {
            snapshotFailuresSeen = snapshotFailures;
            snapshotFailedAtSeq = lastSnapshotSeq;
            raise(new Alert(SNAPSHOT_FAILED, Severity.WARNING, AlertService.CORE, "a snapshot of the trading core"
                    + " failed (" + snapshotFailures + " since start; see the log): recovery replays more journal",
                    now, Map.of()), true);
        } else if (snapshotFailedAtSeq >= 0 && lastSnapshotSeq > snapshotFailedAtSeq) {
            snapshotFailedAtSeq = -1;
            resolve(SNAPSHOT_FAILED, "snapshot at seq " + lastSnapshotSeq + " written");
        }
    }

    /**
     * Raises the outcome of a successful start: what recovery did (INFO, WARNING if a journal tail was cut off or
     * commands failed), and resolves a failed recovery and a stopped journal.
     *
     * @param report   the recovery line
     * @param repaired true if a torn or corrupt journal tail was cut off
     * @param failures commands that failed while replaying
     */
    void recovered(String report, boolean repaired, long failures) {
        journalRaised = false;
        processorFailuresSeen = 0;
        snapshotFailuresSeen = 0;
        snapshotFailedAtSeq = -1;
        resolve(RECOVERY_FAILED, "the trading core started: " + report);
        resolve(JOURNAL_FAILED, "the trading core restarted: " + report);
        raise(new Alert(RECOVERED, repaired || failures > 0 ? Severity.WARNING : Severity.INFO, AlertService.CORE,
                "trading core started: " + report, CoreClock.epochNanos(), Map.of()), false);
    }

    /**
     * Raises a failed start.
     *
     * @param reason why recovery failed
     */
    void recoveryFailed(String reason) {
        raise(new Alert(RECOVERY_FAILED, Severity.CRITICAL, AlertService.CORE, "the trading core did not start: "
                + reason, CoreClock.epochNanos(), Map.of()), true);
    }

    // ------------------------------------------------------------------ helpers

    private void raise(Alert alert, boolean log) {
        if (log) {
            if (alert.severity() == Severity.INFO) {
                LOG.info("ALERT {}: {}", alert.key(), alert.text());
            } else if (alert.severity() == Severity.WARNING) {
                LOG.warn("ALERT {}: {}", alert.key(), alert.text());
            } else {
                LOG.error("ALERT {}: {}", alert.key(), alert.text());
            }
        }
        sender.raise(alert.key(), () -> alert);
    }

    private void resolve(String key, String reason) {
        sender.resolve(key, reason);
    }

    static String scope(String account, String instrument) {
        if (account == null && instrument == null) {
            return "global";
        }
        return (account == null ? "*" : account) + (instrument == null ? "" : ":" + instrument);
    }

    private static String describe(String account, String instrument) {
        if (account == null && instrument == null) {
            return "all trading";
        }
        if (instrument == null) {
            return "account " + account;
        }
        return account == null ? "instrument " + instrument : "account " + account + " in " + instrument;
    }

    private static Limit limitOf(String detail) {
        for (Limit l : Limit.values()) {
            if (l.key().equals(detail)) {
                return l;
            }
        }
        return null;
    }

    private int scale(Limit limit, Registry.InstrumentDef instrument) {
        return switch (limit.unit()) {
            case QUANTITY -> instrument == null ? 0 : instrument.quantityScale();
            case NOTIONAL -> instrument == null ? 0 : instrument.priceScale();
            case RATIO -> Limit.RATIO_SCALE;
            case COUNT -> 0;
            case MONEY -> moneyScale;
        };
    }

    private static String format(long value, int scale) {
        if (value == Long.MAX_VALUE) {
            return "unlimited";
        }
        return BigDecimal.valueOf(value, scale).toPlainString();
    }
}
