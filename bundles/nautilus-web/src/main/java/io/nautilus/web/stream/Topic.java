package io.nautilus.web.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stream topic: its seq counter, its subscribers, and either the replay buffer (a never-dropped topic) or the
 * latest value per key (a conflated topic). Guarded by its own monitor.
 */
final class Topic {

    /** The latest value of one key of a conflated topic; its frame is written when first needed. */
    static final class Latest {
        final long seq;
        final Object data;
        String frame;

        Latest(long seq, Object data, String frame) {
            this.seq = seq;
            this.data = data;
            this.frame = frame;
        }
    }

    final String name;
    final boolean reliable;
    final ReplayBuffer replay;
    final Map<String, Latest> latest;
    final List<StreamClient> subscribers = new ArrayList<>();
    long seq;
    /** {@code {"topic":<name>,"seq":} written once (under the topic's monitor), the start of every frame. */
    String framePrefix;

    Topic(String name, int replayCapacity) {
        this.name = name;
        this.reliable = isReliable(name);
        this.replay = reliable ? new ReplayBuffer(replayCapacity) : null;
        this.latest = reliable ? null : new LinkedHashMap<>();
    }

    /**
     * @param name a topic name
     * @return true for the never-dropped topics: {@code executions}, {@code alerts} and {@code bars:<instrument>}
     */
    static boolean isReliable(String name) {
        return name.equals(StreamHub.EXECUTIONS) || name.equals(StreamHub.ALERTS)
                || name.startsWith(StreamHub.BARS_PREFIX);
    }
}
