package io.nautilus.marketdata.internal.camel;

import io.nautilus.camel.json.Json;
import io.nautilus.marketdata.api.MarketDataIngest;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hands each message of an exchange to the engine. Never fails the exchange: a message that cannot be mapped is
 * counted on the endpoint, logged (the first 10, then every 1000th) with a summary, and dropped.
 */
final class TickProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TickProducer.class);
    private static final int SUMMARY_CHARS = 200;

    private final MarketDataEndpoint endpoint;
    private final TickMapper mapper;
    private final IngestHandle ingest;

    TickProducer(MarketDataEndpoint endpoint, TickMapper mapper, IngestHandle ingest) {
        super(endpoint);
        this.endpoint = endpoint;
        this.mapper = mapper;
        this.ingest = ingest;
    }

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        long receivedNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Object message;
        try {
            message = parse(body);
        } catch (RuntimeException e) {
            endpoint.countMessage();
            drop(body, e.getMessage());
            return;
        }
        if (message instanceof List<?> list) {
            for (Object each : list) {
                handle(each, receivedNanos);
            }
        } else {
            handle(message, receivedNanos);
        }
    }

    private void handle(Object message, long receivedNanos) {
        endpoint.countMessage();
        if (!(message instanceof Map<?, ?>)) {
            drop(message, "not an object");
            return;
        }
        MarketDataIngest engine = ingest.get();
        if (engine == null) {
            drop(message, "the market-data engine is not running");
            return;
        }
        try {
            mapper.map(message, engine, endpoint.getFeedId(), receivedNanos);
        } catch (BadMessageException e) {
            drop(message, e.getMessage());
        } catch (IllegalStateException e) {
            drop(message, e.getMessage()); // the engine stopped between get() and the call
        }
    }

    private static Object parse(Object body) {
        if (body == null) {
            throw new BadMessageException("empty body");
        }
        if (body instanceof Map<?, ?> || body instanceof List<?>) {
            return body;
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body.toString();
        return Json.parse(text.strip());
    }

    private void drop(Object message, String reason) {
        long n = endpoint.countBad(reason);
        if (n <= 10 || n % 1000 == 0) {
            String summary = String.valueOf(message);
            if (summary.length() > SUMMARY_CHARS) {
                summary = summary.substring(0, SUMMARY_CHARS) + "...";
            }
            LOG.warn("feed {}: dropped bad message #{} ({}): {}", endpoint.getFeedId(), n, reason, summary);
        }
    }
}
