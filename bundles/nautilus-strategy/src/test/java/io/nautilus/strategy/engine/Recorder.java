package io.nautilus.strategy.engine;

import java.util.Arrays;

/**
 * What strategies saw: per delivered event the instance sequence number, a payload and the strategy version
 * that got it. Written by the instance's thread only; read after the instance has terminated.
 */
final class Recorder {

    long[] sequences = new long[1024];
    long[] payloads = new long[1024];
    int[] versions = new int[1024];
    int count;

    void record(long sequence, long payload, int version) {
        if (count == sequences.length) {
            sequences = Arrays.copyOf(sequences, count * 2);
            payloads = Arrays.copyOf(payloads, count * 2);
            versions = Arrays.copyOf(versions, count * 2);
        }
        sequences[count] = sequence;
        payloads[count] = payload;
        versions[count] = version;
        count++;
    }
}
