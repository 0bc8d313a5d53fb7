package io.nautilus.venues.camel;

import io.nautilus.camel.json.Json;
import io.nautilus.api.order.ExecutionReport;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands a venue's answer to its gateway: the body is a Map, a List of Maps, or JSON text (an object or an array)
 * of report messages ({@link ReportMapper} lists the fields). A message that cannot be mapped fails the exchange
 * with a {@link BadReportException} naming the field (the route's error handling decides what follows) and is
 * counted; the messages before it in an array are delivered.
 */
final class ReportProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ReportProducer.class);

    private final ReportEndpoint endpoint;
    private final CamelVenueGateway gateway;

    ReportProducer(ReportEndpoint endpoint, CamelVenueGateway gateway) {
        super(endpoint);
        this.endpoint = endpoint;
        this.gateway = gateway;
    }

    @Override
    public void process(Exchange exchange) {
        List<Map<?, ?>> messages;
        try {
            messages = messages(exchange.getMessage().getBody());
        } catch (BadReportException e) {
            bad(e);
            throw e;
        }
        List<ExecutionReport> delivered = new ArrayList<>(messages.size());
        for (Map<?, ?> message : messages) {
            try {
                delivered.add(gateway.report(message));
                endpoint.countReport();
            } catch (BadReportException e) {
                endpoint.countBad(e.getMessage());
                LOG.warn("venue {}: bad report message {}: {}", gateway.venueId(), message, e.getMessage());
                throw e;
            }
        }
        exchange.getMessage().setHeader("NautilusReports", delivered.size());
    }

    private void bad(BadReportException e) {
        endpoint.countBad(e.getMessage());
        gateway.countBadBody(e.getMessage());
        LOG.warn("venue {}: bad report message: {}", gateway.venueId(), e.getMessage());
    }

    private static List<Map<?, ?>> messages(Object body) {
        if (body instanceof byte[] bytes) {
            body = new String(bytes, StandardCharsets.UTF_8);
        } else if (body instanceof InputStream in) {
            try {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new BadReportException("the report body could not be read: " + e.getMessage());
            }
        }
        if (body instanceof CharSequence text) {
            if (text.toString().isBlank()) {
                throw new BadReportException("the report body is empty");
            }
            try {
                body = Json.parse(text.toString());
            } catch (IllegalArgumentException e) {
                throw new BadReportException("the report body is not JSON: " + e.getMessage());
            }
        }
        if (body instanceof Map<?, ?> map) {
            return List.of(map);
        }
        if (body instanceof List<?> list) {
            List<Map<?, ?>> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new BadReportException("a report array holds " + describe(item) + ", not an object");
                }
                out.add(map);
            }
            return out;
        }
        throw new BadReportException("the report body is " + describe(body)
                + "; give a Map, a List of Maps or JSON text");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
