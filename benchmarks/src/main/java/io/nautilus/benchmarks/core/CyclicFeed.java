package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.matching.MatchingEngine;

import java.util.Arrays;

/**
 * A {@link CommandStream} played in a loop on one engine, for benchmarks that run as long as they are told: each pass
 * is the stream's initial book and flow followed by a cancel of every order still working at its end, so every pass
 * starts from an empty book and repeats the same work. Order ids are shifted by {@link #span()} per pass, so no id
 * is used twice. The definitions are not part of the loop: run them once, {@link #fillDefinition} by index.
 */
final class CyclicFeed {

    private final CommandStream stream;
    private final long span;
    private final long[] drain;
    private final int end;
    private int cursor;
    private long shift;
    private long passes;

    /**
     * Runs the stream once through a shadow matching engine to find the orders left working at its end.
     *
     * @param stream the stream
     */
    CyclicFeed(CommandStream stream) {
        this.stream = stream;
        MatchingEngine shadow = new MatchingEngine();
        Command c = new Command();
        long maxId = 0;
        for (int i = 0; i < stream.size(); i++) {
            stream.fill(i, c);
            shadow.process(c);
            if (c.op == Op.NEW) {
                maxId = Math.max(maxId, c.orderId);
            }
        }
        long[] working = new long[1024];
        int n = 0;
        for (long id = 1; id <= maxId; id++) {
            if (shadow.isWorking(id)) {
                if (n == working.length) {
                    working = Arrays.copyOf(working, 2 * n);
                }
                working[n++] = id;
            }
        }
        drain = Arrays.copyOf(working, n);
        span = maxId + 1;
        end = stream.size() + n;
        cursor = stream.definitions();
    }

    /** @return number of leading definitions (ADD_INSTRUMENT, ADD_ACCOUNT) to run once before the loop */
    int definitions() {
        return stream.definitions();
    }

    /**
     * @param i definition index, 0 &lt;= i &lt; {@link #definitions()}
     * @param slot the slot to fill
     */
    void fillDefinition(int i, Command slot) {
        stream.fill(i, slot);
    }

    /** @return commands per pass: the initial book, the flow and the closing cancels */
    int passLength() {
        return end - stream.definitions();
    }

    /** @return the order id shift from one pass to the next (greater than any id of the stream) */
    long span() {
        return span;
    }

    /** @return passes completed */
    long passes() {
        return passes;
    }

    /**
     * Overwrites a slot with the next command of the loop (seq and timestamp 0); allocation-free.
     *
     * @param slot the slot to fill
     */
    void next(Command slot) {
        int i = cursor;
        if (i < stream.size()) {
            stream.fill(i, slot);
        } else {
            slot.clear();
            slot.op = Op.CANCEL;
            slot.orderId = drain[i - stream.size()];
        }
        slot.orderId += shift;
        slot.seq = 0;
        slot.timestamp = 0;
        if (++cursor == end) {
            cursor = stream.definitions();
            shift += span;
            passes++;
        }
    }
}
