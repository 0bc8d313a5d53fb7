package io.nautilus.core.api;

/** The trading core's counters for the metrics bundle: cheap to read, from any thread, at any rate. */
public interface CoreMetricsService {

    /**
     * The core's counters now; reading them does not touch the pipeline's threads or the journal folder.
     *
     * @return the counters (zeros and empty histograms before the pipeline started)
     */
    CoreMetrics metrics();
}
