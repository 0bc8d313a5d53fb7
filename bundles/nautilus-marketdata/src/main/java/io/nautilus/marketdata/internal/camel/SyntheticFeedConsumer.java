package io.nautilus.marketdata.internal.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link SyntheticTickGenerator} on its own scheduled thread: one step every {@code intervalMs}, each
 * message stamped with the wall clock (milliseconds) and sent through the route.
 */
final class SyntheticFeedConsumer extends DefaultConsumer {

    private final FeedEndpoint endpoint;
    private final SyntheticTickGenerator generator;
    private ScheduledExecutorService executor;
    private long steps;

    SyntheticFeedConsumer(FeedEndpoint endpoint, Processor processor, SyntheticTickGenerator generator) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.generator = generator;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.resetProgress();
        executor = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "nautilus-feed-synthetic");
        executor.scheduleAtFixedRate(this::step, 0, endpoint.getIntervalMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        super.doStop();
    }

    private void step() {
        long count = endpoint.getCount();
        if (count > 0 && steps >= count) {
            endpoint.markFinished();
            return;
        }
        steps++;
        long now = System.currentTimeMillis();
        for (Map<String, Object> message : generator.step()) {
            if (!isRunAllowed()) {
                return;
            }
            message.put("time", now);
            emit(message);
        }
        if (count > 0 && steps >= count) {
            endpoint.markFinished();
        }
    }

    private void emit(Map<String, Object> message) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(message);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        endpoint.countEmitted();
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("synthetic feed: route failed", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
