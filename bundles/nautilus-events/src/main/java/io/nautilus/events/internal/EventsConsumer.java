package io.nautilus.events.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.events.EventEndpointStats;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running {@code nautilus-events} route's source: a bounded hand-off the publishers offer to without blocking, and
 * one thread that takes the events in order, encodes each as JSON and starts the route with it, in that order. At
 * most {@code maxInFlight} exchanges are unfinished at a time (1: the next event waits until the route, e.g. a Kafka
 * send with its acknowledgement, is done; more: the route's steps run on this thread up to their first asynchronous
 * one, such as the Kafka producer's send, so records enter the producer in order). When the hand-off is full the
 * event is dropped and counted; the count is logged at WARN from this thread, at most once a second. Stopping lets
 * the event in flight finish for up to 5 s, then interrupts it; events still queued are discarded (and logged).
 */
final class EventsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EventsConsumer.class);
    private static final long POLL_MS = 200;
    /** How long stopping waits for the event in flight before interrupting it (and again after), ms. */
    private static final long STOP_GRACE_MS = 5_000;
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventsEndpoint endpoint;
    private final EventHub hub;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastCoreSeq = new AtomicLong();
    private volatile Semaphore window = new Semaphore(1);
    private volatile String lastError;
    private volatile BlockingQueue<QueuedEvent> queue = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread thread;
    private long droppedWarned;
    private long lastWarnNanos;

    EventsConsumer(EventsEndpoint endpoint, Processor processor, EventHub hub) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.hub = hub;
    }

    EventKind kind() {
        return endpoint.getKind();
    }

    /**
     * Hands an event over without blocking.
     *
     * @param event the event
     */
    void offer(QueuedEvent event) {
        if (queue.offer(event)) {
            received.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
    }

    EventEndpointStats stats() {
        return new EventEndpointStats(endpoint.getEndpointUri(), kind().eventType(), endpoint.getCapacity(),
                queue.size(), received.get(), dropped.get(), delivered.get(), failed.get(), lastCoreSeq.get(),
                lastError);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        queue = new ArrayBlockingQueue<>(endpoint.getCapacity());
        window = new Semaphore(endpoint.getMaxInFlight());
        received.set(0);
        dropped.set(0);
        delivered.set(0);
        failed.set(0);
        lastCoreSeq.set(0);
        lastError = null;
        droppedWarned = 0;
        running = true;
        thread = new Thread(this::run, "nautilus-events-" + kind().path());
        thread.setDaemon(true);
        thread.start();
        hub.add(this);
    }

    @Override
    protected void doStop() throws Exception {
        hub.remove(this);
        running = false;
        Thread current = thread;
        if (current != null) {
            current.join(STOP_GRACE_MS);
            if (current.isAlive()) {
                current.interrupt();
                current.join(STOP_GRACE_MS);
                if (current.isAlive()) {
                    LOG.warn("{}: the delivery thread did not stop", endpoint.getEndpointUri());
                }
            }
            thread = null;
        }
        int discarded = queue.size();
        queue.clear();
        if (discarded > 0) {
            LOG.info("{}: {} queued events discarded as the route stopped", endpoint.getEndpointUri(), discarded);
        }
        super.doStop();
    }

    private void run() {
        EventJson json = new EventJson();
        while (running) {
            QueuedEvent event;
            try {
                event = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            warnDrops();
            if (event != null && !deliver(json, event)) {
                break;
            }
        }
        try {
            if (!window.tryAcquire(endpoint.getMaxInFlight(), STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: exchanges still unfinished as the route stops", endpoint.getEndpointUri());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false if interrupted while waiting for a free place in the window (the route is stopping) */
    private boolean deliver(EventJson json, QueuedEvent event) {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Exchange exchange = createExchange(false);
        InstrumentId id = event.report() != null ? event.report().instrument() : event.bar().instrument();
        try {
            Instrument instrument = hub.instrument(id);
            if (instrument == null) {
                throw new IllegalStateException("instrument " + id + " is not defined in the trading core:"
                        + " its scales are unknown");
            }
            Message in = exchange.getIn();
            in.setHeader(EventHeaders.INSTRUMENT, id.value());
            in.setHeader(EventHeaders.EVENT_TYPE, kind().eventType());
            if (event.report() != null) {
                in.setHeader(EventHeaders.CORE_SEQ, event.coreSeq());
                in.setBody(json.execution(kind(), event.coreSeq(), event.report(), instrument));
            } else {
                in.setBody(json.bar(event.spec(), event.bar(), instrument));
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
            done(exchange, event);
            return true;
        }
        getAsyncProcessor().process(exchange, doneSync -> done(exchange, event));
        return true;
    }

    private void done(Exchange exchange, QueuedEvent event) {
        try {
            Exception failure = exchange.getException();
            if (failure == null) {
                delivered.incrementAndGet();
                if (event.report() != null) {
                    lastCoreSeq.accumulateAndGet(event.coreSeq(), Math::max);
                }
            } else {
                failed.incrementAndGet();
                String summary = summary(event) + " not delivered: " + failure;
                lastError = summary;
                LOG.warn("{}: {}", endpoint.getEndpointUri(), summary);
            }
            releaseExchange(exchange, false);
        } finally {
            window.release();
        }
    }

    private static String summary(QueuedEvent event) {
        if (event.report() != null) {
            return "execution " + event.report().execId() + " (coreSeq " + event.coreSeq() + ", "
                    + event.report().instrument() + " " + event.report().execType() + ")";
        }
        return "bar " + event.bar().instrument() + " ending " + EventJson.time(event.bar().endNanos());
    }

    private void warnDrops() {
        long total = dropped.get();
        if (total == droppedWarned) {
            return;
        }
        long now = System.nanoTime();
        if (droppedWarned != 0 && now - lastWarnNanos < WARN_INTERVAL_NANOS) {
            return;
        }
        LOG.warn("{}: {} events dropped because the hand-off of {} was full ({} in all since the route started);"
                        + " the route is slower than the platform publishes. The history store keeps them.",
                endpoint.getEndpointUri(), total - droppedWarned, endpoint.getCapacity(), total);
        droppedWarned = total;
        lastWarnNanos = now;
    }
}
