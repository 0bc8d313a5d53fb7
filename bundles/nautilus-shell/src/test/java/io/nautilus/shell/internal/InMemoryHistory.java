package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.alert.Alert;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.api.PositionSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A history store in memory, answering queries as the service contract says (filters applied, newest first, at
 * most the limit); it records every query it is asked and can be made to fail like an unreachable database.
 */
final class InMemoryHistory implements HistoryService {

    final List<OrderEvent> orders = new ArrayList<>();
    final List<FillEvent> fills = new ArrayList<>();
    final List<PositionSnapshot> positions = new ArrayList<>();
    final List<BarRecord> bars = new ArrayList<>();
    final List<AlertRecord> alerts = new ArrayList<>();
    final List<InstrumentRecord> instruments = new ArrayList<>();
    final List<AccountRecord> accounts = new ArrayList<>();
    final List<BacktestRun> runs = new ArrayList<>();
    final List<NotificationRecord> notifications = new ArrayList<>();
    final List<HistoryQuery> asked = new ArrayList<>();
    HistoryStatus status;
    String failure;

    private void answer(HistoryQuery query) {
        if (failure != null) {
            throw new HistoryUnavailableException(failure, null);
        }
        if (query != null) {
            asked.add(query);
        }
    }

    private static <T> List<T> select(List<T> all, HistoryQuery q, Function<T, AccountId> account,
                                      Function<T, InstrumentId> instrument, Function<T, Instant> time) {
        return all.stream()
                .filter(r -> q.account() == null || q.account().equals(account.apply(r)))
                .filter(r -> q.instrument() == null || q.instrument().equals(instrument.apply(r)))
                .filter(r -> q.from() == null || !time.apply(r).isBefore(q.from()))
                .filter(r -> q.to() == null || time.apply(r).isBefore(q.to()))
                .sorted(Comparator.comparing(time).reversed())
                .limit(q.limit())
                .toList();
    }

    private static Instant nanos(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    @Override
    public List<OrderEvent> orders(HistoryQuery query) {
        answer(query);
        return select(orders, query, OrderEvent::account, OrderEvent::instrument, OrderEvent::eventTime);
    }

    @Override
    public List<FillEvent> fills(HistoryQuery query) {
        answer(query);
        return select(fills, query, FillEvent::account, FillEvent::instrument, FillEvent::time);
    }

    @Override
    public List<PositionSnapshot> positions(HistoryQuery query) {
        answer(query);
        return select(positions, query, PositionSnapshot::account, PositionSnapshot::instrument,
                PositionSnapshot::time);
    }

    @Override
    public List<BarRecord> bars(HistoryQuery query) {
        answer(query);
        return select(bars, query.withAccount(null), b -> null, b -> b.bar().instrument(),
                b -> nanos(b.bar().startNanos()));
    }

    @Override
    public List<AlertRecord> alerts(HistoryQuery query) {
        answer(query);
        return select(alerts, query.withAccount(null).withInstrument(null), a -> null, a -> null,
                a -> nanos(a.alert().timestampNanos()));
    }

    @Override
    public List<InstrumentRecord> instruments() {
        answer(null);
        return List.copyOf(instruments);
    }

    @Override
    public List<AccountRecord> accounts() {
        answer(null);
        return List.copyOf(accounts);
    }

    @Override
    public List<BacktestRun> backtestRuns(HistoryQuery query) {
        answer(query);
        return select(runs, query.withAccount(null).withInstrument(null), r -> null, r -> null,
                BacktestRun::startedAt);
    }

    @Override
    public boolean recordAlert(Alert alert) {
        alerts.add(new AlertRecord(alerts.size() + 1, alert));
        return true;
    }

    @Override
    public boolean recordNotification(NotificationRecord record) {
        notifications.add(new NotificationRecord(notifications.size() + 1, record.timestampNanos(), record.event(),
                record.alertId(), record.alertKey(), record.receiver(), record.channel(), record.attempt(),
                record.outcome(), record.detail(), record.user()));
        return true;
    }

    @Override
    public List<NotificationRecord> notifications(HistoryQuery query) {
        answer(query);
        return select(notifications, query.withAccount(null).withInstrument(null), n -> null, n -> null,
                n -> nanos(n.timestampNanos()));
    }

    @Override
    public void recordBacktestRun(BacktestRun run) {
        runs.removeIf(r -> r.runId().equals(run.runId()));
        runs.add(run);
    }

    @Override
    public HistoryStatus status() {
        answer(null);
        return status;
    }
}
