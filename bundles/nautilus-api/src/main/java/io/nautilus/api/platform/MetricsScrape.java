package io.nautilus.api.platform;

/**
 * The platform's metrics in the Prometheus text exposition format, registered as an OSGi service by the metrics
 * bundle and served at {@code /metrics} by the web tier (or anything else that wants to expose them).
 */
public interface MetricsScrape {

    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Every meter's current value, as Prometheus scrapes them.
     *
     * @return the exposition text
     */
    String scrape();
}
