package io.nautilus.analytics.internal;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.risk.BrinsonMethod;
import io.nautilus.analytics.api.risk.BrinsonResult;
import io.nautilus.analytics.api.risk.BrinsonSegment;
import io.nautilus.analytics.api.risk.EquityPoint;
import io.nautilus.analytics.api.risk.ExposureReport;
import io.nautilus.analytics.api.risk.PortfolioRiskService;
import io.nautilus.analytics.api.risk.RiskReport;
import io.nautilus.analytics.api.risk.StressImpact;
import io.nautilus.analytics.api.risk.StressReport;
import io.nautilus.analytics.api.risk.StressScenario;
import io.nautilus.analytics.performance.Performance;
import io.nautilus.analytics.risk.Brinson;
import io.nautilus.analytics.risk.DailyEquity;
import io.nautilus.analytics.risk.Exposures;
import io.nautilus.analytics.risk.StressScenarios;
import io.nautilus.analytics.risk.VarCalculator;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.PositionSnapshot;
import io.nautilus.marketdata.api.MarketDataAdminService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portfolio risk service (DS): reads the trading core's positions and the history store's bars and snapshots
 * when asked, with the settings and stress scenarios of {@code etc/io.nautilus.analytics.cfg}.
 *
 * <p>The core, the store and the market-data engine are optional: a question that needs a missing one fails with
 * one line. A configuration change with a bad VaR setting is logged and the previous settings stay; a bad scenario
 * line is reported by {@link #stress(String)} and leaves the other scenarios working.
 */
@Component(service = PortfolioRiskService.class, configurationPid = "io.nautilus.analytics")
@Designate(ocd = AnalyticsConfig.class)
public final class PortfolioRiskManager implements PortfolioRiskService {

    private static final Logger LOG = LoggerFactory.getLogger(PortfolioRiskManager.class);

    /** Settings as one immutable value, swapped whole on a configuration change. */
    private record Settings(int lookback, VarCalculator var, StressScenarios.Parsed scenarios) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TradingCoreService core;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HistoryService history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MarketDataAdminService marketData;

    private volatile Settings settings;

    /** Creates the component (DS). */
    public PortfolioRiskManager() {
    }

    /**
     * Takes the configuration.
     *
     * @param config     the typed settings
     * @param properties every property, for the {@code scenario.*} keys
     * @throws IllegalArgumentException if a VaR setting is out of range (the component does not start)
     */
    @Activate
    void activate(AnalyticsConfig config, Map<String, Object> properties) {
        settings = settings(config, properties);
        logErrors(settings.scenarios());
    }

    @Modified
    void modified(AnalyticsConfig config, Map<String, Object> properties) {
        try {
            settings = settings(config, properties);
            logErrors(settings.scenarios());
        } catch (IllegalArgumentException e) {
            LOG.error("io.nautilus.analytics: {}; the previous settings stay", e.getMessage());
        }
    }

    /**
     * Settings from a configuration.
     *
     * @throws IllegalArgumentException naming the bad VaR setting
     */
    static Settings settings(AnalyticsConfig config, Map<String, ?> properties) {
        VarCalculator var = new VarCalculator(config.var_lookback_days(), config.var_min_observations());
        return new Settings(config.var_lookback_days(), var, StressScenarios.parse(properties));
    }

    private static void logErrors(StressScenarios.Parsed parsed) {
        for (String error : parsed.errors()) {
            LOG.error("io.nautilus.analytics: {} (the other scenarios are applied)", error);
        }
    }

    private TradingCoreService core() {
        TradingCoreService service = core;
        if (service == null) {
            throw new IllegalStateException("the trading core is not running");
        }
        return service;
    }

    private HistoryService history() {
        HistoryService service = history;
        if (service == null) {
            throw new IllegalStateException("the history store is not running");
        }
        return service;
    }

    @Override
    public ExposureReport exposures() {
        LiveBook book = LiveBook.read(core());
        return Exposures.of(book.holdings(), book.unmarked());
    }

    @Override
    public RiskReport riskReport() {
        TradingCoreService c = core();
        Settings s = settings;
        Instant now = Instant.now();
        LiveBook book = LiveBook.read(c);
        CloseSource closes = new CloseSource(history, marketData, c::instrument, now, s.lookback());
        var estimates = s.var().estimate(book.holdings(), closes);
        return new RiskReport(now, Exposures.of(book.holdings(), book.unmarked()), estimates, s.lookback(),
                closes.describe());
    }

    @Override
    public List<StressScenario> scenarios() {
        return settings.scenarios().scenarios();
    }

    @Override
    public StressReport stress(String scenario) {
        StressScenarios.Parsed parsed = settings.scenarios();
        List<StressScenario> chosen = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (scenario == null) {
            chosen.addAll(parsed.scenarios());
            errors.addAll(parsed.errors());
        } else {
            for (StressScenario s : parsed.scenarios()) {
                if (s.name().equals(scenario)) {
                    chosen.add(s);
                }
            }
            if (chosen.isEmpty()) {
                for (String error : parsed.errors()) {
                    if (error.startsWith(StressScenarios.PREFIX + scenario + ": ")) {
                        return new StressReport(List.of(), List.of(error));
                    }
                }
                List<String> names = new ArrayList<>();
                parsed.scenarios().forEach(s -> names.add(s.name()));
                throw new IllegalArgumentException("unknown scenario '" + scenario + "'; configured: "
                        + (names.isEmpty() ? "none (scenario.<name> keys in etc/io.nautilus.analytics.cfg)"
                        : String.join(", ", names)));
            }
        }
        LiveBook book = LiveBook.read(core());
        List<StressImpact> impacts = new ArrayList<>();
        for (StressScenario s : chosen) {
            try {
                impacts.addAll(StressScenarios.apply(s, book.holdings(), book.known()));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return new StressReport(impacts, errors);
    }

    @Override
    public BrinsonResult attribution(BrinsonMethod method, List<BrinsonSegment> segments) {
        return Brinson.attribute(method, segments);
    }

    @Override
    public List<EquityPoint> dailyEquity(String account, Instant from, Instant to) {
        return equity(AccountId.of(account), from, to).points();
    }

    @Override
    public PerformanceResult accountPerformance(String account, Instant from, Instant to) {
        Equity equity = equity(AccountId.of(account), from, to);
        List<EquityPoint> points = equity.points();
        boolean fromCapital = from == null;
        if (points.size() < (fromCapital ? 1 : 2)) {
            throw new IllegalArgumentException("not enough history: the history store has " + points.size()
                    + " day(s) of position snapshots of account " + account + (fromCapital ? "" : " from " + from)
                    + (to == null ? "" : " to " + to) + ", " + (fromCapital ? 1 : 2) + " needed");
        }
        List<LocalDate> dates = new ArrayList<>();
        double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            dates.add(points.get(i).date());
            values[i] = points.get(i).equity().doubleValue();
        }
        double start = fromCapital ? equity.capital().firstEntry().getValue().doubleValue() : Double.NaN;
        return Performance.analyse(PerformanceInput.ofEquity(dates, values, start));
    }

    private record Equity(List<EquityPoint> points, NavigableMap<Instant, BigDecimal> capital) {
    }

    private Equity equity(AccountId account, Instant from, Instant to) {
        HistoryService store = history();
        TradingCoreService c = core;
        try {
            NavigableMap<Instant, BigDecimal> capital = new TreeMap<>();
            for (AccountRecord r : store.accounts()) {
                if (r.account().equals(account)) {
                    capital.put(r.definedAt(), BigDecimal.valueOf(r.capital(), r.capitalScale()));
                }
            }
            if (capital.isEmpty()) {
                throw new IllegalArgumentException("the history store has no definition (capital) of account "
                        + account.value());
            }
            List<PositionSnapshot> snapshots = store.positions(HistoryQuery.all().withAccount(account)
                    .withRange(from, to).withLimit(HistoryQuery.MAX_LIMIT));
            List<DailyEquity.Sample> samples = new ArrayList<>(snapshots.size());
            for (PositionSnapshot p : snapshots) {
                samples.add(new DailyEquity.Sample(p.time(), p.instrument().value(),
                        BigDecimal.valueOf(p.netPnl(), scale(p, c))));
            }
            return new Equity(DailyEquity.of(samples, capital), capital);
        } catch (HistoryUnavailableException e) {
            throw new IllegalStateException("the history store cannot answer: " + e.getMessage(), e);
        }
    }

    private static int scale(PositionSnapshot p, TradingCoreService c) {
        if (p.priceScale() >= 0) {
            return p.priceScale();
        }
        Optional<Instrument> definition = c == null ? Optional.empty() : c.instrument(InstrumentId.of(
                p.instrument().value()));
        return definition.map(Instrument::priceScale).orElseThrow(() -> new IllegalStateException("a position"
                + " snapshot of " + p.instrument().value() + " has no price scale and the trading core does not"
                + " define it"));
    }
}
