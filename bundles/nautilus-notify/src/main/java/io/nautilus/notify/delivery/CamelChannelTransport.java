package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotificationListener;
import io.nautilus.notify.config.ReceiverConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers through Camel routes: registers the {@code nautilus-notify} component in every CamelContext bound to it,
 * hands each notification to the route reading {@code nautilus-notify:<channel>} (headers as in
 * {@link NotifyHeaders}) and reads the outcome ({@link Failures}); feeds {@code nautilus-notify:topic} to the bound
 * {@link NotificationListener}s. Route files that failed because the component was not registered yet are loaded
 * again through the bound {@link RouteAdminService}s.
 *
 * <p>The DS component owning it calls {@link #bindCamelContext}/{@link #unbindCamelContext},
 * {@link #bindListener}/{@link #unbindListener} and {@link #bindRouteAdmin}/{@link #unbindRouteAdmin} from its
 * dynamic references, and {@link #close()} when it deactivates. Thread-safe.
 *
 * <p>A route runs on a thread of this transport's own; the caller waits at most the attempt's timeout. A route
 * still running past it is left to finish (its outcome is ignored; the retry carries the same
 * {@code X-Nautilus-Notification-Id}, so a receiver can drop a duplicate).
 */
public final class CamelChannelTransport implements ChannelTransport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CamelChannelTransport.class);

    private final ChannelHub hub = new ChannelHub();
    private final Map<CamelContext, Boolean> contexts = new ConcurrentHashMap<>();
    private final Set<RouteAdminService> routeAdmins = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService routeThreads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "nautilus-notify-route-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Creates a transport with no CamelContext yet: until one is bound, every channel is "no route". */
    public CamelChannelTransport() {
    }

    @Override
    public DeliveryResult send(Notification notification, ReceiverConfig receiver, int attempt, Duration timeout) {
        String channel = notification.channel();
        NotifyConsumer consumer = hub.consumer(channel);
        if (consumer == null) {
            return DeliveryResult.retryable("no route reads " + NotifyComponent.SCHEME + ":" + channel
                    + " (camel-routes/notify-" + channel + ".yaml missing, failed or stopped)");
        }
        Exchange exchange = consumer.createExchange(false);
        NotifyMessages.prepare(exchange, notification, receiver, attempt);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        try {
            routeThreads.execute(() -> consumer.deliver(exchange, done));
        } catch (RuntimeException e) {
            return DeliveryResult.retryable("the notification transport is stopped");
        }
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return DeliveryResult.retryable("no outcome from the route of " + NotifyComponent.SCHEME + ":" + channel
                    + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retryable("interrupted while the route of " + NotifyComponent.SCHEME + ":"
                    + channel + " ran");
        } catch (ExecutionException e) {
            return DeliveryResult.retryable(Failures.line(String.valueOf(e.getCause())));
        }
        DeliveryResult result = Failures.outcome(exchange);
        consumer.releaseExchange(exchange, false);
        return result;
    }

    @Override
    public boolean hasRoute(String channel) {
        return hub.consumer(channel) != null;
    }

    /**
     * Registers the {@code nautilus-notify} component in a context (a DS dynamic reference's bind), then loads again
     * the route files that failed for lack of it.
     *
     * @param context the context
     */
    public void bindCamelContext(CamelContext context) {
        context.addComponent(NotifyComponent.SCHEME, new NotifyComponent(hub));
        contexts.put(context, Boolean.TRUE);
        LOG.info("registered Camel component {} in context {}", NotifyComponent.SCHEME, context.getName());
        reloadFailedRouteFiles();
    }

    /**
     * Removes the component from a context (the unbind); its channel routes stop delivering.
     *
     * @param context the context
     */
    public void unbindCamelContext(CamelContext context) {
        if (contexts.remove(context) != null) {
            try {
                context.removeComponent(NotifyComponent.SCHEME);
            } catch (RuntimeException e) {
                LOG.warn("could not remove {} from context {}: {}", NotifyComponent.SCHEME, context.getName(),
                        e.toString());
            }
        }
    }

    /**
     * Adds a listener of the in-platform topic ({@code ui} channel).
     *
     * @param listener the listener
     */
    public void bindListener(NotificationListener listener) {
        hub.addListener(listener);
    }

    /**
     * Removes a listener of the in-platform topic.
     *
     * @param listener the listener
     */
    public void unbindListener(NotificationListener listener) {
        hub.removeListener(listener);
    }

    /**
     * Adds the route admin of the integrators' route folder: its route files that failed because this component was
     * not registered yet are loaded again (now if a context is bound, else when one is).
     *
     * @param admin the route admin
     */
    public void bindRouteAdmin(RouteAdminService admin) {
        routeAdmins.add(admin);
        if (!contexts.isEmpty()) {
            reloadFailedRouteFiles();
        }
    }

    /**
     * Removes a route admin.
     *
     * @param admin the route admin
     */
    public void unbindRouteAdmin(RouteAdminService admin) {
        routeAdmins.remove(admin);
    }

    /** Removes the component from every context and stops the route threads (routes still running finish). */
    @Override
    public void close() {
        for (CamelContext context : contexts.keySet()) {
            unbindCamelContext(context);
        }
        routeThreads.shutdown();
    }

    private void reloadFailedRouteFiles() {
        for (RouteAdminService admin : routeAdmins) {
            try {
                for (RouteFile file : admin.routeFiles()) {
                    if (file.state() == RouteFile.State.FAILED) {
                        LOG.info("loading route file {} again now that {} is registered", file.fileName(),
                                NotifyComponent.SCHEME);
                        admin.reload(file.fileName());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not reload failed route files: {}", e.getMessage());
            }
        }
    }
}
