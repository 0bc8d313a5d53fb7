package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.SilenceView;
import io.nautilus.notify.config.EscalationLevel;
import io.nautilus.notify.config.InhibitRule;
import io.nautilus.notify.config.NotifyConfig;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.config.RouteConfig;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The Alertmanager pipeline plus escalation, on one thread: raises are deduplicated by key into incidents, checked
 * against silences and inhibition rules, routed (routes in number order, the first match wins unless it says
 * {@code continue}), grouped ({@code group_wait}, {@code group_interval}, {@code repeat_interval}), escalated until
 * acknowledged, and released through the per-receiver and per-channel token buckets to the {@link Dispatcher}; what
 * the buckets hold back goes out later as one {@link Notification.Kind#SUMMARY} that says how many it stands for.
 *
 * <p>Not thread-safe: every method must be called from the engine's one thread ({@link NotifyEngine}). Time comes
 * only from the clock given, so tests drive it with a fake clock and {@link #advance()}.
 */
public final class AlertPipeline {

    /** The key of the alert the engine raises itself when its hand-off refused raises. */
    public static final String OVERFLOW_KEY = "notify-overflow";

    private static final int KEEP_RESOLVED = 1000;
    private static final int KEEP_ENDED_SILENCES = 100;
    private static final Pattern NUMERIC_ID = Pattern.compile("[Aa]?(\\d{1,18})");

    private record RouteEntry(RouteConfig config, AlertMatcher matcher) {
    }

    private record InhibitEntry(InhibitRule rule, AlertMatcher source, AlertMatcher target,
                                Map<List<String>, Map<Long, Incident>> firing) {
    }

    private record Timer(long at, long order, Timed target) {
    }

    private final Dispatcher dispatcher;
    private final Recorder recorder;
    private final LongSupplier clock;
    private final AtomicLong notificationIds = new AtomicLong();
    private final RateLimits limits;
    private NotifyConfig config = NotifyConfig.EMPTY;
    private List<RouteEntry> routes = List.of();
    private List<InhibitEntry> inhibitions = List.of();

    private final Map<String, Incident> openByKey = new HashMap<>();
    private final TreeMap<Long, Incident> incidents = new TreeMap<>();
    private final ArrayDeque<Incident> resolvedOrder = new ArrayDeque<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final LinkedHashMap<String, Silence> silences = new LinkedHashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final Map<String, Long> rolledUpByReceiver = new HashMap<>();

    private long nextIncidentId;
    private long nextSilenceId;
    private long timerOrder;
    private long deduplicated;
    private long silenced;
    private long inhibited;
    private long notifications;
    private long rolledUp;
    private long unmatched;
    private long overflowSeen;
    /** Receivers not yet told of the latest hand-off overflow: their next message also carries its incident. */
    private final Set<String> owedOverflow = new HashSet<>();

    /**
     * Creates the pipeline with no rules (every alert recorded, nobody told) until {@link #configure} is called.
     *
     * @param dispatcher where released messages go; must return at once
     * @param recorder   where raises and what is done with incidents are recorded
     * @param clock      now, in nanoseconds since the epoch
     */
    public AlertPipeline(Dispatcher dispatcher, Recorder recorder, LongSupplier clock) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = new RateLimits(clock);
    }

    /**
     * Takes new rules. Incidents, silences and groups stay; groups already formed keep the route settings they were
     * formed with until they empty; new alerts follow the new routes. A rate limit that did not change keeps its
     * tokens.
     *
     * @param newConfig the rules, already checked by {@link NotifyConfig#parse}
     */
    public void configure(NotifyConfig newConfig) {
        long now = clock.getAsLong();
        config = Objects.requireNonNull(newConfig, "config");
        List<RouteEntry> r = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            r.add(new RouteEntry(route, new AlertMatcher(route.match())));
        }
        routes = List.copyOf(r);
        List<InhibitEntry> i = new ArrayList<>();
        for (InhibitRule rule : config.inhibitions()) {
            i.add(new InhibitEntry(rule, new AlertMatcher(rule.source()), new AlertMatcher(rule.target()),
                    new HashMap<>()));
        }
        inhibitions = List.copyOf(i);
        for (Incident inc : openByKey.values()) {
            indexInhibitionSource(inc);
        }
        limits.configure(config);
        for (Incident inc : List.copyOf(openByKey.values())) {
            updateSuppression(inc, now, false);
        }
    }

    /** @return the rules in force */
    public NotifyConfig config() {
        return config;
    }

    /**
     * Gives out a notification id; ids increase and are shared with test messages. Safe from any thread.
     *
     * @return the next id
     */
    public long nextNotificationId() {
        return notificationIds.incrementAndGet();
    }

    /**
     * One raise: a repeat of an open incident's key updates it (count, latest alert) and tells nobody; a new key
     * opens an incident that is checked against silences and inhibition and routed into its groups.
     *
     * @param alert the alert
     */
    public void raise(Alert alert) {
        long now = clock.getAsLong();
        recorder.alert(alert);
        Incident inc = openByKey.get(alert.key());
        if (inc != null) {
            boolean moved = inc.alert.severity() != alert.severity() || !inc.alert.labels().equals(alert.labels());
            if (moved) {
                unindexInhibitionSource(inc, now);
            }
            inc.alert = alert;
            inc.count++;
            deduplicated++;
            if (moved) {
                indexInhibitionSource(inc);
                reroute(inc, now);
            }
            updateSuppression(inc, now, true);
            return;
        }
        inc = new Incident(++nextIncidentId, alert);
        openByKey.put(alert.key(), inc);
        incidents.put(inc.id, inc);
        indexInhibitionSource(inc);
        updateSuppression(inc, now, true);
        if (inc.suppressed()) {
            record("SUPPRESSED", inc, "", inc.suppressedBy, "");
        }
        for (RouteConfig route : matchingRoutes(alert)) {
            join(inc, route, now);
        }
        if (inc.route.isEmpty()) {
            unmatched++;
        }
    }

    private List<RouteConfig> matchingRoutes(Alert alert) {
        List<RouteConfig> matched = new ArrayList<>(1);
        for (RouteEntry route : routes) {
            if (route.matcher.matches(alert)) {
                matched.add(route.config);
                if (!route.config.continueMatching()) {
                    break;
                }
            }
        }
        return matched;
    }

    /**
     * A repeat changed the alert's severity or labels: it leaves the groups it no longer belongs to (silently: their
     * escalation and repeats stop) and joins the groups of the routes that take it now, as a new alert there.
     */
    private void reroute(Incident inc, long now) {
        List<RouteConfig> matched = matchingRoutes(inc.alert);
        Set<String> wanted = new LinkedHashSet<>();
        for (RouteConfig route : matched) {
            wanted.add(groupKey(inc.alert, route));
        }
        Set<String> kept = new LinkedHashSet<>();
        for (Member m : List.copyOf(inc.members)) {
            if (wanted.contains(m.group.key)) {
                kept.add(m.group.key);
            } else {
                m.group.members.remove(inc.id);
                inc.members.remove(m);
                m.due = Long.MAX_VALUE;
                if (m.group.members.isEmpty()) {
                    groups.remove(m.group.key);
                    m.group.due = Long.MAX_VALUE;
                }
            }
        }
        inc.route = "";
        for (RouteConfig route : matched) {
            if (!kept.contains(groupKey(inc.alert, route))) {
                join(inc, route, now);
            }
        }
        inc.route = matched.isEmpty() ? "" : matched.get(0).name();
    }

    /**
     * The source says an alert's condition cleared: the open incident with that key is resolved and the receivers
     * told about it are told it is resolved (at the group's next flush); nothing happens when none is open.
     *
     * @param key    the alert's key
     * @param reason why it cleared
     */
    public void resolveFromSource(String key, String reason) {
        Incident inc = openByKey.get(key);
        if (inc != null) {
            resolve(inc, reason, "", "", clock.getAsLong());
        }
    }

    /**
     * The engine's hand-off refused raises: the pipeline raises (or raises again) its own {@value #OVERFLOW_KEY}
     * alert saying how many, so the next notification tells it.
     *
     * @param totalRefused raises refused since start
     */
    public void overflowed(long totalRefused) {
        if (totalRefused <= overflowSeen) {
            return;
        }
        overflowSeen = totalRefused;
        owedOverflow.addAll(config.receivers().keySet());
        raise(new Alert(OVERFLOW_KEY, Severity.WARNING, AlertService.PLATFORM, totalRefused + " alert raises or"
                + " resolves were refused by the notification engine's full hand-off since it started (counted in"
                + " nautilus:alerts status; each raise was still recorded)", clock.getAsLong()));
    }

    /**
     * Acknowledges an open incident: its escalation stops and it gets no more repeats; it stays open.
     *
     * @param idOrKey {@code A12}, {@code 12} or an alert key
     * @param user    who acknowledges
     * @param comment why; may be empty
     * @return the incident after
     * @throws IllegalArgumentException when no open incident has that id or key, or it is already acknowledged
     */
    public AlertView acknowledge(String idOrKey, String user, String comment) {
        Incident inc = findOpen(idOrKey);
        if (inc.state == AlertState.ACKNOWLEDGED) {
            throw new IllegalArgumentException("A" + inc.id + " (" + inc.alert.key() + ") is already acknowledged by "
                    + inc.acknowledgedBy);
        }
        inc.state = AlertState.ACKNOWLEDGED;
        inc.acknowledgedBy = user;
        inc.acknowledgedNanos = clock.getAsLong();
        if (!comment.isEmpty()) {
            inc.comment = comment;
        }
        for (Member m : inc.members) {
            m.due = Long.MAX_VALUE;
        }
        record("ACKNOWLEDGED", inc, "", comment, user);
        return inc.view();
    }

    /**
     * Resolves an open incident by hand; its receivers are told at the group's next flush.
     *
     * @param idOrKey {@code A12}, {@code 12} or an alert key
     * @param user    who resolves
     * @param comment why; may be empty
     * @return the incident after
     * @throws IllegalArgumentException when no open incident has that id or key
     */
    public AlertView resolve(String idOrKey, String user, String comment) {
        Incident inc = findOpen(idOrKey);
        resolve(inc, user, comment, user, clock.getAsLong());
        return inc.view();
    }

    /**
     * One incident.
     *
     * @param idOrKey {@code A12}, {@code 12} or an alert key (the open incident, else the latest with that key)
     * @return it, or empty
     */
    public Optional<AlertView> alert(String idOrKey) {
        return Optional.ofNullable(find(idOrKey)).map(Incident::view);
    }

    /**
     * Incidents, newest first.
     *
     * @param includeResolved whether the recent resolved ones are listed too
     * @param limit           at most this many
     * @return them
     */
    public List<AlertView> alerts(boolean includeResolved, int limit) {
        List<AlertView> out = new ArrayList<>();
        for (Incident inc : incidents.descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            if (includeResolved || inc.open()) {
                out.add(inc.view());
            }
        }
        return out;
    }

    /**
     * Silences alerts matching all the matchers from now for a while.
     *
     * @param matchers all must match; not empty
     * @param duration how long; positive
     * @param user     who silences
     * @param comment  why; may be empty
     * @return the silence
     * @throws IllegalArgumentException when there is no matcher or the duration is not positive
     */
    public SilenceView silence(List<LabelMatcher> matchers, Duration duration, String user, String comment) {
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher, e.g. venue=CME");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a silence lasts a positive time, not " + duration);
        }
        if (duration.compareTo(NotifyConfig.LONGEST) > 0) {
            throw new IllegalArgumentException("a silence lasts at most " + NotifyConfig.LONGEST.toDays() + "d, not "
                    + duration.toDays() + "d");
        }
        long now = clock.getAsLong();
        Silence s = new Silence("S" + ++nextSilenceId, matchers, now, now + duration.toNanos(), user, comment);
        silences.put(s.id, s);
        schedule(s, s.endsNanos);
        pruneSilences(now);
        record("SILENCED", null, "", s.id + " " + matchers + " for " + duration
                + (comment.isEmpty() ? "" : ": " + comment), user);
        for (Incident inc : List.copyOf(openByKey.values())) {
            updateSuppression(inc, now, false);
        }
        return s.view(now);
    }

    /**
     * Silences, active and recently ended, newest first.
     *
     * @return them
     */
    public List<SilenceView> silences() {
        long now = clock.getAsLong();
        List<SilenceView> out = new ArrayList<>();
        for (Silence s : silences.values()) {
            out.add(0, s.view(now));
        }
        return out;
    }

    /**
     * Ends a silence now; the alerts it held are notified at their groups' next flush.
     *
     * @param id   {@code S3} or {@code 3}
     * @param user who ends it
     * @return the silence after
     * @throws IllegalArgumentException when no active silence has that id
     */
    public SilenceView expireSilence(String id, String user) {
        long now = clock.getAsLong();
        String normal = id.strip().toUpperCase(Locale.ROOT);
        Silence s = silences.get(normal.startsWith("S") ? normal : "S" + normal);
        if (s == null || !s.active(now)) {
            throw new IllegalArgumentException("no active silence '" + id + "' (nautilus:alerts silences lists them)");
        }
        s.endsNanos = now;
        s.due = Long.MAX_VALUE;
        record("SILENCE_EXPIRED", null, "", s.id + " " + s.matchers, user);
        lift(s);
        return s.view(now);
    }

    /**
     * Runs what is due by now: group flushes, repeats, escalations, summaries, silences ending.
     *
     * @return when the next thing is due, nanoseconds since the epoch; {@link Long#MAX_VALUE} when nothing is
     */
    public long advance() {
        long now = clock.getAsLong();
        Timer t;
        while ((t = timers.peek()) != null && t.at <= now) {
            timers.poll();
            Timed target = t.target;
            if (target.due != t.at) {
                continue;
            }
            target.due = Long.MAX_VALUE;
            if (target instanceof Group g) {
                flush(g, now);
            } else if (target instanceof Member m) {
                escalate(m, now);
            } else if (target instanceof RateLimits.Lane lane) {
                releaseSummary(lane, now);
            } else if (target instanceof Silence s) {
                record("SILENCE_EXPIRED", null, "", s.id + " " + s.matchers + " ended", "");
                lift(s);
            }
        }
        while ((t = timers.peek()) != null && t.target.due != t.at) {
            timers.poll();
        }
        return t == null ? Long.MAX_VALUE : t.at;
    }

    /**
     * How the pipeline is doing, with the counts kept outside it.
     *
     * @param raised      raises counted by the hand-off
     * @param overflowed  raises the hand-off refused
     * @param deadLetters notifications the delivery side gave up
     * @param configError the last refused configuration, or empty
     * @return the status
     */
    public NotifyStatus status(long raised, long overflowed, long deadLetters, String configError) {
        return new NotifyStatus(raised, deduplicated, silenced, inhibited, overflowed, openByKey.size(),
                notifications, rolledUp, deadLetters, configError, warnings());
    }

    /**
     * Notifications a receiver's rate limits rolled into summaries since start.
     *
     * @param receiver the receiver's name
     * @return the count
     */
    public long rolledUp(String receiver) {
        return rolledUpByReceiver.getOrDefault(receiver, 0L);
    }

    private List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            boolean any = false;
            for (String name : route.receivers()) {
                ReceiverConfig rc = config.receivers().get(name);
                any |= rc != null && rc.enabled();
            }
            if (!any) {
                out.add(route.name() + " has no receiver with an address: its alerts are recorded, nobody is told");
            }
        }
        if (unmatched > 0) {
            out.add(unmatched + " incidents matched no route since start (recorded, nobody told)");
        }
        for (ReceiverConfig rc : config.receivers().values()) {
            RateLimits.Lane lane = limits.pending(rc.name());
            if (lane != null) {
                out.add("receiver " + rc.name() + ": " + lane.rolledUp + " notifications held back by its rate"
                        + " limit, going out as one summary");
            }
        }
        return out;
    }

    private static String groupKey(Alert alert, RouteConfig route) {
        StringBuilder key = new StringBuilder(route.name()).append("/{");
        for (int i = 0; i < route.groupBy().size(); i++) {
            String label = route.groupBy().get(i);
            key.append(i == 0 ? "" : ",").append(label).append('=').append(AlertMatcher.value(alert, label));
        }
        return key.append('}').toString();
    }

    private void join(Incident inc, RouteConfig route, long now) {
        if (inc.route.isEmpty()) {
            inc.route = route.name();
        }
        String groupKey = groupKey(inc.alert, route);
        Group group = groups.get(groupKey);
        if (group == null) {
            group = new Group(groupKey, route);
            groups.put(groupKey, group);
            schedule(group, now + route.groupWait().toNanos());
        }
        Member m = new Member(inc, group);
        group.members.put(inc.id, m);
        inc.members.add(m);
        markChanged(group, now);
    }

    private void markChanged(Group group, long now) {
        group.changed = true;
        if (group.flushedOnce) {
            long at = Math.max(now, group.lastFlushNanos + group.route.groupInterval().toNanos());
            if (at < group.due) {
                schedule(group, at);
            }
        }
    }

    private void flush(Group group, long now) {
        RouteConfig route = group.route;
        List<Incident> firing = new ArrayList<>();
        List<Member> fresh = new ArrayList<>();
        List<Member> resolved = new ArrayList<>();
        for (Member m : group.members.values()) {
            Incident inc = m.incident;
            if (!inc.open()) {
                resolved.add(m);
            } else if (!inc.suppressed()) {
                firing.add(inc);
                if (!m.notified && inc.state == AlertState.FIRING) {
                    fresh.add(m);
                }
            }
        }
        boolean sent = false;
        if (!fresh.isEmpty()) {
            List<String> told = release(Notification.Kind.FIRING, route.receivers(), group.key, firing, now);
            for (Member m : fresh) {
                m.notified = true;
                m.told.addAll(told);
                if (!route.escalations().isEmpty() && m.nextLevel == 0 && m.due == Long.MAX_VALUE) {
                    schedule(m, now + route.escalations().get(0).after().toNanos());
                }
            }
            sent = !told.isEmpty();
        }
        Set<String> resolvedReceivers = new LinkedHashSet<>();
        List<Member> toTell = new ArrayList<>();
        for (Member m : resolved) {
            group.members.remove(m.incident.id);
            m.incident.members.remove(m);
            m.due = Long.MAX_VALUE;
            if (m.notified && !m.resolvedSent && !m.told.isEmpty()) {
                m.resolvedSent = true;
                toTell.add(m);
                resolvedReceivers.addAll(m.told);
            }
        }
        for (String receiver : resolvedReceivers) {
            List<Incident> about = new ArrayList<>();
            for (Member m : toTell) {
                if (m.told.contains(receiver)) {
                    about.add(m.incident);
                }
            }
            sent |= !release(Notification.Kind.RESOLVED, List.of(receiver), group.key, about, now).isEmpty();
        }
        long repeatNanos = route.repeatInterval().toNanos();
        if (!sent && group.lastNotifiedNanos > 0 && now >= group.lastNotifiedNanos + repeatNanos) {
            List<Incident> unacknowledged = repeatable(group);
            if (!unacknowledged.isEmpty()) {
                sent = !release(Notification.Kind.REPEAT, route.receivers(), group.key, unacknowledged, now).isEmpty();
            }
        }
        if (sent) {
            group.lastNotifiedNanos = now;
        }
        group.changed = false;
        group.flushedOnce = true;
        group.lastFlushNanos = now;
        if (group.members.isEmpty()) {
            groups.remove(group.key);
            return;
        }
        if (group.lastNotifiedNanos > 0 && !repeatable(group).isEmpty()) {
            schedule(group, Math.max(now + 1, group.lastNotifiedNanos + repeatNanos));
        }
    }

    private static List<Incident> repeatable(Group group) {
        List<Incident> out = new ArrayList<>();
        for (Member m : group.members.values()) {
            Incident inc = m.incident;
            if (m.notified && inc.state == AlertState.FIRING && !inc.suppressed()) {
                out.add(inc);
            }
        }
        return out;
    }

    private void escalate(Member m, long now) {
        Incident inc = m.incident;
        List<EscalationLevel> levels = m.group.route.escalations();
        if (inc.state != AlertState.FIRING || levels.isEmpty() || !m.group.members.containsKey(inc.id)) {
            return;
        }
        EscalationLevel level = levels.get(m.nextLevel);
        if (inc.suppressed()) {
            schedule(m, now + level.after().toNanos());
            return;
        }
        List<String> told = release(Notification.Kind.ESCALATION, level.receivers(), m.group.key, List.of(inc), now);
        m.told.addAll(told);
        inc.escalationLevel = level.level();
        record("ESCALATED", inc, String.join(",", told), "level " + level.level() + " of " + m.group.route.name(), "");
        m.nextLevel++;
        if (m.nextLevel >= levels.size()) {
            if (!m.group.route.escalateLoop()) {
                return;
            }
            m.nextLevel = 0;
        }
        schedule(m, now + levels.get(m.nextLevel).after().toNanos());
    }

    /** Releases one message per receiver through the rate limits; returns the receivers that take it. */
    private List<String> release(Notification.Kind kind, List<String> receivers, String groupKey,
                                 List<Incident> about, long now) {
        List<ReceiverConfig> targets = new ArrayList<>();
        for (String name : receivers) {
            ReceiverConfig rc = config.receivers().get(name);
            if (rc != null && rc.enabled()) {
                targets.add(rc);
            }
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        List<String> told = new ArrayList<>(targets.size());
        for (ReceiverConfig rc : targets) {
            told.add(rc.name());
            for (Incident inc : about) {
                inc.receivers.add(rc.name());
            }
        }
        List<AlertView> views = views(about);
        for (ReceiverConfig rc : targets) {
            if (limits.pending(rc.name()) == null && limits.tryTake(rc)) {
                dispatcher.dispatch(new Outgoing(nextNotificationId(), rc.name(), kind, groupKey,
                        withOverflow(rc.name(), views), 0, now));
                notifications++;
            } else {
                RateLimits.Lane lane = limits.lane(rc.name());
                lane.rolledUp++;
                for (Incident inc : about) {
                    lane.incidents.put(inc.id, inc);
                }
                rolledUp++;
                rolledUpByReceiver.merge(rc.name(), 1L, Long::sum);
                if (lane.due == Long.MAX_VALUE) {
                    schedule(lane, now + Math.max(1, limits.nanosUntilToken(rc)));
                }
            }
        }
        return told;
    }

    private void releaseSummary(RateLimits.Lane lane, long now) {
        ReceiverConfig rc = config.receivers().get(lane.receiver);
        if (rc != null && rc.enabled() && !limits.tryTake(rc)) {
            schedule(lane, now + Math.max(1, limits.nanosUntilToken(rc)));
            return;
        }
        int count = lane.rolledUp;
        List<AlertView> views = views(List.copyOf(lane.incidents.values()));
        lane.rolledUp = 0;
        lane.incidents.clear();
        if (rc == null || !rc.enabled()) {
            record("ROLLED_UP", null, lane.receiver, count + " notifications held back by the rate limit were not"
                    + " sent: the receiver is no longer configured", "");
            return;
        }
        dispatcher.dispatch(new Outgoing(nextNotificationId(), rc.name(), Notification.Kind.SUMMARY, "",
                withOverflow(rc.name(), views), count, now));
        notifications++;
        record("ROLLED_UP", null, rc.name(), count + " notifications rolled into one summary", "");
    }

    /**
     * The next message to each receiver after the hand-off refused raises also carries the {@value #OVERFLOW_KEY}
     * incident, whatever route that incident took.
     */
    private List<AlertView> withOverflow(String receiver, List<AlertView> views) {
        if (owedOverflow.isEmpty() || !owedOverflow.remove(receiver)) {
            return views;
        }
        Incident overflow = openByKey.get(OVERFLOW_KEY);
        if (overflow == null) {
            return views;
        }
        for (AlertView v : views) {
            if (v.id() == overflow.id) {
                return views;
            }
        }
        List<AlertView> more = new ArrayList<>(views.size() + 1);
        more.addAll(views);
        more.add(overflow.view());
        return more;
    }

    private static List<AlertView> views(List<Incident> about) {
        List<AlertView> views = new ArrayList<>(about.size());
        for (Incident inc : about) {
            views.add(inc.view());
        }
        return views;
    }

    private void resolve(Incident inc, String by, String comment, String user, long now) {
        inc.state = AlertState.RESOLVED;
        inc.resolvedBy = by;
        inc.resolvedNanos = now;
        if (!comment.isEmpty()) {
            inc.comment = comment;
        }
        openByKey.remove(inc.alert.key());
        resolvedOrder.addLast(inc);
        while (resolvedOrder.size() > KEEP_RESOLVED) {
            incidents.remove(resolvedOrder.pollFirst().id);
        }
        record("RESOLVED", inc, "", comment.isEmpty() ? by : comment, user);
        unindexInhibitionSource(inc, now);
        for (Member m : List.copyOf(inc.members)) {
            m.due = Long.MAX_VALUE;
            markChanged(m.group, now);
        }
    }

    private void updateSuppression(Incident inc, long now, boolean count) {
        String before = inc.suppressedBy;
        String after = suppression(inc, now);
        inc.suppressedBy = after;
        if (count && after.startsWith("silence")) {
            silenced++;
        } else if (count && !after.isEmpty()) {
            inhibited++;
        }
        if (!before.isEmpty() && after.isEmpty()) {
            for (Member m : inc.members) {
                markChanged(m.group, now);
            }
        }
    }

    private String suppression(Incident inc, long now) {
        for (Silence s : silences.values()) {
            if (s.active(now) && s.matcher.matches(inc.alert)) {
                return "silence " + s.id;
            }
        }
        for (InhibitEntry rule : inhibitions) {
            if (rule.target.matches(inc.alert)) {
                Map<Long, Incident> sources = rule.firing.get(equalValues(rule.rule, inc.alert));
                if (sources != null) {
                    for (Incident source : sources.values()) {
                        if (source != inc && !source.alert.key().equals(inc.alert.key())) {
                            return "inhibited by " + source.alert.key();
                        }
                    }
                }
            }
        }
        return "";
    }

    private void indexInhibitionSource(Incident inc) {
        for (InhibitEntry rule : inhibitions) {
            if (rule.source.matches(inc.alert)) {
                Map<Long, Incident> sources = rule.firing.computeIfAbsent(equalValues(rule.rule, inc.alert),
                        k -> new LinkedHashMap<>());
                boolean first = sources.isEmpty();
                sources.put(inc.id, inc);
                if (first && !incidents.isEmpty()) {
                    List<String> tuple = equalValues(rule.rule, inc.alert);
                    for (Incident target : List.copyOf(openByKey.values())) {
                        if (target != inc && !target.suppressed() && rule.target.matches(target.alert)
                                && tuple.equals(equalValues(rule.rule, target.alert))) {
                            updateSuppression(target, clock.getAsLong(), false);
                        }
                    }
                }
            }
        }
    }

    private void unindexInhibitionSource(Incident inc, long now) {
        boolean was = false;
        for (InhibitEntry rule : inhibitions) {
            Map<Long, Incident> sources = rule.firing.get(equalValues(rule.rule, inc.alert));
            if (sources != null && sources.remove(inc.id) != null) {
                was = true;
                if (sources.isEmpty()) {
                    rule.firing.remove(equalValues(rule.rule, inc.alert));
                }
            }
        }
        if (was) {
            String mark = "inhibited by " + inc.alert.key();
            for (Incident target : List.copyOf(openByKey.values())) {
                if (target.suppressedBy.equals(mark)) {
                    updateSuppression(target, now, false);
                }
            }
        }
    }

    private static List<String> equalValues(InhibitRule rule, Alert alert) {
        List<String> values = new ArrayList<>(rule.equal().size());
        for (String label : rule.equal()) {
            values.add(AlertMatcher.value(alert, label));
        }
        return values;
    }

    private void lift(Silence s) {
        long now = clock.getAsLong();
        String mark = "silence " + s.id;
        for (Incident inc : List.copyOf(openByKey.values())) {
            if (inc.suppressedBy.equals(mark)) {
                updateSuppression(inc, now, false);
            }
        }
    }

    private void pruneSilences(long now) {
        int ended = 0;
        for (Silence s : silences.values()) {
            ended += s.endsNanos <= now ? 1 : 0;
        }
        Iterator<Silence> it = silences.values().iterator();
        while (ended > KEEP_ENDED_SILENCES && it.hasNext()) {
            if (it.next().endsNanos <= now) {
                it.remove();
                ended--;
            }
        }
    }

    private Incident findOpen(String idOrKey) {
        Incident inc = find(idOrKey);
        if (inc == null || !inc.open()) {
            throw new IllegalArgumentException("no open incident has id or key '" + idOrKey
                    + "' (nautilus:alerts list shows them)");
        }
        return inc;
    }

    private Incident find(String idOrKey) {
        String s = idOrKey.strip();
        var numeric = NUMERIC_ID.matcher(s);
        if (numeric.matches()) {
            Incident byId = incidents.get(Long.parseLong(numeric.group(1)));
            if (byId != null) {
                return byId;
            }
        }
        Incident open = openByKey.get(s);
        if (open != null) {
            return open;
        }
        for (Incident inc : incidents.descendingMap().values()) {
            if (inc.alert.key().equals(s)) {
                return inc;
            }
        }
        return null;
    }

    private void schedule(Timed target, long at) {
        target.due = at;
        timers.add(new Timer(at, timerOrder++, target));
    }

    private void record(String event, Incident inc, String receiver, String detail, String user) {
        String channel = "";
        ReceiverConfig rc = receiver.isEmpty() || receiver.contains(",") ? null : config.receivers().get(receiver);
        if (rc != null) {
            channel = rc.channel();
        }
        recorder.event(new NotificationRecord(0, clock.getAsLong(), event, inc == null ? 0 : inc.id,
                inc == null ? "" : inc.alert.key(), receiver, channel, 0, "", detail, user));
    }
}
