package io.nautilus.venues.camel;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

import java.util.concurrent.atomic.AtomicLong;

/** {@code nautilus-venue-report:<venueId>}: producer only; counts the reports and the bad messages it received. */
public final class ReportEndpoint extends DefaultEndpoint {

    private final CamelVenueGateway gateway;
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private volatile String lastError;

    ReportEndpoint(String uri, ReportComponent component, CamelVenueGateway gateway) {
        super(uri, component);
        this.gateway = gateway;
    }

    @Override
    public Producer createProducer() {
        return new ReportProducer(this, gateway);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointUri() + ": nautilus-venue-report endpoints only receive"
                + " the venue's answers (use them in 'to'); commands come from nautilus-venue:" + gateway.venueId());
    }

    /** @return the venue id */
    public String getVenueId() {
        return gateway.venueId().value();
    }

    /** @return reports delivered through this endpoint */
    public long getReports() {
        return reports.get();
    }

    /** @return messages refused as bad */
    public long getBadMessages() {
        return bad.get();
    }

    /** @return the last bad message's error, or null */
    public String getLastError() {
        return lastError;
    }

    void countReport() {
        reports.incrementAndGet();
    }

    void countBad(String error) {
        lastError = error;
        bad.incrementAndGet();
    }
}
