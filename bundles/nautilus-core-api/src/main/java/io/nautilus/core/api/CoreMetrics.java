package io.nautilus.core.api;

/**
 * The trading core's counters read at one instant, for metrics. Latencies are sampled: one command in
 * {@link #SAMPLE_EVERY} (by seq) carries its ingress time through the pipeline, so measuring costs the hot path one
 * clock read per sampled command and stage; replayed commands are not sampled.
 *
 * @param state pipeline state: NEW, RUNNING, STOPPING, STOPPED or FAILED
 * @param processedCommands commands processed since start (replay not included)
 * @param processorFailures commands whose processing threw since start
 * @param ringSize slots of the command ring
 * @param ringRemainingCapacity free slots of the command ring
 * @param journaledSeq last seq written to the journal
 * @param durableSeq last seq forced to the device
 * @param publishedSeq last seq whose result was handed on
 * @param fsyncs journal forces since start
 * @param fsyncLatency time of each journal force
 * @param journalLatency sampled commands, ingress to durable in the journal (written and, per the fsync policy,
 *        forced)
 * @param processLatency sampled commands, ingress to processed by the business stage
 * @param publishLatency sampled commands, ingress to result handed on (reports, listeners): the end-to-end time
 */
public record CoreMetrics(String state, long processedCommands, long processorFailures, int ringSize,
                          long ringRemainingCapacity, long journaledSeq, long durableSeq, long publishedSeq,
                          long fsyncs, LatencySnapshot fsyncLatency, LatencySnapshot journalLatency,
                          LatencySnapshot processLatency, LatencySnapshot publishLatency) {

    /** One command in this many (seq divisible by it) is sampled for the stage latencies. */
    public static final int SAMPLE_EVERY = 16;
}
