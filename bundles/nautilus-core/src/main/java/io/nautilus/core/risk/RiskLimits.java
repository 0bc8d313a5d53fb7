package io.nautilus.core.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Immutable risk limits by account name and instrument symbol, as configured (Config Admin dictionary,
 * {@code .cfg} file, or the text of a journaled {@link io.nautilus.core.Op#SET_LIMITS}).
 *
 * <p>Keys ({@code <limit>} is a {@link Limit#key()}, e.g. {@code maxOrderQty}):
 * <pre>
 * default.&lt;limit&gt;=value                                  every account that does not set the limit itself
 * account.&lt;name&gt;.&lt;limit&gt;=value                           one account (overrides default)
 * instrument.&lt;symbol&gt;.&lt;limit&gt;=value                      one instrument, for every account (a cap applied on top)
 * account.&lt;name&gt;.instrument.&lt;symbol&gt;.&lt;limit&gt;=value      one account in one instrument (overrides account/default)
 * </pre>
 * For an order of account A in instrument I the effective value is
 * {@code min(pair(A,I) ?: account(A) ?: default, instrument(I))}. Per-account-only limits
 * ({@link Limit#accountOnly()}: gross exposure, daily loss, rates, leverage, concentration) take only
 * {@code default.} and {@code account.<name>.} keys. {@code maxPosition} is shorthand for {@code maxLong} and
 * {@code maxShort} (an explicit {@code maxLong}/{@code maxShort} of the same scope wins). Symbols may contain dots
 * (the limit is the last segment); account names must not contain {@code .instrument.}.
 *
 * <p>Values are non-negative decimals in natural units ({@link Limit.Unit}): quantities such as {@code 2.5},
 * money such as {@code 250000.00}, ratios such as {@code 5} (leverage) or {@code 0.4} (a concentration, at most 1);
 * they are converted to the instrument's (or the money, or the ratio) scale when used, rounding down. Counts are
 * whole numbers up to {@value #MAX_RATE}. {@code unlimited} sets a limit explicitly unlimited (e.g. to lift a
 * default for one account); an absent key is unset = unlimited unless a wider scope sets it.
 * Framework keys of Config Admin ({@code service.*}, {@code component.*}, {@code felix.*}, {@code osgi.*} and
 * keys starting with {@code .}) are ignored; any other key is an error.
 *
 * <p>{@link #toText()} writes the canonical form (one {@code key=value} line per set limit: default, then accounts,
 * instruments and account-instrument pairs by name, limits in {@link Limit} order); {@link #parse(String)} reads it
 * back to an equal object.
 */
public final class RiskLimits {

    /** No limits at all. */
    public static final RiskLimits NONE = new RiskLimits(new LimitValues(), new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>());
    /** Largest value of a rate limit. */
    public static final long MAX_RATE = 1_000_000;

    /** Configuration key that removes every limit when it is the file's only key: {@code limits.none = true}. */
    public static final String NONE_KEY = "limits.none";

    static final String UNLIMITED_TEXT = "unlimited";

    private static final String DEFAULT_SCOPE = "default";
    private static final String ACCOUNT_PREFIX = "account.";
    private static final String INSTRUMENT_PREFIX = "instrument.";
    private static final String PAIR_INFIX = ".instrument.";
    private static final String MAX_POSITION = "maxPosition";
    private static final String[] IGNORED_PREFIXES = {"service.", "component.", "felix.", "osgi.", "."};

    private final LimitValues defaults;
    private final TreeMap<String, LimitValues> accounts;
    private final TreeMap<String, LimitValues> instruments;
    private final TreeMap<String, TreeMap<String, LimitValues>> pairs;
    private final String text;

    private RiskLimits(LimitValues defaults, TreeMap<String, LimitValues> accounts,
                       TreeMap<String, LimitValues> instruments, TreeMap<String, TreeMap<String, LimitValues>> pairs) {
        this.defaults = defaults;
        this.accounts = accounts;
        this.instruments = instruments;
        this.pairs = pairs;
        this.text = render();
    }

    /**
     * Parses a configuration dictionary.
     *
     * @param properties keys and values (String or Number values)
     * @return the limits
     * @throws IllegalArgumentException naming the first bad key and its value (unknown key, limit not allowed in
     *                                  that scope, negative or non-numeric value, too many decimals, too large)
     */
    public static RiskLimits parse(Map<String, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        LimitValues defaults = new LimitValues();
        TreeMap<String, LimitValues> accounts = new TreeMap<>();
        TreeMap<String, LimitValues> instruments = new TreeMap<>();
        TreeMap<String, TreeMap<String, LimitValues>> pairs = new TreeMap<>();
        Map<LimitValues, BigDecimal> maxPosition = new HashMap<>();
        for (String key : new TreeMap<>(properties).keySet()) {
            if (ignored(key)) {
                continue;
            }
            Object raw = properties.get(key);
            int dot = key.lastIndexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw bad(key, raw, "unknown key (expected default.<limit>, account.<name>.<limit>, "
                        + "instrument.<symbol>.<limit> or account.<name>.instrument.<symbol>.<limit>)");
            }
            String limitKey = key.substring(dot + 1);
            String scope = key.substring(0, dot);
            Limit limit = Limit.ofKey(limitKey);
            if (limit == null && !MAX_POSITION.equals(limitKey)) {
                throw bad(key, raw, "unknown limit '" + limitKey + "' (expected " + limitNames() + ")");
            }
            boolean accountScope;
            LimitValues values;
            if (scope.equals(DEFAULT_SCOPE)) {
                accountScope = true;
                values = defaults;
            } else if (scope.startsWith(ACCOUNT_PREFIX) && scope.length() > ACCOUNT_PREFIX.length()) {
                String rest = scope.substring(ACCOUNT_PREFIX.length());
                int infix = rest.indexOf(PAIR_INFIX);
                if (infix > 0 && infix + PAIR_INFIX.length() < rest.length()) {
                    accountScope = false;
                    values = pairs.computeIfAbsent(rest.substring(0, infix), a -> new TreeMap<>())
                            .computeIfAbsent(rest.substring(infix + PAIR_INFIX.length()), s -> new LimitValues());
                } else {
                    accountScope = true;
                    values = accounts.computeIfAbsent(rest, a -> new LimitValues());
                }
            } else if (scope.startsWith(INSTRUMENT_PREFIX) && scope.length() > INSTRUMENT_PREFIX.length()) {
                accountScope = false;
                values = instruments.computeIfAbsent(scope.substring(INSTRUMENT_PREFIX.length()),
                        s -> new LimitValues());
            } else {
                throw bad(key, raw, "unknown scope '" + scope + "' (expected default, account.<name>, "
                        + "instrument.<symbol> or account.<name>.instrument.<symbol>)");
            }
            if (limit != null && limit.accountOnly() && !accountScope) {
                throw bad(key, raw, "limit " + limitKey + " is per account only (default. or account.<name>. keys)");
            }
            BigDecimal value = value(key, raw, limit == null ? Limit.Unit.QUANTITY : limit.unit());
            if (limit == Limit.MAX_CONCENTRATION && value != null && value.compareTo(BigDecimal.ONE) > 0) {
                throw bad(key, raw, "a share of the gross exposure, from 0 to 1");
            }
            if (limit == null) {
                maxPosition.put(values, value);
            } else {
                store(values, limit, value);
            }
        }
        for (Map.Entry<LimitValues, BigDecimal> e : maxPosition.entrySet()) {
            LimitValues values = e.getKey();
            if (!values.isSet(Limit.MAX_LONG)) {
                store(values, Limit.MAX_LONG, e.getValue());
            }
            if (!values.isSet(Limit.MAX_SHORT)) {
                store(values, Limit.MAX_SHORT, e.getValue());
            }
        }
        checkConcentration(DEFAULT_SCOPE, defaults, defaults);
        accounts.forEach((name, values) -> checkConcentration(ACCOUNT_PREFIX + name, values, defaults));
        return new RiskLimits(defaults, accounts, instruments, pairs);
    }

    /** A concentration limit in force for a scope needs a minimum exposure (account ?: default) to apply above. */
    private static void checkConcentration(String scope, LimitValues own, LimitValues defaults) {
        LimitValues concentration = own.isSet(Limit.MAX_CONCENTRATION) ? own : defaults;
        if (concentration.get(Limit.MAX_CONCENTRATION, Limit.RATIO_SCALE) == Long.MAX_VALUE) {
            return;
        }
        if (!own.isSet(Limit.MIN_CONCENTRATION_EXPOSURE) && !defaults.isSet(Limit.MIN_CONCENTRATION_EXPOSURE)) {
            String key = scope + "." + Limit.MAX_CONCENTRATION.key();
            throw new IllegalArgumentException("invalid risk limits: " + (own.isSet(Limit.MAX_CONCENTRATION) ? key
                    : DEFAULT_SCOPE + "." + Limit.MAX_CONCENTRATION.key()) + " needs "
                    + DEFAULT_SCOPE + "." + Limit.MIN_CONCENTRATION_EXPOSURE.key() + " or " + scope + "."
                    + Limit.MIN_CONCENTRATION_EXPOSURE.key()
                    + " (the gross exposure above which it applies, so a first order is not refused)");
        }
    }

    /**
     * Parses the risk configuration file ({@code etc/io.nautilus.core.risk.cfg}) with its fail-safe rule: a file
     * without any limit (empty, truncated, only comments) is an error, so the limits in force stay, unless it says
     * {@value #NONE_KEY}{@code = true} and nothing else, which removes every limit. {@code limits.none = false}
     * changes nothing.
     *
     * @param properties the configuration dictionary
     * @return the limits ({@link #NONE} for an explicit {@code limits.none = true})
     * @throws IllegalArgumentException for a file without limits, {@code limits.none} not true/false or given with
     *                                  limits, or as {@link #parse(Map)}
     */
    public static RiskLimits parseConfiguration(Map<String, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, Object> limits = new TreeMap<>();
        Object none = null;
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            if (e.getKey().equals(NONE_KEY)) {
                none = e.getValue();
            } else if (!ignored(e.getKey())) {
                limits.put(e.getKey(), e.getValue());
            }
        }
        boolean explicitNone = false;
        if (none != null) {
            String text = none.toString().strip().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("invalid risk limit " + NONE_KEY + "=" + none
                        + ": must be true or false");
            }
            explicitNone = text.equals("true");
        }
        if (explicitNone && !limits.isEmpty()) {
            throw new IllegalArgumentException(NONE_KEY + "=true but the file also sets limits (" + limits.keySet()
                    .iterator().next() + ", ...): remove one or the other");
        }
        if (explicitNone) {
            return NONE;
        }
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("the risk configuration has no limits (empty or truncated file?): "
                    + "the limits in force stay; to run without any limit, say " + NONE_KEY + " = true");
        }
        return parse(limits);
    }

    /**
     * Parses {@code key=value} lines (the canonical {@link #toText()} form, or a {@code .cfg} file: blank lines
     * and lines starting with {@code #} or {@code !} are skipped, keys and values trimmed).
     *
     * @param text the lines
     * @return the limits
     * @throws IllegalArgumentException on a line without {@code =}, a repeated key, or as {@link #parse(Map)}
     */
    public static RiskLimits parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : text.split("\r?\n|\r")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("risk limits line '" + trimmed + "' is not key=value");
            }
            String key = trimmed.substring(0, eq).strip();
            if (properties.put(key, trimmed.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("risk limit key '" + key + "' is given twice");
            }
        }
        return parse(properties);
    }

    private static boolean ignored(String key) {
        for (String prefix : IGNORED_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal value(String key, Object raw, Limit.Unit unit) {
        if (!(raw instanceof String) && !(raw instanceof Number)) {
            throw bad(key, raw, "not a number");
        }
        String s = raw.toString().strip();
        if (s.toLowerCase(Locale.ROOT).equals(UNLIMITED_TEXT)) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw bad(key, raw, "not a number (or 'unlimited')");
        }
        if (value.signum() < 0) {
            throw bad(key, raw, "must not be negative");
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.scale() > 18) {
            throw bad(key, raw, "more than 18 decimals");
        }
        if (value.unscaledValue().bitLength() > 62) {
            throw bad(key, raw, "too large");
        }
        if (unit == Limit.Unit.COUNT
                && (value.scale() > 0 || value.compareTo(BigDecimal.valueOf(MAX_RATE)) > 0)) {
            throw bad(key, raw, "must be a whole number from 0 to " + MAX_RATE);
        }
        return value;
    }

    private static void store(LimitValues values, Limit limit, BigDecimal value) {
        if (value == null) {
            values.set(limit, LimitValues.UNLIMITED, 0);
        } else {
            values.set(limit, value.unscaledValue().longValueExact(), value.scale());
        }
    }

    private static IllegalArgumentException bad(String key, Object value, String why) {
        return new IllegalArgumentException("invalid risk limit " + key + "=" + value + ": " + why);
    }

    private static String limitNames() {
        StringBuilder names = new StringBuilder();
        for (Limit limit : Limit.values()) {
            names.append(limit.key()).append(", ");
        }
        return names.append(MAX_POSITION).toString();
    }

    /** @return the canonical text: {@code key=value} lines, each ending with a newline; empty for {@link #NONE} */
    public String toText() {
        return text;
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        append(out, DEFAULT_SCOPE, defaults);
        accounts.forEach((name, values) -> append(out, ACCOUNT_PREFIX + name, values));
        instruments.forEach((symbol, values) -> append(out, INSTRUMENT_PREFIX + symbol, values));
        pairs.forEach((name, bySymbol) -> bySymbol.forEach((symbol, values) ->
                append(out, ACCOUNT_PREFIX + name + PAIR_INFIX + symbol, values)));
        return out.toString();
    }

    private static void append(StringBuilder out, String scope, LimitValues values) {
        for (Limit limit : Limit.values()) {
            if (values.isSet(limit)) {
                out.append(scope).append('.').append(limit.key()).append('=').append(values.text(limit)).append('\n');
            }
        }
    }

    /**
     * Maps names to the core's dense ids. Names the functions do not know (negative result) are left out and
     * listed in {@link ResolvedRiskLimits#unresolved()}; resolve again once they are defined.
     *
     * @param accountIds    account name to dense id, negative if unknown
     * @param instrumentIds instrument symbol to dense id, negative if unknown
     * @return limits by id
     * @throws IllegalArgumentException if two names resolve to the same id
     */
    public ResolvedRiskLimits resolve(ToIntFunction<String> accountIds, ToIntFunction<String> instrumentIds) {
        Objects.requireNonNull(accountIds, "accountIds");
        Objects.requireNonNull(instrumentIds, "instrumentIds");
        TreeMap<String, Integer> accountMap = new TreeMap<>();
        TreeMap<String, Integer> instrumentMap = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        for (String name : accountNames()) {
            resolveName("account", name, accountIds, accountMap, unresolved);
        }
        for (String symbol : instrumentSymbols()) {
            resolveName("instrument", symbol, instrumentIds, instrumentMap, unresolved);
        }
        return new ResolvedRiskLimits(this, accountMap, instrumentMap, unresolved);
    }

    private static void resolveName(String kind, String name, ToIntFunction<String> ids, Map<String, Integer> map,
                                    List<String> unresolved) {
        int id = ids.applyAsInt(name);
        if (id < 0) {
            unresolved.add(kind + " " + name);
            return;
        }
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            if (e.getValue() == id) {
                throw new IllegalArgumentException(kind + "s '" + e.getKey() + "' and '" + name
                        + "' both resolve to id " + id);
            }
        }
        map.put(name, id);
    }

    /**
     * @param name an account name
     * @return true if a limit names the account (its own limits or a pair's): defining it changes the resolution
     */
    public boolean namesAccount(String name) {
        return accounts.containsKey(name) || pairs.containsKey(name);
    }

    /**
     * @param symbol an instrument symbol
     * @return true if a limit names the instrument (its own limits or a pair's): defining it changes the resolution
     */
    public boolean namesInstrument(String symbol) {
        if (instruments.containsKey(symbol)) {
            return true;
        }
        for (Map<String, LimitValues> bySymbol : pairs.values()) {
            if (bySymbol.containsKey(symbol)) {
                return true;
            }
        }
        return false;
    }

    private List<String> accountNames() {
        TreeMap<String, Boolean> names = new TreeMap<>();
        accounts.keySet().forEach(n -> names.put(n, true));
        pairs.keySet().forEach(n -> names.put(n, true));
        return new ArrayList<>(names.keySet());
    }

    private List<String> instrumentSymbols() {
        TreeMap<String, Boolean> names = new TreeMap<>();
        instruments.keySet().forEach(n -> names.put(n, true));
        pairs.values().forEach(bySymbol -> bySymbol.keySet().forEach(n -> names.put(n, true)));
        return new ArrayList<>(names.keySet());
    }

    LimitValues defaults() {
        return defaults;
    }

    LimitValues account(String name) {
        return accounts.get(name);
    }

    LimitValues instrument(String symbol) {
        return instruments.get(symbol);
    }

    Map<String, TreeMap<String, LimitValues>> pairs() {
        return pairs;
    }

    /**
     * One configured limit, for listings.
     *
     * @param scope {@code default}, {@code account <name>}, {@code instrument <symbol>} or
     *              {@code account <name> instrument <symbol>}
     * @param limit the {@link Limit#key()}
     * @param value the decimal value in the limit's natural unit, or null if explicitly unlimited
     */
    public record Entry(String scope, String limit, BigDecimal value) {
    }

    /** @return every configured limit, in canonical order */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        addEntries(entries, DEFAULT_SCOPE, defaults);
        accounts.forEach((name, values) -> addEntries(entries, "account " + name, values));
        instruments.forEach((symbol, values) -> addEntries(entries, "instrument " + symbol, values));
        pairs.forEach((name, bySymbol) -> bySymbol.forEach((symbol, values) ->
                addEntries(entries, "account " + name + " instrument " + symbol, values)));
        return entries;
    }

    private static void addEntries(List<Entry> entries, String scope, LimitValues values) {
        for (Limit limit : Limit.values()) {
            if (values.isSet(limit)) {
                entries.add(new Entry(scope, limit.key(), values.decimal(limit)));
            }
        }
    }

    /**
     * The configured value of one key, as the shell shows it.
     *
     * @param key a full key such as {@code account.alice.maxOrderQty}
     * @return the canonical value text ({@code unlimited} or a plain decimal), or null if unset
     */
    public String value(String key) {
        String prefix = key + "=";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskLimits other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "RiskLimits[" + text.replace('\n', ';') + "]";
    }
}
