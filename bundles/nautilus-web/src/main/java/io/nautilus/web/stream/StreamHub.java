package io.nautilus.web.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The streams of {@code /api/v1/stream}, independent of any server: the platform {@link #publish}es values to
 * topics, clients ({@link #open}) subscribe and get {@code {"topic","seq","data"}} frames through their own bounded
 * queues.
 *
 * <p>Topics: {@code executions}, {@code alerts} and {@code bars:<instrument>} are never dropped: every frame is kept
 * in order, the last {@link StreamSettings#replay} of them replayable with {@code from}, and a client that lets
 * {@link StreamSettings#maxPending} pile up is closed with {@link #CLOSE_TOO_SLOW}. {@code positions}, {@code pnl},
 * {@code quotes:<instrument>} and {@code backtests} are conflated: a slow client gets the latest value per key, and
 * a new subscriber gets the latest value of every key at once. A client whose connection stays unwritable for
 * {@link StreamSettings#stallMillis} is closed with {@link #CLOSE_TOO_SLOW} too ({@link #sweep}). Seqs count per
 * topic from 1 for the hub's lifetime.
 *
 * <p>{@link #publish} may be called from any thread and never blocks on a client: it serialises the value once and
 * hands the frame to each subscriber's queue.
 */
public final class StreamHub {

    /** Close code for a client too slow for too long (the frames it missed can be resumed with {@code from}). */
    public static final int CLOSE_TOO_SLOW = 4008;
    /** Close code when the hub has {@link StreamSettings#maxClients} connections already (try again later). */
    public static final int CLOSE_FULL = 1013;
    /** Execution reports, never dropped. */
    public static final String EXECUTIONS = "executions";
    /** Positions by account and instrument, conflated. */
    public static final String POSITIONS = "positions";
    /** P&amp;L totals by account, conflated. */
    public static final String PNL = "pnl";
    /** Alert notifications, never dropped. */
    public static final String ALERTS = "alerts";
    /** Backtest and sweep progress by run id, conflated. */
    public static final String BACKTESTS = "backtests";
    /** Prefix of an instrument's quotes topic, conflated. */
    public static final String QUOTES_PREFIX = "quotes:";
    /** Prefix of an instrument's bars topic, never dropped. */
    public static final String BARS_PREFIX = "bars:";

    private static final int MAX_REQUEST_CHARS = 1024;

    private final StreamSettings settings;
    private final ObjectMapper json;
    private final LongSupplier nanoClock;
    private final Predicate<String> instrumentKnown;
    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong tooSlow = new AtomicLong();
    private volatile Consumer<String> subscribeListener;

    /**
     * Creates a hub.
     *
     * @param settings        the limits
     * @param json            writes the frames' data
     * @param nanoClock       monotonic nanoseconds ({@code System::nanoTime}), for the stall limit
     * @param instrumentKnown whether an instrument id may be subscribed to ({@code quotes:<id>}, {@code bars:<id>})
     */
    public StreamHub(StreamSettings settings, ObjectMapper json, LongSupplier nanoClock,
                     Predicate<String> instrumentKnown) {
        this.settings = settings;
        this.json = json;
        this.nanoClock = nanoClock;
        this.instrumentKnown = instrumentKnown;
    }

    /**
     * Accepts a connection.
     *
     * @param socket the connection
     * @return its client, whose {@code on*} methods the socket calls; null when the hub is full (the socket is then
     *         closed with {@link #CLOSE_FULL})
     */
    public StreamClient open(StreamSocket socket) {
        StreamClient client = new StreamClient(this, socket, settings.maxPending());
        if (clients.size() >= settings.maxClients()) {
            socket.execute(() -> socket.close(CLOSE_FULL, "too many stream connections ("
                    + settings.maxClients() + "); try again later"));
            return null;
        }
        clients.add(client);
        return client;
    }

    /**
     * Publishes a value.
     *
     * @param topic a topic name, e.g. {@code quotes:SIM-ACME}
     * @param key   the value's key in a conflated topic (e.g. {@code ACC1/SIM-ACME} for positions); ignored otherwise
     * @param data  what clients get as {@code data} (a record or map, written with the hub's JSON mapper)
     * @return the value's seq in its topic
     */
    public long publish(String topic, String key, Object data) {
        Topic t = topics.computeIfAbsent(topic, name -> new Topic(name, settings.replay()));
        synchronized (t) {
            long seq = ++t.seq;
            if (!t.reliable && t.subscribers.isEmpty()) {
                t.latest.put(key, new Topic.Latest(seq, data, null));
                return seq;
            }
            String frame = frame(t, seq, data);
            if (t.reliable) {
                t.replay.add(seq, frame);
            } else {
                t.latest.put(key, new Topic.Latest(seq, data, frame));
            }
            for (int i = 0; i < t.subscribers.size(); i++) {
                t.subscribers.get(i).offer(t.name, key, frame, t.reliable);
            }
            return seq;
        }
    }

    /**
     * Drops a conflated topic's latest value of a key that no longer exists (a closed position, a backtest run no
     * longer listed): new subscribers stop getting it, and the hub keeps no value per key ever seen.
     *
     * @param topic a conflated topic
     * @param key   the key
     */
    public void forget(String topic, String key) {
        Topic t = topics.get(topic);
        if (t == null || t.reliable) {
            return;
        }
        synchronized (t) {
            t.latest.remove(key);
        }
    }

    /**
     * Says that {@code count} values of a never-dropped topic could not be published (the platform produced them
     * faster than the hub took them): the topic's seq moves past them, its replay buffer is emptied (a resume from
     * before them gets a {@code gap}), and its subscribers are closed with {@link #CLOSE_TOO_SLOW} and the reason,
     * so no client believes it saw everything.
     *
     * @param topic  a never-dropped topic
     * @param count  values lost
     * @param reason one line for the subscribers' close frame
     */
    public void lost(String topic, long count, String reason) {
        Topic t = topics.computeIfAbsent(topic, name -> new Topic(name, settings.replay()));
        List<StreamClient> closing;
        synchronized (t) {
            t.seq += count;
            if (t.reliable) {
                t.replay.clear();
            }
            closing = List.copyOf(t.subscribers);
        }
        for (StreamClient client : closing) {
            client.close(CLOSE_TOO_SLOW, reason);
        }
    }

    /**
     * Calls {@code listener} with the topic's name after each successful subscribe (on the client's thread), e.g. to
     * refresh a conflated topic's values for the newcomer.
     *
     * @param listener gets topic names; null for none
     */
    public void onSubscribe(Consumer<String> listener) {
        subscribeListener = listener;
    }

    /** Closes every client that has been unwritable for longer than {@link StreamSettings#stallMillis}; call it periodically. */
    public void sweep() {
        long now = nanoClock.getAsLong();
        long stallNanos = TimeUnit.MILLISECONDS.toNanos(settings.stallMillis());
        for (StreamClient client : clients) {
            client.checkStall(now, stallNanos, settings.stallMillis());
        }
    }

    /**
     * Closes every client (the server is stopping).
     *
     * @param code   the close code, e.g. 1001 (going away)
     * @param reason one line
     */
    public void closeAll(int code, String reason) {
        for (StreamClient client : clients) {
            client.close(code, reason);
        }
    }

    /** @return connected clients */
    public int clients() {
        return clients.size();
    }

    /** @return frames and replies waiting in all clients' queues */
    public long pending() {
        long n = 0;
        for (StreamClient client : clients) {
            n += client.pending();
        }
        return n;
    }

    /** @return clients closed with {@link #CLOSE_TOO_SLOW} so far */
    public long tooSlowClosed() {
        return tooSlow.get();
    }

    /**
     * @param topic a topic name
     * @return subscribers of the topic
     */
    public int subscribers(String topic) {
        Topic t = topics.get(topic);
        if (t == null) {
            return 0;
        }
        synchronized (t) {
            return t.subscribers.size();
        }
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }

    void countTooSlow() {
        tooSlow.incrementAndGet();
    }

    void remove(StreamClient client) {
        if (!clients.remove(client)) {
            return;
        }
        for (String name : client.topics) {
            Topic t = topics.get(name);
            if (t != null) {
                synchronized (t) {
                    t.subscribers.remove(client);
                }
            }
        }
    }

    void request(StreamClient client, String text) {
        if (client.closed()) {
            return;
        }
        if (text.length() > MAX_REQUEST_CHARS) {
            error(client, "request of " + text.length() + " characters is longer than " + MAX_REQUEST_CHARS);
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (JsonProcessingException e) {
            error(client, "request is not JSON: " + e.getOriginalMessage());
            return;
        }
        if (request == null || !request.isObject()) {
            error(client, "request must be a JSON object {\"op\",\"topic\"}");
            return;
        }
        JsonNode op = request.get("op");
        JsonNode topic = request.get("topic");
        if (op == null || !op.isTextual()) {
            error(client, "request needs \"op\": subscribe or unsubscribe");
            return;
        }
        if (topic == null || !topic.isTextual()) {
            error(client, "request needs \"topic\": executions, positions, pnl, quotes:<instrument>,"
                    + " bars:<instrument>, alerts or backtests");
            return;
        }
        switch (op.asText()) {
            case "subscribe" -> subscribe(client, topic.asText(), request.get("from"));
            case "unsubscribe" -> unsubscribe(client, topic.asText());
            default -> error(client, "unknown op '" + op.asText() + "': subscribe or unsubscribe");
        }
    }

    private void subscribe(StreamClient client, String name, JsonNode fromNode) {
        String problem = checkTopic(name);
        if (problem != null) {
            error(client, problem);
            return;
        }
        long from = -1;
        if (fromNode != null && !fromNode.isNull()) {
            if (!fromNode.canConvertToLong() || !fromNode.isIntegralNumber() || fromNode.asLong() < 0) {
                error(client, "from '" + fromNode + "' must be the last seq seen, an integer 0 or more");
                return;
            }
            from = fromNode.asLong();
        }
        if (client.topics.contains(name)) {
            error(client, "already subscribed to " + name);
            return;
        }
        if (client.topics.size() >= settings.maxTopics()) {
            error(client, "already subscribed to " + settings.maxTopics() + " topics, the most a connection may");
            return;
        }
        client.topics.add(name);
        Topic t = topics.computeIfAbsent(name, n -> new Topic(n, settings.replay()));
        synchronized (t) {
            ObjectNode reply = json.createObjectNode().put("op", "subscribed").put("topic", name).put("seq", t.seq);
            client.reply(name, reply.toString(), false);
            if (t.reliable) {
                if (from >= 0) {
                    replay(client, t, from);
                }
            } else {
                for (var e : t.latest.entrySet()) {
                    Topic.Latest latest = e.getValue();
                    if (latest.frame == null) {
                        latest.frame = frame(t, latest.seq, latest.data);
                    }
                    client.offer(t.name, e.getKey(), latest.frame, false);
                }
            }
            t.subscribers.add(client);
        }
        Consumer<String> listener = subscribeListener;
        if (listener != null) {
            listener.accept(name);
        }
    }

    private void replay(StreamClient client, Topic t, long from) {
        long oldest = t.replay.size() == 0 ? t.seq + 1 : t.replay.oldestSeq();
        long after = from;
        if (from > t.seq) {
            after = 0;
        }
        if (after + 1 < oldest) {
            ObjectNode gap = json.createObjectNode().put("op", "gap").put("topic", t.name).put("from", from)
                    .put("oldest", oldest);
            client.reply(t.name, gap.toString(), true);
        }
        t.replay.forEachAfter(after, (seq, frame) -> client.reply(t.name, frame, true));
    }

    private void unsubscribe(StreamClient client, String name) {
        if (!client.topics.remove(name)) {
            error(client, "not subscribed to " + name);
            return;
        }
        Topic t = topics.get(name);
        if (t != null) {
            synchronized (t) {
                t.subscribers.remove(client);
            }
        }
        client.purge(name);
        client.reply(name, json.createObjectNode().put("op", "unsubscribed").put("topic", name).toString(), false);
    }

    private String checkTopic(String name) {
        switch (name) {
            case EXECUTIONS, POSITIONS, PNL, ALERTS, BACKTESTS -> {
                return null;
            }
            default -> {
                String instrument = name.startsWith(QUOTES_PREFIX) ? name.substring(QUOTES_PREFIX.length())
                        : name.startsWith(BARS_PREFIX) ? name.substring(BARS_PREFIX.length()) : null;
                if (instrument == null) {
                    return "unknown topic '" + name + "': executions, positions, pnl, quotes:<instrument>,"
                            + " bars:<instrument>, alerts or backtests";
                }
                if (!instrumentKnown.test(instrument)) {
                    return "unknown instrument '" + instrument + "' in topic " + name;
                }
                return null;
            }
        }
    }

    void error(StreamClient client, String detail) {
        client.reply(null, json.createObjectNode().put("op", "error").put("detail", detail).toString(), false);
    }

    private String frame(Topic t, long seq, Object data) {
        if (t.framePrefix == null) {
            try {
                t.framePrefix = "{\"topic\":" + json.writeValueAsString(t.name) + ",\"seq\":";
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write topic " + t.name + " as JSON", e);
            }
        }
        try {
            return t.framePrefix + seq + ",\"data\":" + json.writeValueAsString(data) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + t.name + " data " + data + " as JSON", e);
        }
    }
}
