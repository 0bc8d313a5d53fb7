package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.engine.Dispatcher;
import io.nautilus.notify.engine.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The delivery side of the notification engine: one ordered queue and one thread per receiver, so a slow or dead
 * channel never holds up another receiver, the pipeline or any engine.
 *
 * <p>Each message is rendered once with its channel's templates ({@link Templates}) and handed to the channel
 * ({@link ChannelTransport}); a retryable failure is retried after an exponential back-off per the receiver's
 * {@link io.nautilus.notify.config.RetryConfig}, and the messages queued behind it wait, so a receiver gets its
 * messages once each and in order when its channel comes back. A permanent failure, the last attempt, or the retry
 * time running out puts the message on the dead-letter list. Every attempt is told to the {@link DeliveryListener}.
 *
 * <p>{@link #dispatch} never blocks: a receiver holds at most {@value #MAX_QUEUED} messages; beyond that a message
 * goes straight to the dead-letter list. Configuration, listings and tests may be called from any thread.
 */
public final class Deliveries implements Dispatcher, AutoCloseable {

    /** The most messages one receiver holds waiting for delivery. */
    public static final int MAX_QUEUED = 10_000;
    /** How many recent attempts, and how many dead letters, are kept in memory. */
    public static final int KEPT = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final ChannelTransport transport;
    private final DeliveryListener listener;
    private final LongSupplier testIds;
    private final Templates templates = new Templates(null);
    private final Map<String, ReceiverWorker> workers = new TreeMap<>();
    private final ArrayDeque<DeliveryView> recent = new ArrayDeque<>();
    private final ArrayDeque<DeliveryView> deadLetters = new ArrayDeque<>();
    private final AtomicLong deadLetterCount = new AtomicLong();
    private volatile boolean closed;

    /**
     * Creates the delivery side with no receiver yet ({@link #configure}) and the shipped templates only
     * ({@link #templates(Path)}).
     *
     * @param transport hands rendered messages to channels
     * @param listener  told of every attempt
     * @param testIds   gives the ids of test messages ({@link #test}); the engine's notification id sequence
     */
    public Deliveries(ChannelTransport transport, DeliveryListener listener, LongSupplier testIds) {
        this.transport = transport;
        this.listener = listener;
        this.testIds = testIds;
    }

    /**
     * Takes the receivers in force: new ones get a queue and a thread, changed ones use their new settings from
     * their next attempt on (a message being retried included), removed ones stop and their queued messages go to
     * the dead-letter list.
     *
     * @param receivers all the receivers now configured
     */
    public void configure(Collection<ReceiverConfig> receivers) {
        List<ReceiverWorker> removed = new ArrayList<>();
        synchronized (workers) {
            if (closed) {
                throw new IllegalStateException("deliveries closed");
            }
            Map<String, ReceiverConfig> byName = new LinkedHashMap<>();
            receivers.forEach(r -> byName.put(r.name(), r));
            for (Iterator<Map.Entry<String, ReceiverWorker>> it = workers.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, ReceiverWorker> entry = it.next();
                ReceiverConfig config = byName.remove(entry.getKey());
                if (config == null) {
                    removed.add(entry.getValue());
                    it.remove();
                } else {
                    entry.getValue().configure(config);
                }
            }
            for (ReceiverConfig config : byName.values()) {
                ReceiverWorker worker = new ReceiverWorker(this, config);
                workers.put(config.name(), worker);
                worker.start();
            }
        }
        for (ReceiverWorker worker : removed) {
            worker.stop("receiver " + worker.name() + " removed from the configuration");
        }
    }

    /**
     * Sets the folder whose {@code <channel>.subject.ftl} and {@code <channel>.body.ftl} override the shipped
     * templates, and compiles them.
     *
     * @param folder the folder, or null for the shipped templates only
     * @return the errors of templates that did not compile (the last good version of each is kept), one line each
     *         naming the template and the line; empty when all compiled
     */
    public List<String> templates(Path folder) {
        return templates.folder(folder);
    }

    /**
     * Checks the template folder again (files new or changed since last time).
     *
     * @return the errors of templates that do not compile now, one line each; empty when all do
     */
    public List<String> reloadTemplates() {
        return templates.reload();
    }

    @Override
    public void dispatch(Outgoing outgoing) {
        ReceiverWorker worker;
        synchronized (workers) {
            worker = workers.get(outgoing.receiver());
        }
        if (worker == null) {
            refuse(outgoing, "", "no receiver named '" + outgoing.receiver() + "' is configured");
            return;
        }
        if (outgoing.kind() == Notification.Kind.SUMMARY) {
            worker.rolledUp(outgoing.rolledUp());
        }
        if (!worker.config().enabled()) {
            LOG.debug("receiver {} has no url: notification {} not sent", outgoing.receiver(), outgoing.id());
            return;
        }
        if (!worker.offer(outgoing)) {
            refuse(outgoing, worker.config().channel(), closed ? "the delivery side is stopping"
                    : "receiver " + outgoing.receiver() + " already holds " + MAX_QUEUED + " messages");
        }
    }

    /**
     * Sends a test message to a receiver now, on the caller's thread, past its queue (no grouping, no rate limit,
     * no retry), and returns the attempt (also told to the listener).
     *
     * @param receiver the receiver's name
     * @param user     who asks (the templates may show it)
     * @param timeout  how long to wait for the attempt
     * @return the attempt
     * @throws IllegalArgumentException when no receiver has that name
     */
    public DeliveryView test(String receiver, String user, Duration timeout) {
        ReceiverWorker worker;
        synchronized (workers) {
            worker = workers.get(receiver);
            if (worker == null) {
                throw new IllegalArgumentException("no receiver named '" + receiver + "'; configured: "
                        + (workers.isEmpty() ? "none" : String.join(", ", workers.keySet())));
            }
        }
        ReceiverConfig config = worker.config();
        Outgoing outgoing = new Outgoing(testIds.getAsLong(), receiver, Notification.Kind.TEST, "", List.of(), 0,
                nowNanos());
        DeliveryResult result;
        if (!config.enabled()) {
            result = DeliveryResult.failed("receiver " + receiver + " has no url: set receiver." + receiver
                    + ".url in etc/io.nautilus.notify.cfg");
        } else {
            try {
                Notification notification = render(outgoing, config.channel(), user);
                result = attempt(notification, config, 1, timeout);
            } catch (RuntimeException e) {
                result = DeliveryResult.failed(e.getMessage());
            }
        }
        return report(worker, outgoing, config.channel(), 1, result, false);
    }

    /** @return the receivers with their counts, by name */
    public List<ReceiverView> receivers() {
        List<ReceiverView> views = new ArrayList<>();
        synchronized (workers) {
            workers.values().forEach(w -> views.add(w.view()));
        }
        return views;
    }

    /**
     * @param limit at most this many
     * @return recent attempts, newest first (the last {@value #KEPT})
     */
    public List<DeliveryView> deliveries(int limit) {
        return newest(recent, limit);
    }

    /** @return the messages given up, newest first, each as its last attempt (the last {@value #KEPT}) */
    public List<DeliveryView> deadLetters() {
        return newest(deadLetters, KEPT);
    }

    /** @return how many messages were given up since start (the dead-letter list keeps the last {@value #KEPT}) */
    public long deadLetterCount() {
        return deadLetterCount.get();
    }

    /**
     * What an operator should know: enabled receivers whose channel has no route now, and templates that do not
     * compile.
     *
     * @return one line each
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (ReceiverView view : receivers()) {
            if (view.enabled() && !transport.hasRoute(view.channel())) {
                warnings.add("receiver " + view.name() + ": no route reads nautilus-notify:" + view.channel()
                        + " (camel-routes/notify-" + view.channel() + ".yaml missing or failed)");
            }
        }
        warnings.addAll(templates.errors());
        return warnings;
    }

    /** Stops every receiver's thread; messages still queued are dropped (and counted in the log). */
    @Override
    public void close() {
        List<ReceiverWorker> all;
        synchronized (workers) {
            closed = true;
            all = new ArrayList<>(workers.values());
            workers.clear();
        }
        all.forEach(w -> w.stop(null));
        all.forEach(ReceiverWorker::join);
    }

    Notification render(Outgoing outgoing, String channel, String user) {
        Map<String, Object> model = NotificationModel.of(outgoing, channel, user);
        String subject = templates.render(channel, Templates.Part.SUBJECT, model).strip()
                .replaceAll("\\s*\\R\\s*", " ");
        String body = templates.render(channel, Templates.Part.BODY, model).stripTrailing();
        return new Notification(outgoing.id(), outgoing.receiver(), channel, outgoing.kind(), subject, body,
                outgoing.alerts(), outgoing.rolledUp(), outgoing.releasedNanos());
    }

    DeliveryResult attempt(Notification notification, ReceiverConfig config, int attempt, Duration timeout) {
        DeliveryResult result;
        try {
            result = transport.send(notification, config, attempt, timeout);
        } catch (RuntimeException e) {
            result = DeliveryResult.retryable(e.toString());
        }
        String detail = result.detail();
        for (String secret : config.secrets().values()) {
            if (secret.length() >= 4 && detail.contains(secret)) {
                detail = detail.replace(secret, "***");
            }
        }
        return detail.equals(result.detail()) ? result : new DeliveryResult(result.outcome(), detail);
    }

    DeliveryView report(ReceiverWorker worker, Outgoing outgoing, String channel, int attempt,
                        DeliveryResult result, boolean deadLetter) {
        long now = nowNanos();
        List<Long> alertIds = new ArrayList<>(outgoing.alerts().size());
        for (AlertView alert : outgoing.alerts()) {
            alertIds.add(alert.id());
        }
        DeliveryView view = new DeliveryView(outgoing.id(), alertIds, outgoing.receiver(), channel, outgoing.kind(),
                attempt, result.outcome(), result.detail(), now, now - outgoing.releasedNanos(), deadLetter);
        if (worker != null) {
            worker.count(view);
        }
        if (deadLetter) {
            deadLetterCount.incrementAndGet();
        }
        synchronized (recent) {
            keep(recent, view);
            if (deadLetter) {
                keep(deadLetters, view);
            }
        }
        if (result.isDelivered()) {
            LOG.debug("notification {} delivered to {} ({}) at attempt {}", outgoing.id(), outgoing.receiver(),
                    channel, attempt);
        } else {
            LOG.warn("notification {} to {} ({}) attempt {}: {}{}", outgoing.id(), outgoing.receiver(), channel,
                    attempt, result.detail(), deadLetter ? "; given up (dead letter)" : "");
        }
        try {
            listener.onAttempt(outgoing, view);
        } catch (RuntimeException e) {
            LOG.warn("delivery listener failed on notification {}: {}", outgoing.id(), e.toString());
        }
        return view;
    }

    private void refuse(Outgoing outgoing, String channel, String reason) {
        report(null, outgoing, channel, 1, DeliveryResult.failed(reason), true);
    }

    private static void keep(ArrayDeque<DeliveryView> list, DeliveryView view) {
        if (list.size() == KEPT) {
            list.removeFirst();
        }
        list.addLast(view);
    }

    private List<DeliveryView> newest(ArrayDeque<DeliveryView> list, int limit) {
        List<DeliveryView> views = new ArrayList<>();
        synchronized (recent) {
            Iterator<DeliveryView> it = list.descendingIterator();
            while (it.hasNext() && views.size() < limit) {
                views.add(it.next());
            }
        }
        return views;
    }

    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
