package io.nautilus.notify.config;

import io.nautilus.notify.api.LabelMatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification engine's rules as read from {@code etc/io.nautilus.notify.cfg}: receivers, channel rate limits,
 * routes and inhibition rules, and the templates folder. {@link #parse(Map)} checks the whole file; a file with an
 * error is refused whole, so the rules in force stay.
 *
 * @param receivers    the receivers by name, in name order
 * @param channelRates rate limits per channel (all its receivers together); a channel not listed is unlimited
 * @param routes       the routes, in increasing number
 * @param inhibitions  the inhibition rules, in increasing number
 * @param templates    the folder whose {@code <channel>.subject.ftl} and {@code <channel>.body.ftl} override the
 *                     shipped templates; may be empty
 */
public record NotifyConfig(Map<String, ReceiverConfig> receivers, Map<String, RateLimit> channelRates,
                           List<RouteConfig> routes, List<InhibitRule> inhibitions, String templates) {

    /** No receiver, no route: every alert is recorded and nobody is told. */
    public static final NotifyConfig EMPTY = new NotifyConfig(Map.of(), Map.of(), List.of(), List.of(), "");

    /** The group wait of a route that does not say, as in Alertmanager. */
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    /** The group interval of a route that does not say, as in Alertmanager. */
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    /** The repeat interval of a route that does not say, as in Alertmanager. */
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    /** The longest duration the configuration takes. */
    public static final Duration LONGEST = Duration.ofDays(3650);

    private static final Set<String> SECRET_SETTINGS = Set.of("password", "secret", "token");
    private static final Set<String> RETRY_SETTINGS = Set.of("retries", "backoff", "give_up_after", "timeout");
    private static final Set<String> ROUTE_SETTINGS = Set.of("match", "receivers", "group_by", "group_wait",
            "group_interval", "repeat_interval", "continue", "escalate.loop");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern RECEIVER_KEY = Pattern.compile("receiver\\.([^.]+)\\.(.+)");
    private static final Pattern CHANNEL_KEY = Pattern.compile("channel\\.([^.]+)\\.(.+)");
    private static final Pattern ROUTE_KEY = Pattern.compile("route\\.([^.]+)\\.(.+)");
    private static final Pattern ESCALATE_KEY = Pattern.compile("escalate\\.([^.]+)\\.(after|receivers)");
    private static final Pattern INHIBIT_KEY = Pattern.compile("inhibit\\.([^.]+)\\.(.+)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final Pattern MATCHER_SEPARATOR =
            Pattern.compile(",\\s*(?=[A-Za-z_][A-Za-z0-9_]*\\s*(=|!=|=~|!~))");

    /**
     * Checks the rules.
     *
     * @throws NullPointerException if a component is null
     */
    public NotifyConfig {
        receivers = Collections.unmodifiableMap(new TreeMap<>(receivers));
        channelRates = Collections.unmodifiableMap(new TreeMap<>(channelRates));
        routes = List.copyOf(routes);
        inhibitions = List.copyOf(inhibitions);
        Objects.requireNonNull(templates, "templates");
    }

    /**
     * Reads the rules from the configuration's properties. Properties Config Admin and File Install add
     * ({@code service.*}, {@code felix.*}, {@code component.*}, {@code osgi.*}) are ignored.
     *
     * @param properties the configuration, key to value
     * @return the rules
     * @throws IllegalArgumentException one line naming the first bad key and what is wrong with it
     */
    public static NotifyConfig parse(Map<String, String> properties) {
        Map<String, String> props = new TreeMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey().strip();
            if (!ignored(key)) {
                props.put(key, e.getValue() == null ? "" : e.getValue().strip());
            }
        }
        RetryConfig defaultRetry = retry("", props, RetryConfig.DEFAULT);
        Map<String, Map<String, String>> receiverSettings = new TreeMap<>();
        Map<String, RateLimit> channelRates = new TreeMap<>();
        Map<Integer, Map<String, String>> routeSettings = new TreeMap<>();
        Map<Integer, Map<String, String>> inhibitSettings = new TreeMap<>();
        String templates = "";
        for (Map.Entry<String, String> e : props.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            Matcher m;
            if (RETRY_SETTINGS.contains(key)) {
                continue;
            } else if (key.equals("templates")) {
                templates = value;
            } else if ((m = RECEIVER_KEY.matcher(key)).matches()) {
                receiverSettings.computeIfAbsent(name(key, m.group(1), "receiver"), n -> new TreeMap<>())
                        .put(m.group(2), value);
            } else if ((m = CHANNEL_KEY.matcher(key)).matches()) {
                if (!m.group(2).equals("rate")) {
                    throw bad(key, value, "unknown channel setting (channel.<name>.rate is the only one)");
                }
                channelRates.put(name(key, m.group(1), "channel"), rate(key, value));
            } else if ((m = ROUTE_KEY.matcher(key)).matches()) {
                routeSettings.computeIfAbsent(number(key, m.group(1), "route"), n -> new TreeMap<>())
                        .put(m.group(2), value);
            } else if ((m = INHIBIT_KEY.matcher(key)).matches()) {
                inhibitSettings.computeIfAbsent(number(key, m.group(1), "inhibition rule"), n -> new TreeMap<>())
                        .put(m.group(2), value);
            } else {
                throw bad(key, value, "unknown key (receiver.*, channel.*, route.*, inhibit.*, retries, backoff,"
                        + " give_up_after, timeout, templates are known)");
            }
        }
        Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : receiverSettings.entrySet()) {
            receivers.put(e.getKey(), receiver(e.getKey(), e.getValue(), defaultRetry));
        }
        List<RouteConfig> routes = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : routeSettings.entrySet()) {
            routes.add(route(e.getKey(), e.getValue(), receivers));
        }
        List<InhibitRule> inhibitions = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : inhibitSettings.entrySet()) {
            inhibitions.add(inhibition(e.getKey(), e.getValue()));
        }
        return new NotifyConfig(receivers, channelRates, routes, inhibitions, templates);
    }

    /**
     * Reads a duration as the configuration writes it: {@code 0}, {@code 500ms}, {@code 10s}, {@code 5m},
     * {@code 1h}, {@code 1d}, {@code 1w}, or a sum such as {@code 1h30m}.
     *
     * @param text the duration
     * @return it
     * @throws IllegalArgumentException if it is not a duration
     */
    public static Duration duration(String text) {
        String t = text.strip();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (at < t.length() && m.find(at) && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(Math.multiplyExact(7, n));
                });
                at = m.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + LONGEST.toDays() + "d");
        }
        if (t.isEmpty() || at != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 0, 500ms, 10s, 5m, 1h)");
        }
        if (total.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + LONGEST.toDays() + "d");
        }
        return total;
    }

    /**
     * Reads a rate limit: {@code <messages>/<period>} such as {@code 10/1m} (or {@code 10/m}), {@code 0},
     * {@code none} or empty for none.
     *
     * @param text the rate
     * @return it
     * @throws IllegalArgumentException if it is not a rate
     */
    public static RateLimit rateLimit(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("0") || t.equalsIgnoreCase("none")) {
            return RateLimit.UNLIMITED;
        }
        int slash = t.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException("no period");
            }
            int capacity = Integer.parseInt(t.substring(0, slash).strip());
            String p = t.substring(slash + 1).strip();
            Duration period = duration(Character.isDigit(p.isEmpty() ? 'x' : p.charAt(0)) ? p : "1" + p);
            if (capacity <= 0) {
                throw new IllegalArgumentException("messages must be positive");
            }
            return new RateLimit(capacity, period);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate (write <messages>/<period>, e.g. 10/1m,"
                    + " or 0 for none)", e);
        }
    }

    /**
     * Reads label matchers separated by commas, e.g. {@code severity=CRITICAL, venue=~CME|ICE}; a comma inside a
     * regular expression stays in it unless a label name and an operator follow it.
     *
     * @param text the matchers; empty for none
     * @return them
     * @throws IllegalArgumentException if one is not a matcher
     */
    public static List<LabelMatcher> matchers(String text) {
        List<LabelMatcher> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : MATCHER_SEPARATOR.split(text.strip())) {
            out.add(LabelMatcher.parse(part.strip()));
        }
        return out;
    }

    private static boolean ignored(String key) {
        return key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.")
                || key.startsWith("osgi.") || key.equals("objectClass");
    }

    private static ReceiverConfig receiver(String name, Map<String, String> s, RetryConfig defaultRetry) {
        String prefix = "receiver." + name + ".";
        String channel = s.getOrDefault("channel", name);
        if (!NAME.matcher(channel).matches()) {
            throw bad(prefix + "channel", channel, "a channel name is letters, digits, _ and -");
        }
        String url = s.getOrDefault("url", "");
        RateLimit rate = rate(prefix + "rate", s.getOrDefault("rate", ""));
        RetryConfig retry = retry(prefix, s, defaultRetry);
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        for (Map.Entry<String, String> e : s.entrySet()) {
            String k = e.getKey();
            if (k.equals("channel") || k.equals("url") || k.equals("rate") || RETRY_SETTINGS.contains(k)) {
                continue;
            }
            if (!NAME.matcher(k).matches()) {
                throw bad(prefix + k, "", "a receiver setting is one name (letters, digits, _ and -)");
            }
            (SECRET_SETTINGS.contains(k) ? secrets : settings).put(k, e.getValue());
        }
        return new ReceiverConfig(name, channel, url, settings, secrets, rate, retry);
    }

    private static RetryConfig retry(String prefix, Map<String, String> s, RetryConfig defaults) {
        String retries = s.get("retries");
        String backoff = s.get("backoff");
        String giveUp = s.get("give_up_after");
        String timeout = s.get("timeout");
        String receiverPrefix = prefix;
        int attempts = defaults.maxAttempts();
        Duration first = defaults.initialBackoff();
        Duration longest = defaults.maxBackoff();
        if (retries != null && !retries.isEmpty()) {
            try {
                attempts = Integer.parseInt(retries);
            } catch (NumberFormatException e) {
                throw bad(receiverPrefix + "retries", retries, "not a whole number of attempts");
            }
            if (attempts < 1) {
                throw bad(receiverPrefix + "retries", retries, "attempts must be 1 or more");
            }
        }
        if (backoff != null && !backoff.isEmpty()) {
            int dots = backoff.indexOf("..");
            try {
                first = duration(dots < 0 ? backoff : backoff.substring(0, dots));
                longest = dots < 0 ? first : duration(backoff.substring(dots + 2));
            } catch (IllegalArgumentException e) {
                throw bad(receiverPrefix + "backoff", backoff, "write <first>..<longest>, e.g. 1s..30s");
            }
        }
        Duration giveUpAfter = giveUp == null || giveUp.isEmpty() ? defaults.giveUpAfter()
                : duration(receiverPrefix + "give_up_after", giveUp);
        Duration attemptTimeout = timeout == null || timeout.isEmpty() ? defaults.timeout()
                : duration(receiverPrefix + "timeout", timeout);
        try {
            return new RetryConfig(attempts, first, longest, giveUpAfter, attemptTimeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((receiverPrefix.isEmpty() ? "" : receiverPrefix + "*: ")
                    + e.getMessage());
        }
    }

    private static RouteConfig route(int number, Map<String, String> s, Map<String, ReceiverConfig> receivers) {
        String prefix = "route." + number + ".";
        Map<Integer, String> after = new TreeMap<>();
        Map<Integer, String> levelReceivers = new TreeMap<>();
        for (Map.Entry<String, String> e : s.entrySet()) {
            Matcher m = ESCALATE_KEY.matcher(e.getKey());
            if (m.matches()) {
                int level = number(prefix + e.getKey(), m.group(1), "escalation level");
                (m.group(2).equals("after") ? after : levelReceivers).put(level, e.getValue());
            } else if (!ROUTE_SETTINGS.contains(e.getKey())) {
                throw bad(prefix + e.getKey(), e.getValue(), "unknown route setting (match, receivers, group_by,"
                        + " group_wait, group_interval, repeat_interval, escalate.<n>.after,"
                        + " escalate.<n>.receivers, escalate.loop, continue)");
            }
        }
        List<LabelMatcher> match;
        try {
            match = matchers(s.getOrDefault("match", ""));
        } catch (IllegalArgumentException e) {
            throw bad(prefix + "match", s.get("match"), e.getMessage());
        }
        if (!s.containsKey("receivers")) {
            throw bad(prefix + "receivers", "", "missing: a route names its receivers (empty to tell nobody)");
        }
        List<String> told = receiverList(prefix + "receivers", s.get("receivers"), receivers);
        List<String> groupBy = list(s.getOrDefault("group_by", ""));
        for (String label : groupBy) {
            if (!label.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw bad(prefix + "group_by", s.get("group_by"), "'" + label + "' is not a label name");
            }
        }
        Duration groupWait = durationOr(prefix + "group_wait", s.get("group_wait"), DEFAULT_GROUP_WAIT);
        Duration groupInterval = durationOr(prefix + "group_interval", s.get("group_interval"),
                DEFAULT_GROUP_INTERVAL);
        Duration repeatInterval = durationOr(prefix + "repeat_interval", s.get("repeat_interval"),
                DEFAULT_REPEAT_INTERVAL);
        if (groupInterval.isZero()) {
            throw bad(prefix + "group_interval", s.get("group_interval"), "must be positive");
        }
        if (repeatInterval.isZero()) {
            throw bad(prefix + "repeat_interval", s.get("repeat_interval"), "must be positive");
        }
        List<EscalationLevel> levels = new ArrayList<>();
        int expected = 1;
        for (Integer level : new TreeSet<>(concat(after.keySet(), levelReceivers.keySet()))) {
            String levelPrefix = prefix + "escalate." + level + ".";
            if (level != expected) {
                throw bad(levelPrefix + "after", after.getOrDefault(level, ""), "escalation levels are numbered 1, 2,"
                        + " 3, ... without gaps (level " + expected + " is missing)");
            }
            expected++;
            if (!after.containsKey(level) || !levelReceivers.containsKey(level)) {
                throw bad(levelPrefix + (after.containsKey(level) ? "receivers" : "after"), "",
                        "missing: a level needs both after and receivers");
            }
            Duration delay = duration(levelPrefix + "after", after.get(level));
            if (delay.isZero()) {
                throw bad(levelPrefix + "after", after.get(level), "must be positive");
            }
            List<String> levelTold = receiverList(levelPrefix + "receivers", levelReceivers.get(level), receivers);
            if (levelTold.isEmpty()) {
                throw bad(levelPrefix + "receivers", "", "a level names at least one receiver");
            }
            levels.add(new EscalationLevel(level, delay, levelTold));
        }
        boolean loop = bool(prefix + "escalate.loop", s.get("escalate.loop"));
        boolean cont = bool(prefix + "continue", s.get("continue"));
        return new RouteConfig(number, match, told, groupBy, groupWait, groupInterval, repeatInterval, levels, loop,
                cont);
    }

    private static InhibitRule inhibition(int number, Map<String, String> s) {
        String prefix = "inhibit." + number + ".";
        for (String k : s.keySet()) {
            if (!Set.of("source", "target", "equal").contains(k)) {
                throw bad(prefix + k, s.get(k), "unknown inhibition setting (source, target, equal)");
            }
        }
        List<LabelMatcher> source = ruleMatchers(prefix + "source", s.get("source"));
        List<LabelMatcher> target = ruleMatchers(prefix + "target", s.get("target"));
        return new InhibitRule(number, source, target, list(s.getOrDefault("equal", "")));
    }

    private static List<LabelMatcher> ruleMatchers(String key, String value) {
        if (value == null || value.isBlank()) {
            throw bad(key, value == null ? "" : value, "missing: at least one matcher");
        }
        try {
            return matchers(value);
        } catch (IllegalArgumentException e) {
            throw bad(key, value, e.getMessage());
        }
    }

    private static List<String> receiverList(String key, String value, Map<String, ReceiverConfig> receivers) {
        List<String> names = list(value);
        for (String n : names) {
            if (!receivers.containsKey(n)) {
                throw bad(key, value, "no receiver named '" + n + "' (configure receiver." + n + ".channel or .url)");
            }
        }
        return names;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            if (!p.isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Set<Integer> concat(Set<Integer> a, Set<Integer> b) {
        TreeSet<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static RateLimit rate(String key, String value) {
        try {
            return rateLimit(value);
        } catch (IllegalArgumentException e) {
            throw bad(key, value, e.getMessage());
        }
    }

    private static Duration duration(String key, String value) {
        try {
            return duration(value);
        } catch (IllegalArgumentException e) {
            throw bad(key, value, e.getMessage());
        }
    }

    private static Duration durationOr(String key, String value, Duration otherwise) {
        return value == null || value.isEmpty() ? otherwise : duration(key, value);
    }

    private static boolean bool(String key, String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw bad(key, value, "write true or false");
    }

    private static String name(String key, String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw bad(key, "", "a " + what + " name is letters, digits, _ and -");
        }
        return name;
    }

    private static int number(String key, String text, String what) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "", "a " + what + " is numbered 1, 2, 3, ... ('" + text + "' is not)");
    }

    private static IllegalArgumentException bad(String key, String value, String why) {
        return new IllegalArgumentException(key + (value == null || value.isEmpty() ? "" : " = " + value) + ": "
                + why);
    }
}
