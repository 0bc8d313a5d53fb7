package io.nautilus.analytics.risk;

import io.nautilus.analytics.api.risk.StressImpact;
import io.nautilus.analytics.api.risk.StressScenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stress scenarios as {@code etc/io.nautilus.analytics.cfg} writes them, and their P&amp;L on positions.
 *
 * <p>A scenario is a key {@code scenario.<name>} whose value lists shocks {@code INSTRUMENT:PERCENT%} separated by
 * commas, e.g. {@code scenario.crypto-crash = SIM-BTC:-20%, SIM-ETH:-30%}. A shocked position's P&amp;L is
 * {@code value x shock} (value = quantity x mark).
 */
public final class StressScenarios {

    /** The prefix of scenario keys in the configuration. */
    public static final String PREFIX = "scenario.";

    /**
     * The scenarios that parsed and one error line per scenario that did not.
     *
     * @param scenarios the good scenarios, by name
     * @param errors    one line per bad scenario, naming its key and what is wrong
     */
    public record Parsed(List<StressScenario> scenarios, List<String> errors) {

        /** Copies the lists. */
        public Parsed {
            scenarios = List.copyOf(scenarios);
            errors = List.copyOf(errors);
        }
    }

    private StressScenarios() {
    }

    /**
     * Reads every {@code scenario.<name>} key of a configuration; other keys are ignored.
     *
     * @param properties the configuration's properties
     * @return the scenarios by name, and the errors of the bad ones (a bad one never hides the others)
     */
    public static Parsed parse(Map<String, ?> properties) {
        Map<String, Object> sorted = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                sorted.put(key, value);
            }
        });
        List<StressScenario> scenarios = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        sorted.forEach((key, value) -> {
            try {
                scenarios.add(parse(key.substring(PREFIX.length()), String.valueOf(value)));
            } catch (IllegalArgumentException e) {
                errors.add(key + ": " + e.getMessage());
            }
        });
        return new Parsed(scenarios, errors);
    }

    /**
     * Parses one scenario's shocks.
     *
     * @param name the scenario's name
     * @param text e.g. {@code SIM-BTC:-20%, SIM-ETH:-30%}
     * @return the scenario
     * @throws IllegalArgumentException naming the bad shock: not {@code INSTRUMENT:PERCENT%}, a percent below -100,
     *                                  an instrument twice, or no shock at all
     */
    public static StressScenario parse(String name, String text) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("the scenario has no name");
        }
        Map<String, BigDecimal> shocks = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String shock = part.strip();
            if (shock.isEmpty()) {
                continue;
            }
            int colon = shock.lastIndexOf(':');
            if (colon <= 0 || !shock.endsWith("%")) {
                throw new IllegalArgumentException("'" + shock + "' is not INSTRUMENT:PERCENT% (e.g. SIM-BTC:-20%)");
            }
            String instrument = shock.substring(0, colon).strip();
            String percent = shock.substring(colon + 1, shock.length() - 1).strip();
            BigDecimal value;
            try {
                value = new BigDecimal(percent);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + shock + "': '" + percent + "' is not a number of percent");
            }
            if (value.compareTo(BigDecimal.valueOf(-100)) < 0) {
                throw new IllegalArgumentException("'" + shock + "': a price cannot fall more than 100%");
            }
            if (shocks.put(instrument, value.movePointLeft(2)) != null) {
                throw new IllegalArgumentException(instrument + " is shocked twice");
            }
        }
        if (shocks.isEmpty()) {
            throw new IllegalArgumentException("no shocks (write INSTRUMENT:PERCENT%, ...)");
        }
        return new StressScenario(name, shocks);
    }

    /**
     * The P&amp;L of a scenario on positions: per account and currency (sorted), then all accounts per currency.
     * Accounts without a shocked position are not listed; every currency of a shocked position is.
     *
     * @param scenario the scenario
     * @param holdings the open positions at their marks
     * @param known    the instruments the trading core defines
     * @return the impacts
     * @throws IllegalArgumentException if the scenario shocks an instrument the core does not define
     */
    public static List<StressImpact> apply(StressScenario scenario, List<Holding> holdings, Set<String> known) {
        for (String instrument : scenario.shocks().keySet()) {
            if (!known.contains(instrument)) {
                throw new IllegalArgumentException("scenario " + scenario.name() + ": unknown instrument "
                        + instrument);
            }
        }
        Map<String, Map<String, BigDecimal>> byAccount = new TreeMap<>();
        Map<String, BigDecimal> total = new TreeMap<>();
        for (Holding h : holdings) {
            BigDecimal shock = scenario.shocks().get(h.instrument());
            if (shock == null) {
                continue;
            }
            BigDecimal pnl = h.value().multiply(shock).setScale(h.moneyScale(), RoundingMode.HALF_EVEN);
            byAccount.computeIfAbsent(h.account(), a -> new TreeMap<>()).merge(h.currency(), pnl, BigDecimal::add);
            total.merge(h.currency(), pnl, BigDecimal::add);
        }
        List<StressImpact> impacts = new ArrayList<>();
        byAccount.forEach((account, perCurrency) -> perCurrency.forEach((currency, pnl) ->
                impacts.add(new StressImpact(scenario.name(), account, currency, pnl))));
        total.forEach((currency, pnl) -> impacts.add(new StressImpact(scenario.name(), null, currency, pnl)));
        return impacts;
    }
}
