package io.nautilus.core.risk;

import io.nautilus.core.position.PairGrid;
import io.nautilus.core.position.PositionKeeper;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link RiskLimits} keyed by the core's dense account and instrument ids, ready for allocation-free lookups on
 * the writer thread: arrays indexed by account id and by instrument id, and a {@link PairGrid} for the
 * account-in-instrument limits (ids beyond the grid's limits, which no order can carry, are left out). Immutable;
 * made by {@link RiskLimits#resolve}.
 */
public final class ResolvedRiskLimits {

    /** No limits. */
    public static final ResolvedRiskLimits NONE = RiskLimits.NONE.resolve(n -> -1, n -> -1);

    private final RiskLimits limits;
    private final SortedMap<String, Integer> accountIds;
    private final SortedMap<String, Integer> instrumentIds;
    private final List<String> unresolved;
    private LimitValues[] byAccount = new LimitValues[0];
    private LimitValues[] byInstrument = new LimitValues[0];
    private PairGrid pairGrid = PairGrid.EMPTY;
    private LimitValues[] byPair = new LimitValues[0];
    private final boolean usesExposure;

    ResolvedRiskLimits(RiskLimits limits, TreeMap<String, Integer> accountIds, TreeMap<String, Integer> instrumentIds,
                       List<String> unresolved) {
        this.limits = limits;
        this.accountIds = Collections.unmodifiableSortedMap(accountIds);
        this.instrumentIds = Collections.unmodifiableSortedMap(instrumentIds);
        this.unresolved = List.copyOf(unresolved);
        accountIds.forEach((name, id) -> {
            LimitValues values = limits.account(name);
            if (values != null && id < PairGrid.MAX_ACCOUNTS) {
                if (id >= byAccount.length) {
                    byAccount = Arrays.copyOf(byAccount, id + 1);
                }
                byAccount[id] = values;
            }
        });
        instrumentIds.forEach((symbol, id) -> {
            LimitValues values = limits.instrument(symbol);
            if (values != null && id < PositionKeeper.MAX_INSTRUMENTS) {
                if (id >= byInstrument.length) {
                    byInstrument = Arrays.copyOf(byInstrument, id + 1);
                }
                byInstrument[id] = values;
            }
        });
        boolean exposure = limitsExposure(limits.defaults());
        for (LimitValues values : byAccount) {
            exposure |= values != null && limitsExposure(values);
        }
        usesExposure = exposure;
        for (Map.Entry<String, TreeMap<String, LimitValues>> e : limits.pairs().entrySet()) {
            Integer account = accountIds.get(e.getKey());
            if (account == null) {
                continue;
            }
            e.getValue().forEach((symbol, values) -> {
                Integer instrument = instrumentIds.get(symbol);
                if (instrument != null && PairGrid.problem(account, instrument) == null) {
                    PairGrid grown = pairGrid.grownFor(account, instrument);
                    byPair = grown.copy(byPair, pairGrid);
                    pairGrid = grown;
                    byPair[pairGrid.index(account, instrument)] = values;
                }
            });
        }
    }

    private static boolean limitsExposure(LimitValues values) {
        return values.get(Limit.MAX_LEVERAGE, Limit.RATIO_SCALE) != Long.MAX_VALUE
                || values.get(Limit.MAX_CONCENTRATION, Limit.RATIO_SCALE) != Long.MAX_VALUE;
    }

    /**
     * @return true if a leverage or concentration limit applies to some account (by default or its own): the risk
     * engine then keeps the working orders' exposure
     */
    public boolean usesExposure() {
        return usesExposure;
    }

    /** @return the limits by name this was resolved from */
    public RiskLimits limits() {
        return limits;
    }

    /** @return the account names that resolved, with their ids, by name */
    public SortedMap<String, Integer> accountIds() {
        return accountIds;
    }

    /** @return the instrument symbols that resolved, with their ids, by symbol */
    public SortedMap<String, Integer> instrumentIds() {
        return instrumentIds;
    }

    /** @return names that did not resolve (e.g. {@code "account bob"}), not in force until resolved again */
    public List<String> unresolved() {
        return unresolved;
    }

    /**
     * Effective value for an order of an account in an instrument:
     * {@code min(pair ?: account ?: default, instrument)}; allocation-free.
     *
     * @return the limit at the target scale (rounded down), {@link Long#MAX_VALUE} = unlimited
     */
    long value(Limit limit, LimitValues pair, LimitValues account, LimitValues instrument, int targetScale) {
        LimitValues own = pair != null && pair.isSet(limit) ? pair
                : account != null && account.isSet(limit) ? account : limits.defaults();
        long value = own.get(limit, targetScale);
        return instrument == null ? value : Math.min(value, instrument.get(limit, targetScale));
    }

    /**
     * Effective value of a per-account limit: {@code account ?: default}; allocation-free.
     *
     * @return the limit at the target scale (rounded down), {@link Long#MAX_VALUE} = unlimited
     */
    long accountValue(Limit limit, LimitValues account, int targetScale) {
        LimitValues own = account != null && account.isSet(limit) ? account : limits.defaults();
        return own.get(limit, targetScale);
    }

    /**
     * @param account dense account id
     * @param limit   a {@link Limit.Unit#COUNT} limit
     * @return its value for the account, or -1 if unlimited
     */
    int rate(int account, Limit limit) {
        long value = accountValue(limit, account(account), 0);
        return value == Long.MAX_VALUE ? -1 : (int) value;
    }

    LimitValues account(int account) {
        return account >= 0 && account < byAccount.length ? byAccount[account] : null;
    }

    LimitValues instrument(int instrument) {
        return instrument >= 0 && instrument < byInstrument.length ? byInstrument[instrument] : null;
    }

    LimitValues pair(int account, int instrument) {
        PairGrid g = pairGrid;
        return g.holds(account, instrument) ? byPair[g.index(account, instrument)] : null;
    }

    /**
     * The effective value the risk engine applies, for the shell.
     *
     * @param limit      the limit
     * @param account    dense account id
     * @param instrument dense instrument id (ignored for per-account limits)
     * @param scale      target scale (the instrument's quantity or price scale, or the money scale)
     * @return the value, {@link Long#MAX_VALUE} = unlimited
     */
    public long effective(Limit limit, int account, int instrument, int scale) {
        if (limit.accountOnly()) {
            return accountValue(limit, account(account), scale);
        }
        return value(limit, pair(account, instrument), account(account), instrument(instrument), scale);
    }
}
