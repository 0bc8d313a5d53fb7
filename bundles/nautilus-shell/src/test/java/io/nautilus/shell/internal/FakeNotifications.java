package io.nautilus.shell.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.api.SilenceView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notification engine in memory that keeps its incidents, silences and deliveries as the service contract says
 * (ids {@code A<n>} / {@code S<n>}, lookups by id or key, open incidents only for ack and resolve) and records every
 * call that changes something, with its user.
 */
final class FakeNotifications implements NotificationService {

    static final long T0 = 1_780_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;

    final List<AlertView> incidents = new ArrayList<>();
    final List<SilenceView> silenceList = new ArrayList<>();
    final List<ReceiverView> receiverList = new ArrayList<>();
    final List<DeliveryView> attempts = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    DeliveryResult.Outcome testOutcome = DeliveryResult.Outcome.DELIVERED;
    String testDetail = "<test-1@nautilus>";
    NotifyStatus status = new NotifyStatus(10_000, 9_990, 3, 2, 0, 1, 4, 1, 0, "", List.of());
    long now = T0 + 100 * SECOND;
    boolean lastIncludeResolved;
    int lastLimit;

    /** Opens an incident. */
    AlertView open(String key, Severity severity, String text, Map<String, String> labels) {
        long id = incidents.size() + 1;
        AlertView view = new AlertView(id, new Alert(key, severity, "core", text, T0 + id * SECOND, labels),
                AlertState.FIRING, T0 + id * SECOND, 1, "critical", List.of("ops-email"), 0, "", "", 0, "", 0, "");
        incidents.add(view);
        return view;
    }

    /** Adds a delivery attempt. */
    DeliveryView attempt(long alertId, String receiver, DeliveryResult.Outcome outcome, String detail,
                         boolean deadLetter) {
        DeliveryView d = new DeliveryView(attempts.size() + 1, List.of(alertId), receiver, "email",
                Notification.Kind.FIRING, 1, outcome, detail, T0 + 50 * SECOND, 42_000_000, deadLetter);
        attempts.add(0, d);
        return d;
    }

    @Override
    public List<AlertView> alerts(boolean includeResolved, int limit) {
        lastIncludeResolved = includeResolved;
        lastLimit = limit;
        List<AlertView> out = new ArrayList<>();
        for (int i = incidents.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (includeResolved || incidents.get(i).open()) {
                out.add(incidents.get(i));
            }
        }
        return out;
    }

    @Override
    public Optional<AlertView> alert(String idOrKey) {
        String id = idOrKey.startsWith("A") ? idOrKey.substring(1) : idOrKey;
        for (int i = incidents.size() - 1; i >= 0; i--) {
            AlertView a = incidents.get(i);
            if (Long.toString(a.id()).equals(id) || a.key().equals(idOrKey)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private AlertView openOne(String idOrKey) {
        AlertView a = alert(idOrKey).orElse(null);
        if (a == null || !a.open()) {
            throw new IllegalArgumentException("no open alert " + idOrKey);
        }
        return a;
    }

    private AlertView replace(AlertView before, AlertView after) {
        incidents.set(incidents.indexOf(before), after);
        return after;
    }

    @Override
    public AlertView acknowledge(String idOrKey, String user, String comment) {
        AlertView a = openOne(idOrKey);
        calls.add("ack " + a.displayId() + " by " + user + ": " + comment);
        return replace(a, new AlertView(a.id(), a.alert(), AlertState.ACKNOWLEDGED, a.firstNanos(), a.count(),
                a.route(), a.receivers(), a.escalationLevel(), a.suppressedBy(), user, now, "", 0, comment));
    }

    @Override
    public AlertView resolve(String idOrKey, String user, String comment) {
        AlertView a = openOne(idOrKey);
        calls.add("resolve " + a.displayId() + " by " + user + ": " + comment);
        return replace(a, new AlertView(a.id(), a.alert(), AlertState.RESOLVED, a.firstNanos(), a.count(),
                a.route(), a.receivers(), a.escalationLevel(), a.suppressedBy(), a.acknowledgedBy(),
                a.acknowledgedNanos(), user, now, comment));
    }

    @Override
    public SilenceView silence(List<LabelMatcher> matchers, Duration duration, String user, String comment) {
        if (matchers.isEmpty() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a silence needs a matcher and a positive duration");
        }
        SilenceView s = new SilenceView("S" + (silenceList.size() + 1), matchers, now, now + duration.toNanos(), user,
                comment, true);
        silenceList.add(0, s);
        calls.add("silence " + matchers + " for " + duration + " by " + user + ": " + comment);
        return s;
    }

    @Override
    public List<SilenceView> silences() {
        return List.copyOf(silenceList);
    }

    @Override
    public SilenceView expireSilence(String id, String user) {
        for (int i = 0; i < silenceList.size(); i++) {
            SilenceView s = silenceList.get(i);
            if (s.id().equals(id) && s.active()) {
                SilenceView ended = new SilenceView(s.id(), s.matchers(), s.startsNanos(), now, s.createdBy(),
                        s.comment(), false);
                silenceList.set(i, ended);
                calls.add("expire " + id + " by " + user);
                return ended;
            }
        }
        throw new IllegalArgumentException("no active silence " + id);
    }

    @Override
    public DeliveryView test(String receiver, String user, Duration timeout) {
        ReceiverView r = receiverList.stream().filter(x -> x.name().equals(receiver)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no receiver " + receiver));
        calls.add("test " + receiver + " by " + user + " within " + timeout);
        return new DeliveryView(99, List.of(), r.name(), r.channel(), Notification.Kind.TEST, 1, testOutcome,
                testDetail, now, 85_000_000, false);
    }

    @Override
    public List<ReceiverView> receivers() {
        return List.copyOf(receiverList);
    }

    @Override
    public List<DeliveryView> deliveries(String idOrKey, int limit) {
        calls.add("deliveries " + idOrKey + " " + limit);
        Long only = idOrKey == null ? null : alert(idOrKey).map(AlertView::id).orElse(-1L);
        return attempts.stream().filter(d -> only == null || d.alertIds().contains(only)).limit(limit).toList();
    }

    @Override
    public List<DeliveryView> deadLetters() {
        return attempts.stream().filter(DeliveryView::deadLetter).toList();
    }

    @Override
    public NotifyStatus status() {
        return status;
    }
}
