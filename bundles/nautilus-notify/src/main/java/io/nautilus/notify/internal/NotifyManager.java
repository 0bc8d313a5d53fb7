package io.nautilus.notify.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.NotificationListener;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.api.SilenceView;
import io.nautilus.notify.config.NotifyConfig;
import io.nautilus.notify.delivery.CamelChannelTransport;
import io.nautilus.notify.delivery.ChannelTransport;
import io.nautilus.notify.delivery.Deliveries;
import io.nautilus.notify.engine.AlertPipeline;
import io.nautilus.notify.engine.NotifyEngine;
import io.nautilus.notify.engine.Outgoing;
import io.nautilus.notify.engine.Recorder;
import org.apache.camel.CamelContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification engine as a DS component (PID {@code io.nautilus.notify}): registers the
 * {@link AlertService} every engine raises through and the {@link NotificationService} the shell and web tier use;
 * reads {@code etc/io.nautilus.notify.cfg} ({@link NotifyConfig}: a file with an error is refused whole and the rules
 * in force stay); runs the {@link AlertPipeline} on its own thread ({@link NotifyEngine}) and hands what it releases
 * to the delivery side ({@link Deliveries} over the Camel routes of {@link CamelChannelTransport}); records every
 * raise, every incident change and every delivery attempt in the history store when there is one.
 */
@Component(service = {AlertService.class, NotificationService.class}, configurationPid = "io.nautilus.notify",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class NotifyManager implements AlertService, NotificationService {

    /** How many raises and resolves the hand-off from {@link #raise} holds. */
    static final int HAND_OFF_CAPACITY = 1 << 16;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final long TEMPLATE_CHECK_SECONDS = 10;
    private static final int ABOUT_IDS = 10;
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Logger LOG = LoggerFactory.getLogger(NotifyManager.class);

    private final ChannelTransport transport;
    private final CamelChannelTransport camel;
    private final LongSupplier clock;
    private final boolean ownThreads;
    private final HistoryRecorder recorder = new HistoryRecorder();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile NotifyEngine engine;
    private volatile Deliveries deliveries;
    private volatile String configError = "";
    private ScheduledExecutorService templateChecks;

    /** Creates the component (DS): deliveries through the platform's Camel routes, the system clock. */
    public NotifyManager() {
        this(new CamelChannelTransport(), NotifyManager::systemNanos, true);
    }

    /**
     * Creates the component with another transport and clock (tests).
     *
     * @param transport  hands rendered messages to channels
     * @param clock      now, nanoseconds since the epoch
     * @param ownThreads whether the engine runs its own thread and the template folder is checked periodically;
     *                   false: the test drives {@link #engine()} round by round
     */
    NotifyManager(ChannelTransport transport, LongSupplier clock, boolean ownThreads) {
        this.transport = transport;
        this.camel = transport instanceof CamelChannelTransport c ? c : null;
        this.clock = clock;
        this.ownThreads = ownThreads;
    }

    private static long systemNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Activate
    void activate(Map<String, Object> properties) {
        AlertPipeline pipeline = new AlertPipeline(o -> deliveries.dispatch(o), recorder, clock);
        Deliveries d = new Deliveries(transport, this::onAttempt, pipeline::nextNotificationId);
        NotifyEngine e = new NotifyEngine(pipeline, HAND_OFF_CAPACITY, recorder, clock);
        deliveries = d;
        engine = e;
        configure(properties);
        if (ownThreads) {
            e.start("nautilus-notify-engine");
            templateChecks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nautilus-notify-templates");
                t.setDaemon(true);
                return t;
            });
            templateChecks.scheduleWithFixedDelay(this::checkTemplates, TEMPLATE_CHECK_SECONDS,
                    TEMPLATE_CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        configure(properties);
    }

    @Deactivate
    void deactivate() {
        if (templateChecks != null) {
            templateChecks.shutdownNow();
            templateChecks = null;
        }
        NotifyEngine e = engine;
        if (e != null) {
            e.close();
        }
        Deliveries d = deliveries;
        if (d != null) {
            d.close();
        }
        if (camel != null) {
            camel.close();
        }
    }

    /** @return the engine (tests drive it round by round) */
    NotifyEngine engine() {
        return engine;
    }

    private void configure(Map<String, Object> properties) {
        Map<String, String> strings = new HashMap<>();
        properties.forEach((k, v) -> strings.put(k, v == null ? "" : String.valueOf(v)));
        NotifyConfig config;
        try {
            config = NotifyConfig.parse(strings);
        } catch (IllegalArgumentException e) {
            configError = "etc/io.nautilus.notify.cfg refused, the rules in force stay: " + e.getMessage();
            LOG.error("{}", configError);
            return;
        }
        configError = "";
        deliveries.configure(config.receivers().values());
        String folder = substitute(config.templates());
        deliveries.templates(folder.isBlank() ? null : Path.of(folder));
        engine.call(p -> {
            p.configure(config);
            return null;
        }, CALL_TIMEOUT);
        LOG.info("notification rules taken: {} receivers, {} routes, {} inhibition rules", config.receivers().size(),
                config.routes().size(), config.inhibitions().size());
    }

    private void checkTemplates() {
        try {
            deliveries.reloadTemplates();
        } catch (RuntimeException e) {
            LOG.warn("checking the notification templates failed: {}", e.toString());
        }
    }

    private static String substitute(String value) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = System.getProperty(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        return m.appendTail(out).toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void raise(Alert alert) {
        NotifyEngine e = engine;
        if (e != null) {
            e.raise(alert);
        }
    }

    @Override
    public void resolve(String key, String reason) {
        NotifyEngine e = engine;
        if (e != null) {
            e.resolve(key, reason);
        }
    }

    @Override
    public List<AlertView> alerts(boolean includeResolved, int limit) {
        return engine.call(p -> p.alerts(includeResolved, limit), CALL_TIMEOUT);
    }

    @Override
    public Optional<AlertView> alert(String idOrKey) {
        return engine.call(p -> p.alert(idOrKey), CALL_TIMEOUT);
    }

    @Override
    public AlertView acknowledge(String idOrKey, String user, String comment) {
        return engine.call(p -> p.acknowledge(idOrKey, text(user), text(comment)), CALL_TIMEOUT);
    }

    @Override
    public AlertView resolve(String idOrKey, String user, String comment) {
        return engine.call(p -> p.resolve(idOrKey, text(user), text(comment)), CALL_TIMEOUT);
    }

    @Override
    public SilenceView silence(List<LabelMatcher> matchers, Duration duration, String user, String comment) {
        return engine.call(p -> p.silence(matchers, duration, text(user), text(comment)), CALL_TIMEOUT);
    }

    @Override
    public List<SilenceView> silences() {
        return engine.call(AlertPipeline::silences, CALL_TIMEOUT);
    }

    @Override
    public SilenceView expireSilence(String id, String user) {
        return engine.call(p -> p.expireSilence(id, text(user)), CALL_TIMEOUT);
    }

    @Override
    public DeliveryView test(String receiver, String user, Duration timeout) {
        return deliveries.test(receiver, user, timeout);
    }

    @Override
    public List<ReceiverView> receivers() {
        return deliveries.receivers();
    }

    @Override
    public List<DeliveryView> deliveries(String idOrKey, int limit) {
        if (idOrKey == null) {
            return deliveries.deliveries(limit);
        }
        long id = alert(idOrKey).orElseThrow(() -> new IllegalArgumentException("no incident has id or key '"
                + idOrKey + "' (nautilus:alerts list shows them)")).id();
        List<DeliveryView> out = new ArrayList<>();
        for (DeliveryView d : deliveries.deliveries(Deliveries.KEPT)) {
            if (out.size() >= limit) {
                break;
            }
            if (d.alertIds().contains(id)) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public List<DeliveryView> deadLetters() {
        return deliveries.deadLetters();
    }

    @Override
    public NotifyStatus status() {
        NotifyEngine e = engine;
        NotifyStatus s = e.call(p -> p.status(e.raised(), e.overflowed(), deadLetters.get(), configError),
                CALL_TIMEOUT);
        List<String> warnings = new ArrayList<>(s.warnings());
        warnings.addAll(deliveries.warnings());
        long lost = recorder.refused.get();
        if (lost > 0) {
            warnings.add(lost + " records the history store could not take (its hand-off was full or it is"
                    + " disabled)");
        }
        return new NotifyStatus(s.raised(), s.deduplicated(), s.silenced(), s.inhibited(), s.overflowed(), s.open(),
                s.notifications(), s.rolledUp(), s.deadLetters(), s.configError(), warnings);
    }

    private void onAttempt(Outgoing outgoing, DeliveryView attempt) {
        if (attempt.deadLetter()) {
            deadLetters.incrementAndGet();
        }
        List<AlertView> about = outgoing.alerts();
        long alertId = about.size() == 1 ? about.get(0).id() : 0;
        String alertKey = about.size() == 1 ? about.get(0).key() : "";
        StringBuilder detail = new StringBuilder(attempt.detail());
        if (about.size() > 1) {
            detail.append(detail.length() == 0 ? "" : " | ").append(outgoing.kind()).append(" about ");
            for (int i = 0; i < Math.min(ABOUT_IDS, about.size()); i++) {
                detail.append(i == 0 ? "" : ",").append(about.get(i).displayId());
            }
            if (about.size() > ABOUT_IDS) {
                detail.append(",... (").append(about.size()).append(" incidents)");
            }
        }
        recorder.event(new NotificationRecord(0, attempt.timestampNanos(),
                attempt.deadLetter() ? "DEAD_LETTER" : "DELIVERY", alertId, alertKey, attempt.receiver(),
                attempt.channel(), attempt.attempt(), attempt.outcome().name(), detail.toString(), ""));
    }

    /**
     * The history store, when there is one.
     *
     * @param history the store
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHistory(HistoryService history) {
        recorder.history = history;
    }

    void unbindHistory(HistoryService history) {
        if (recorder.history == history) {
            recorder.history = null;
        }
    }

    /**
     * A platform CamelContext: the {@code nautilus-notify} component is registered in it.
     *
     * @param context the context
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCamelContext(CamelContext context) {
        if (camel != null) {
            camel.bindCamelContext(context);
        }
    }

    void unbindCamelContext(CamelContext context) {
        if (camel != null) {
            camel.unbindCamelContext(context);
        }
    }

    /**
     * A listener of the {@code ui} channel's in-platform topic (whiteboard).
     *
     * @param listener the listener
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(NotificationListener listener) {
        if (camel != null) {
            camel.bindListener(listener);
        }
    }

    void unbindListener(NotificationListener listener) {
        if (camel != null) {
            camel.unbindListener(listener);
        }
    }

    /**
     * The integrators' route folder: channel route files that failed because the component was not registered yet
     * are loaded again.
     *
     * @param admin the route admin
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRouteAdmin(RouteAdminService admin) {
        if (camel != null) {
            camel.bindRouteAdmin(admin);
        }
    }

    void unbindRouteAdmin(RouteAdminService admin) {
        if (camel != null) {
            camel.unbindRouteAdmin(admin);
        }
    }

    /** Records into the history store when one is bound; counts what it could not take. */
    private static final class HistoryRecorder implements Recorder {

        volatile HistoryService history;
        final AtomicLong refused = new AtomicLong();

        @Override
        public void alert(Alert alert) {
            HistoryService h = history;
            if (h != null && !h.recordAlert(alert)) {
                refused.incrementAndGet();
            }
        }

        @Override
        public void event(NotificationRecord record) {
            HistoryService h = history;
            if (h != null && !h.recordNotification(record)) {
                refused.incrementAndGet();
            }
        }
    }
}
