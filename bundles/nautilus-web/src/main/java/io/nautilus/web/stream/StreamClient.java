package io.nautilus.web.stream;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One connection's subscriptions and outgoing queue. Frames of never-dropped topics (and the hub's replies) wait in
 * order, at most {@link StreamSettings#maxPending} of them besides a resume's replay; frames of conflated topics wait
 * as the latest one per key. The queue is drained on the socket's thread while the socket is writable.
 *
 * <p>Publishers call {@link #offer} from any thread; {@link #onText}, {@link #onWritable} and {@link #onClosed} come
 * from the socket's thread.
 */
public final class StreamClient {

    private record Pending(String topic, String frame, boolean replayed) {
    }

    private final StreamHub hub;
    private final StreamSocket socket;
    private final int maxPending;
    private final ArrayDeque<Pending> ordered = new ArrayDeque<>();
    private final Map<String, Pending> conflated = new LinkedHashMap<>();
    /** The topics subscribed to; touched only on the socket's thread. */
    final Set<String> topics = new HashSet<>();
    private int replayedPending;
    private boolean drainScheduled;
    private boolean closed;
    private long unwritableSinceNanos;
    private long sent;

    StreamClient(StreamHub hub, StreamSocket socket, int maxPending) {
        this.hub = hub;
        this.socket = socket;
        this.maxPending = maxPending;
    }

    /**
     * A text message from the client: one request ({@code subscribe} or {@code unsubscribe}).
     *
     * @param text the message
     */
    public void onText(String text) {
        hub.request(this, text);
    }

    /**
     * A binary message from the client: refused with an error reply (requests are JSON text).
     *
     * @param bytes its length
     */
    public void onBinary(int bytes) {
        hub.error(this, "binary message of " + bytes + " bytes refused: requests are JSON text");
    }

    /** The socket can take more again. */
    public void onWritable() {
        schedule();
    }

    /** The connection closed, by either side. */
    public void onClosed() {
        synchronized (this) {
            closed = true;
            ordered.clear();
            conflated.clear();
        }
        hub.remove(this);
    }

    /** @return frames and replies written to the socket so far */
    public synchronized long sent() {
        return sent;
    }

    /** @return frames and replies waiting to be written */
    public synchronized int pending() {
        return ordered.size() + conflated.size();
    }

    /** @return whether the hub or the peer closed this connection */
    public synchronized boolean closed() {
        return closed;
    }

    void offer(String topic, String key, String frame, boolean reliable) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (reliable) {
                if (ordered.size() - replayedPending >= maxPending) {
                    tooSlow("too slow: " + maxPending + " frames waiting; reconnect and subscribe with from=<last seq>");
                    return;
                }
                ordered.add(new Pending(topic, frame, false));
            } else {
                conflated.put(topic + '\n' + key, new Pending(topic, frame, false));
            }
        }
        schedule();
    }

    /** Queues a reply or a resume's frame, in order, outside the {@code maxPending} limit when replayed. */
    void reply(String topic, String frame, boolean replayed) {
        synchronized (this) {
            if (closed) {
                return;
            }
            ordered.add(new Pending(topic, frame, replayed));
            if (replayed) {
                replayedPending++;
            }
        }
        schedule();
    }

    /** Drops what waits for a topic the client left. */
    synchronized void purge(String topic) {
        for (Iterator<Pending> it = ordered.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (topic.equals(p.topic)) {
                it.remove();
                if (p.replayed) {
                    replayedPending--;
                }
            }
        }
        conflated.values().removeIf(p -> topic.equals(p.topic));
    }

    /** Closes the connection if it has been unwritable, with frames waiting, for longer than the limit. */
    void checkStall(long nowNanos, long stallNanos, long stallMillis) {
        synchronized (this) {
            if (closed || unwritableSinceNanos == 0 || nowNanos - unwritableSinceNanos <= stallNanos) {
                return;
            }
            tooSlow("too slow: not reading for " + stallMillis + " ms; reconnect and subscribe with from=<last seq>");
        }
    }

    private void tooSlow(String reason) {
        closed = true;
        ordered.clear();
        conflated.clear();
        hub.countTooSlow();
        socket.execute(() -> {
            hub.remove(this);
            socket.close(StreamHub.CLOSE_TOO_SLOW, reason);
        });
    }

    void close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ordered.clear();
            conflated.clear();
        }
        socket.execute(() -> socket.close(code, reason));
    }

    private void schedule() {
        synchronized (this) {
            if (drainScheduled || closed) {
                return;
            }
            drainScheduled = true;
        }
        socket.execute(this::drain);
    }

    private void drain() {
        while (true) {
            String frame;
            synchronized (this) {
                if (closed) {
                    drainScheduled = false;
                    return;
                }
                Pending next = ordered.peekFirst();
                boolean fromOrdered = next != null;
                if (next == null && !conflated.isEmpty()) {
                    next = conflated.values().iterator().next();
                }
                if (next == null) {
                    drainScheduled = false;
                    unwritableSinceNanos = 0;
                    return;
                }
                if (!socket.writable()) {
                    drainScheduled = false;
                    if (unwritableSinceNanos == 0) {
                        unwritableSinceNanos = hub.nanoTime();
                    }
                    return;
                }
                unwritableSinceNanos = 0;
                if (fromOrdered) {
                    ordered.pollFirst();
                    if (next.replayed) {
                        replayedPending--;
                    }
                } else {
                    Iterator<Pending> it = conflated.values().iterator();
                    it.next();
                    it.remove();
                }
                sent++;
                frame = next.frame;
            }
            socket.send(frame);
        }
    }
}
