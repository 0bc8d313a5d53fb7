package io.nautilus.core.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.config.AccountSpec;
import io.nautilus.core.config.AccountsConfig;
import io.nautilus.core.config.InstrumentSpec;
import io.nautilus.core.config.InstrumentsConfig;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.risk.RiskLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the configuration components' files (instruments, accounts, risk limits) to the running core: each change
 * becomes a journaled command, published and waited for, so a replay defines the same. Applies one file at a time
 * (the config components' threads) and keeps what the rest of the component reads of it: the venue and currency of
 * each symbol, the symbols routed to external venues, the limits in force.
 */
final class ConfigApplier {

    /** What the applier needs of the running core. */
    interface Core {

        /** @return the registry of the running engine; throws if the core is not running */
        Registry.View registry();

        /**
         * @param filler sets the command's input fields
         * @return the command's result
         */
        CompletableFuture<CommandResult> send(Consumer<Command> filler);

        /**
         * @param function run on the business thread between commands
         * @param <T> the answer's type
         * @return its answer
         */
        <T> T query(Function<TradingEngine, T> function);

        /** @param cause why breached limits are checked again, for the alert's text */
        void checkBreaches(String cause);

        /** @return decimals of the account totals */
        int moneyScale();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);
    private static final long QUERY_TIMEOUT_SECONDS = 10;

    private final Core core;
    private final Object adminLock = new Object();
    /** Symbols configured with routing = external, as last applied. */
    private volatile Set<String> externalSymbols = Set.of();
    private volatile Map<String, String> venues = Map.of();
    private volatile Map<String, String> currencies = Map.of();
    private volatile RiskLimits limits = RiskLimits.NONE;

    /** @param core the running core */
    ConfigApplier(Core core) {
        this.core = core;
    }

    /** @return the configured venue of each symbol */
    Map<String, String> venues() {
        return venues;
    }

    /** @return the configured currency of each symbol */
    Map<String, String> currencies() {
        return currencies;
    }

    /** @return the risk limits in force, as configured */
    RiskLimits limits() {
        return limits;
    }

    /** @param recovered the risk limits the core recovered from its journal */
    void recovered(RiskLimits recovered) {
        limits = recovered;
    }

    /**
     * Applies the instruments configuration: defines new instruments and changed ones through the journal.
     *
     * @param properties the configuration
     * @throws IllegalArgumentException if the configuration is invalid (nothing is changed)
     */
    void applyInstruments(Map<String, ?> properties) {
        List<InstrumentSpec> specs = InstrumentsConfig.parse(properties);
        synchronized (adminLock) {
            Map<String, String> v = new HashMap<>();
            Map<String, String> cur = new HashMap<>();
            for (InstrumentSpec s : specs) {
                v.put(s.symbol(), s.instrument().venue().value());
                cur.put(s.symbol(), s.instrument().currency());
            }
            venues = Map.copyOf(v);
            currencies = Map.copyOf(cur);
            Set<String> external = new HashSet<>();
            for (InstrumentSpec s : specs) {
                if (s.external()) {
                    external.add(s.symbol());
                }
            }
            for (InstrumentSpec s : specs) {
                Registry.View view = core.registry();
                int id = view.instrumentId(s.symbol());
                Instrument i = s.instrument();
                Registry.InstrumentDef def = new Registry.InstrumentDef(id < 0 ? view.instruments().size() : id,
                        s.symbol(), i.tickSize(), i.lotSize(), i.minQuantity(), s.priceBandBps(), s.referencePrice(),
                        i.priceScale(), i.quantityScale(), s.makerFeeBps(), s.takerFeeBps());
                boolean routingChanged = s.external() != externalSymbols.contains(s.symbol());
                if (def.equals(view.instrument(id)) && !routingChanged && !s.external()) {
                    continue;
                }
                boolean routedOut = s.external();
                CommandResult r = await(core.send(c -> Registry.encode(def, routedOut, c)),
                        "define instrument " + s.symbol());
                if (!r.accepted()) {
                    LOG.error("instrument {} was not (re)defined: {}", s.symbol(), r.describe());
                } else {
                    LOG.info("instrument {} {} (id {})", s.symbol(), id < 0 ? "defined" : "redefined", def.id());
                }
            }
            externalSymbols = Set.copyOf(external);
            for (Registry.InstrumentDef d : core.registry().instruments()) {
                if (!v.containsKey(d.symbol())) {
                    LOG.warn("instrument {} is no longer configured; it stays defined (journaled), with its orders",
                            d.symbol());
                }
            }
        }
    }

    /**
     * Applies the accounts configuration.
     *
     * @param properties the configuration
     * @throws IllegalArgumentException if the configuration is invalid (nothing is changed)
     */
    void applyAccounts(Map<String, ?> properties) {
        Map<String, AccountSpec> accounts = AccountsConfig.parse(properties, core.moneyScale());
        synchronized (adminLock) {
            for (Map.Entry<String, AccountSpec> a : accounts.entrySet()) {
                Registry.View view = core.registry();
                int id = view.accountId(a.getKey());
                Registry.AccountDef def = new Registry.AccountDef(id < 0 ? view.accounts().size() : id, a.getKey(),
                        a.getValue().stp(), a.getValue().capital());
                if (def.equals(view.account(id))) {
                    continue;
                }
                CommandResult r = await(core.send(c -> Registry.encode(def, c)), "define account " + a.getKey());
                if (!r.accepted()) {
                    LOG.error("account {} was not (re)defined: {}", a.getKey(), r.describe());
                } else {
                    LOG.info("account {} {} (self-trade prevention {}, capital {})", a.getKey(),
                            id < 0 ? "defined" : "redefined", a.getValue().stp(),
                            FixedPoint.format(a.getValue().capital(), core.moneyScale()));
                }
            }
            core.checkBreaches("accounts changed");
        }
    }

    /**
     * Applies the risk limits configuration from the next command on.
     *
     * @param properties the configuration
     * @throws IllegalArgumentException if the configuration is invalid or has no limits without saying
     *                                  {@code limits.none = true} (the old limits stay)
     */
    void applyRiskLimits(Map<String, ?> properties) {
        RiskLimits parsed = RiskLimits.parseConfiguration(properties);
        synchronized (adminLock) {
            String text = parsed.toText();
            if (text.equals(core.query(e -> e.risk().limits().limits().toText()))) {
                limits = parsed;
                return;
            }
            CommandResult r = await(core.send(c -> {
                c.op = Op.SET_LIMITS;
                c.text = text;
                c.attachment = parsed;
            }), "set risk limits");
            if (r.accepted()) {
                limits = parsed;
                if (parsed.entries().isEmpty()) {
                    LOG.warn("risk limits removed: the risk configuration says {} = true (everything unlimited)",
                            RiskLimits.NONE_KEY);
                } else {
                    LOG.info("risk limits in force: {} limits", parsed.entries().size());
                }
                core.checkBreaches("risk limits changed");
            } else {
                throw new IllegalArgumentException("risk limits rejected: " + r.describe());
            }
        }
    }

    private static CommandResult await(CompletableFuture<CommandResult> future, String what) {
        try {
            return future.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": the trading core did not answer within "
                    + QUERY_TIMEOUT_SECONDS + " s");
        }
    }
}
