package io.nautilus.shell.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.api.SilenceView;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:alerts [list [--all] [--limit N]]}, {@code show <A12|key>}, {@code ack <A12|key> [comment]},
 * {@code resolve <A12|key> [comment]}, {@code silence <matcher>... <duration> [comment]}, {@code silences},
 * {@code expire <S3>}, {@code test <receiver> [--timeout D]}, {@code receivers}, {@code deliveries [<A12|key>]
 * [--limit N]}, {@code dead-letters} and {@code status}: the notification engine's incidents, silences, receivers
 * and deliveries, through its {@link NotificationService}.
 *
 * <p>Incidents are shown as {@code A<id>} and named by that id ({@code A12} or {@code 12}) or by their alert key.
 * What changes something (ack, resolve, silence, expire, test) is done and recorded as the shell session's user.
 * The service is an optional reference: without it the command fails with one line (without the notification API
 * bundle the command is not registered at all).
 */
@Command(scope = "nautilus", name = "alerts",
        description = "The notification engine's alerts: list [--all] [--limit N] shows the open incidents (with"
                + " --all the resolved ones too), newest first; show <A12|key> one incident and its deliveries;"
                + " ack <A12|key> [comment] stops its escalation; resolve <A12|key> [comment] closes it;"
                + " silence <matcher>... <duration> [comment] mutes matching alerts for a while (venue=CME,"
                + " key=~\"risk-.*\", duration such as 30m, 2h, 1d; quote a matcher with | in it); silences lists"
                + " them; expire <S3> ends one; test <receiver> [--timeout 10s] sends a test message now;"
                + " receivers, deliveries [<A12|key>] [--limit N], dead-letters and status show the delivery side.")
@Service
public final class AlertsCommand implements Action {

    /** The line printed when the notification engine's service is not registered. */
    static final String NOT_RUNNING = "nautilus: the notification engine is not running";

    /** The sub-commands. */
    static final List<String> ACTIONS = List.of("list", "show", "ack", "resolve", "silence", "silences", "expire",
            "test", "receivers", "deliveries", "dead-letters", "status");

    /** Incidents {@code list} shows, and attempts {@code deliveries} shows, without {@code --limit}. */
    static final int DEFAULT_LIMIT = 50;

    /** Delivery attempts {@code show} prints for one incident. */
    static final int SHOW_DELIVERIES = 10;

    /** How long {@code test} waits for the attempt without {@code --timeout}. */
    static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofSeconds(10);

    /** The longest {@code --timeout} of {@code test}. */
    static final Duration MAX_TEST_TIMEOUT = Duration.ofMinutes(2);

    /** The longest silence. */
    static final Duration MAX_SILENCE = Duration.ofDays(365);

    /** The user recorded when the shell session has no JAAS subject (never the case over SSH or the console). */
    static final String UNKNOWN_USER = "unknown";

    private static final int TEXT_CELL = 60;
    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+[dhms])+");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)([dhms])");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Reference(optional = true)
    NotificationService notifications;

    @Argument(index = 0, name = "action", description = "list (default), show, ack, resolve, silence, silences,"
            + " expire, test, receivers, deliveries, dead-letters or status")
    @Completion(value = StringsCompleter.class, values = {"list", "show", "ack", "resolve", "silence", "silences",
        "expire", "test", "receivers", "deliveries", "dead-letters", "status"})
    String action;

    @Argument(index = 1, name = "args", multiValued = true, description = "show, ack, resolve, deliveries: the"
            + " incident (A12, 12 or its alert key), then for ack and resolve an optional comment; silence: matchers"
            + " (label=value, label!=value, label=~regex, label!~regex; also key, severity, source), a duration"
            + " (30m, 2h, 1d, 1h30m) and an optional comment; expire: the silence id; test: the receiver")
    @Completion(AlertIdCompleter.class)
    List<String> args;

    @Option(name = "--all", description = "list: the resolved incidents the engine still keeps too")
    boolean all;

    @Option(name = "--limit", description = "list, deliveries: at most this many rows (1 to 10000; default 50)")
    String limit;

    @Option(name = "--timeout", description = "test: how long to wait for the attempt (e.g. 30s; default 10s,"
            + " at most 2m)")
    String timeout;

    /** Who the shell session's user is: the JAAS subject's user principal. */
    Supplier<String> user = AlertsCommand::sessionUser;

    @Override
    public Object execute() throws Exception {
        NotificationService service = notifications;
        if (service == null) {
            throw new CommandException(NOT_RUNNING);
        }
        try {
            run(service, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException("nautilus: " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * Does the command's work.
     *
     * @param service the notification engine
     * @param out     where to print
     * @throws CommandException         when the command fails; its message is the one line the user sees
     * @throws IllegalArgumentException when an argument is wrong (or the engine refuses it), with the reason
     */
    void run(NotificationService service, PrintStream out) throws CommandException {
        List<String> words = new ArrayList<>();
        if (args != null) {
            for (String word : args) {
                words.add(word.strip());
            }
        }
        // exactly as typed: the shell's ACL tells the changing actions by their words
        String name = action == null ? "list" : action;
        if (!ACTIONS.contains(name)) {
            throw new IllegalArgumentException("unknown action '" + action + "'; use one of "
                    + String.join(", ", ACTIONS));
        }
        takeTrailingOptions(name, words);
        refuseOptions(name);
        switch (name) {
            case "list" -> {
                noMore(name, words, 0);
                list(service.alerts(all, limit()), all, out);
            }
            case "show" -> show(service, incident(name, words, false), out);
            case "ack" -> {
                String id = incident(name, words, true);
                AlertView after = service.acknowledge(id, user(), comment(words, 1));
                out.println(after.displayId() + " " + after.key() + ": " + after.state() + " by "
                        + after.acknowledgedBy() + "; escalation stopped");
            }
            case "resolve" -> {
                String id = incident(name, words, true);
                AlertView after = service.resolve(id, user(), comment(words, 1));
                out.println(after.displayId() + " " + after.key() + ": RESOLVED by " + after.resolvedBy());
            }
            case "silence" -> silence(service, words, out);
            case "silences" -> {
                noMore(name, words, 0);
                silences(service.silences(), out);
            }
            case "expire" -> {
                if (words.isEmpty()) {
                    throw new IllegalArgumentException("alerts expire needs a silence id, e.g. nautilus:alerts"
                            + " expire S3 (nautilus:alerts silences lists them)");
                }
                noMore(name, words, 1);
                SilenceView after = service.expireSilence(words.get(0), user());
                out.println("silence " + after.id() + " (" + matchers(after.matchers()) + ") ended at "
                        + time(after.endsNanos()));
            }
            case "test" -> test(service, words, out);
            case "receivers" -> {
                noMore(name, words, 0);
                receivers(service.receivers(), out);
            }
            case "deliveries" -> {
                noMore(name, words, 1);
                String about = words.isEmpty() ? null : words.get(0);
                if (about != null && service.alert(about).isEmpty()) {
                    throw noSuchAlert(about);
                }
                deliveries(service.deliveries(about, limit()), "no delivery attempts"
                        + (about == null ? "" : " for " + about), out);
            }
            case "dead-letters" -> {
                noMore(name, words, 0);
                deliveries(service.deadLetters(), "no dead letters", out);
            }
            case "status" -> {
                noMore(name, words, 0);
                status(service.status(), out);
            }
            default -> throw new IllegalStateException(name);
        }
    }

    /** Takes {@code --all}, {@code --limit N} and {@code --timeout D} typed after the action. */
    private void takeTrailingOptions(String name, List<String> words) {
        if (name.equals("ack") || name.equals("resolve") || name.equals("silence")) {
            return;
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            String option = equals < 0 ? word : word.substring(0, equals);
            switch (option) {
                case "--all" -> {
                    if (equals >= 0) {
                        throw new IllegalArgumentException("--all takes no value");
                    }
                    all = true;
                    words.remove(i--);
                }
                case "--limit", "--timeout" -> {
                    String value;
                    if (equals >= 0) {
                        value = word.substring(equals + 1);
                        words.remove(i--);
                    } else if (i + 1 < words.size()) {
                        value = words.get(i + 1);
                        words.remove(i);
                        words.remove(i--);
                    } else {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    if (option.equals("--limit")) {
                        if (limit != null) {
                            throw new IllegalArgumentException("--limit is given twice");
                        }
                        limit = value;
                    } else {
                        if (timeout != null) {
                            throw new IllegalArgumentException("--timeout is given twice");
                        }
                        timeout = value;
                    }
                }
                default -> {
                    if (word.startsWith("--")) {
                        throw new IllegalArgumentException("'" + word + "' is not an option of nautilus:alerts "
                                + name + " (--all, --limit, --timeout; nautilus:alerts --help lists them)");
                    }
                }
            }
        }
    }

    private void refuseOptions(String name) {
        if (all && !name.equals("list")) {
            throw new IllegalArgumentException("--all goes only with nautilus:alerts list");
        }
        if (limit != null && !name.equals("list") && !name.equals("deliveries")) {
            throw new IllegalArgumentException("--limit goes only with nautilus:alerts list and deliveries");
        }
        if (timeout != null && !name.equals("test")) {
            throw new IllegalArgumentException("--timeout goes only with nautilus:alerts test");
        }
    }

    private int limit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 10_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new IllegalArgumentException("--limit '" + limit + "' is not a whole number from 1 to 10000");
    }

    private String user() {
        String name = user.get();
        return name == null || name.isBlank() ? UNKNOWN_USER : name;
    }

    /** @return the user principal of the JAAS subject the shell session runs as, or null without one */
    private static String sessionUser() {
        return ShellUtil.getCurrentUserName();
    }

    private static String incident(String action, List<String> words, boolean commentAllowed) {
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("alerts " + action + " needs an incident, e.g. nautilus:alerts "
                    + action + " A12 (or its alert key; nautilus:alerts list shows them)");
        }
        if (!commentAllowed) {
            noMore(action, words, 1);
        }
        return words.get(0);
    }

    private static String comment(List<String> words, int from) {
        return words.size() <= from ? "" : String.join(" ", words.subList(from, words.size())).strip();
    }

    private static void noMore(String action, List<String> words, int allowed) {
        if (words.size() > allowed) {
            throw new IllegalArgumentException("alerts " + action + " takes " + (allowed == 0 ? "no arguments"
                    : "one argument") + "; unexpected '" + words.get(allowed) + "'");
        }
    }

    private static IllegalArgumentException noSuchAlert(String idOrKey) {
        return new IllegalArgumentException("no alert " + idOrKey + " (nautilus:alerts list --all shows them)");
    }

    // ---- silence

    private void silence(NotificationService service, List<String> words, PrintStream out) {
        List<LabelMatcher> matchers = new ArrayList<>();
        int i = 0;
        while (i < words.size() && !DURATION.matcher(words.get(i).toLowerCase(Locale.ROOT)).matches()) {
            matchers.add(LabelMatcher.parse(words.get(i)));
            i++;
        }
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("alerts silence needs at least one matcher before the duration, e.g."
                    + " nautilus:alerts silence venue=CME 2h venue maintenance");
        }
        if (i == words.size()) {
            throw new IllegalArgumentException("alerts silence needs a duration after the matchers, such as 30m, 2h"
                    + " or 1d");
        }
        Duration duration = duration(words.get(i));
        if (duration.isZero() || duration.compareTo(MAX_SILENCE) > 0) {
            throw new IllegalArgumentException("silence duration '" + words.get(i) + "' must be more than 0 and at"
                    + " most 365d");
        }
        SilenceView created = service.silence(matchers, duration, user(), comment(words, i + 1));
        out.println("silence " + created.id() + " (" + matchers(created.matchers()) + ") by " + created.createdBy()
                + " until " + time(created.endsNanos()) + " UTC");
    }

    /**
     * Reads a duration as the shell takes it: one or more whole numbers each followed by {@code d}, {@code h},
     * {@code m} or {@code s}, e.g. {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d}.
     *
     * @param text the duration
     * @return it
     * @throws IllegalArgumentException naming the text when it is not such a duration or is too long
     */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!DURATION.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 30m, 2h, 1d or 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(value);
        try {
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return total;
    }

    // ---- test

    private void test(NotificationService service, List<String> words, PrintStream out) throws CommandException {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("alerts test needs a receiver, e.g. nautilus:alerts test ops-email"
                    + " (nautilus:alerts receivers lists them)");
        }
        noMore("test", words, 1);
        Duration wait = DEFAULT_TEST_TIMEOUT;
        if (timeout != null) {
            wait = duration(timeout);
            if (wait.isZero() || wait.compareTo(MAX_TEST_TIMEOUT) > 0) {
                throw new IllegalArgumentException("--timeout '" + timeout + "' must be more than 0 and at most 2m");
            }
        }
        String receiver = words.get(0);
        DeliveryView attempt = service.test(receiver, user(), wait);
        String line = "test to " + attempt.receiver() + " (" + attempt.channel() + "): " + attempt.outcome()
                + (attempt.latencyNanos() > 0 ? " in " + Durations.format(attempt.latencyNanos() / 1_000_000) : "")
                + (attempt.detail().isEmpty() ? "" : ": " + attempt.detail());
        if (attempt.outcome() != DeliveryResult.Outcome.DELIVERED) {
            throw new CommandException("nautilus: " + line);
        }
        out.println(line);
    }

    // ---- tables

    /** The incidents as a table, newest first as the engine gives them. */
    static void list(List<AlertView> alerts, boolean all, PrintStream out) {
        if (alerts.isEmpty()) {
            out.println(all ? "no alerts" : "no open alerts (nautilus:alerts list --all shows resolved ones)");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("STATE");
        table.column("SEVERITY");
        table.column("KEY");
        table.column("COUNT").alignRight();
        table.column("LAST (UTC)");
        table.column("RECEIVERS");
        table.column("NOTE");
        table.column("TEXT");
        for (AlertView a : alerts) {
            table.addRow().addContent(a.displayId(), a.state(), a.alert().severity(), a.key(), a.count(),
                    time(a.alert().timestampNanos()), a.receivers().isEmpty() ? "-" : String.join(",", a.receivers()),
                    note(a), cell(a.alert().text()));
        }
        table.print(out);
    }

    private static void show(NotificationService service, String idOrKey, PrintStream out) {
        AlertView a = service.alert(idOrKey).orElseThrow(() -> noSuchAlert(idOrKey));
        Alert alert = a.alert();
        ShellTable table = new ShellTable();
        table.column("FIELD");
        table.column("VALUE");
        table.addRow().addContent("id", a.displayId());
        table.addRow().addContent("key", a.key());
        table.addRow().addContent("state", a.state());
        table.addRow().addContent("severity", alert.severity());
        table.addRow().addContent("source", alert.source());
        table.addRow().addContent("labels", labels(alert.labels()));
        table.addRow().addContent("text", alert.text().replaceAll("\\R", " / "));
        table.addRow().addContent("first (UTC)", time(a.firstNanos()));
        table.addRow().addContent("last (UTC)", time(alert.timestampNanos()));
        table.addRow().addContent("count", a.count());
        table.addRow().addContent("route", a.route().isEmpty() ? "(no rule matched)" : a.route());
        table.addRow().addContent("receivers", a.receivers().isEmpty() ? "-" : String.join(", ", a.receivers()));
        table.addRow().addContent("escalation level", a.escalationLevel());
        table.addRow().addContent("suppressed", a.suppressedBy().isEmpty() ? "no" : a.suppressedBy());
        table.addRow().addContent("acknowledged", a.acknowledgedBy().isEmpty() ? "no"
                : "by " + a.acknowledgedBy() + " at " + time(a.acknowledgedNanos()));
        table.addRow().addContent("resolved", a.resolvedBy().isEmpty() ? "no"
                : "by " + a.resolvedBy() + " at " + time(a.resolvedNanos()));
        table.addRow().addContent("comment", a.comment().isEmpty() ? "-" : a.comment());
        table.print(out);
        List<DeliveryView> attempts = service.deliveries(a.displayId(), SHOW_DELIVERIES);
        out.println();
        deliveries(attempts, "no delivery attempts for " + a.displayId(), out);
    }

    /** The silences as a table. */
    static void silences(List<SilenceView> silences, PrintStream out) {
        if (silences.isEmpty()) {
            out.println("no silences");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("ACTIVE");
        table.column("MATCHERS");
        table.column("STARTS (UTC)");
        table.column("ENDS (UTC)");
        table.column("BY");
        table.column("COMMENT");
        for (SilenceView s : silences) {
            table.addRow().addContent(s.id(), s.active() ? "yes" : "no", matchers(s.matchers()),
                    time(s.startsNanos()), time(s.endsNanos()), s.createdBy(), cell(s.comment()));
        }
        table.print(out);
    }

    /** The receivers as a table. */
    static void receivers(List<ReceiverView> receivers, PrintStream out) {
        if (receivers.isEmpty()) {
            out.println("no receivers configured (etc/io.nautilus.notify.cfg)");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("RECEIVER");
        table.column("CHANNEL");
        table.column("ENABLED");
        table.column("ADDRESS");
        table.column("DELIVERED").alignRight();
        table.column("FAILED").alignRight();
        table.column("DEAD").alignRight();
        table.column("QUEUED").alignRight();
        table.column("ROLLED UP").alignRight();
        table.column("LAST ERROR");
        for (ReceiverView r : receivers) {
            table.addRow().addContent(r.name(), r.channel(), r.enabled() ? "yes" : "no (no address)",
                    r.address().isEmpty() ? "-" : r.address(), r.delivered(), r.failed(), r.deadLetters(),
                    r.queued(), r.rolledUp(), r.lastError().isEmpty() ? "-" : cell(r.lastError()));
        }
        table.print(out);
    }

    /** Delivery attempts as a table. */
    static void deliveries(List<DeliveryView> attempts, String none, PrintStream out) {
        if (attempts.isEmpty()) {
            out.println(none);
            return;
        }
        ShellTable table = new ShellTable();
        table.column("TIME (UTC)");
        table.column("NOTIFICATION").alignRight();
        table.column("ALERTS");
        table.column("RECEIVER");
        table.column("CHANNEL");
        table.column("KIND");
        table.column("ATTEMPT").alignRight();
        table.column("OUTCOME");
        table.column("LATENCY").alignRight();
        table.column("DETAIL");
        for (DeliveryView d : attempts) {
            table.addRow().addContent(time(d.timestampNanos()), d.notificationId(), alertIds(d.alertIds()),
                    d.receiver(), d.channel(), d.kind(), d.attempt(),
                    d.outcome() + (d.deadLetter() ? " (dead letter)" : ""),
                    Durations.format(d.latencyNanos() / 1_000_000), d.detail().isEmpty() ? "-" : cell(d.detail()));
        }
        table.print(out);
    }

    /** The engine's counts, one a row. */
    static void status(NotifyStatus s, PrintStream out) {
        ShellTable table = new ShellTable().noHeaders();
        table.column("Name");
        table.column("Value");
        table.addRow().addContent("Raised", s.raised());
        table.addRow().addContent("Deduplicated", s.deduplicated());
        table.addRow().addContent("Silenced", s.silenced());
        table.addRow().addContent("Inhibited", s.inhibited());
        table.addRow().addContent("Overflowed", s.overflowed());
        table.addRow().addContent("Open incidents", s.open());
        table.addRow().addContent("Notifications", s.notifications());
        table.addRow().addContent("Rolled up", s.rolledUp());
        table.addRow().addContent("Dead letters", s.deadLetters());
        table.addRow().addContent("Config error", s.configError().isEmpty() ? "none" : s.configError());
        if (s.warnings().isEmpty()) {
            table.addRow().addContent("Warnings", "none");
        }
        for (String warning : s.warnings()) {
            table.addRow().addContent("Warning", warning);
        }
        table.print(out);
    }

    private static String note(AlertView a) {
        if (!a.suppressedBy().isEmpty()) {
            return "suppressed: " + a.suppressedBy();
        }
        if (!a.resolvedBy().isEmpty()) {
            return "resolved by " + a.resolvedBy();
        }
        if (!a.acknowledgedBy().isEmpty()) {
            return "acked by " + a.acknowledgedBy();
        }
        return a.escalationLevel() > 0 ? "escalation level " + a.escalationLevel() : "-";
    }

    private static String alertIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            sb.append(sb.length() == 0 ? "A" : ",A").append(id);
        }
        return sb.toString();
    }

    private static String matchers(List<LabelMatcher> matchers) {
        List<String> parts = new ArrayList<>(matchers.size());
        for (LabelMatcher m : matchers) {
            parts.add(m.toString());
        }
        return String.join(" ", parts);
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>(labels.size());
        for (Map.Entry<String, String> e : labels.entrySet()) {
            parts.add(e.getKey() + "=" + e.getValue());
        }
        return String.join(" ", parts);
    }

    /** Text as one table cell: its first line, cut at {@value #TEXT_CELL} characters. */
    private static String cell(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        boolean more = !line.equals(text.strip());
        if (line.length() > TEXT_CELL) {
            return line.substring(0, TEXT_CELL - 3) + "...";
        }
        return more ? line + " ..." : line.isEmpty() ? "-" : line;
    }

    private static String time(long epochNanos) {
        if (epochNanos <= 0) {
            return "-";
        }
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }
}
