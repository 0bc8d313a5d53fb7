package io.nautilus.web.stream;

/**
 * The hub's view of one client connection: a WebSocket in the server, a fake in tests. Every method may be called
 * from any thread except {@link #writable()} and {@link #send}, which the hub calls only from {@link #execute} tasks.
 */
public interface StreamSocket {

    /** @return false while the connection's outgoing buffer is full; the socket then calls {@link StreamClient#onWritable} once it drains */
    boolean writable();

    /**
     * Writes one text message.
     *
     * @param text a JSON document
     */
    void send(String text);

    /**
     * Closes the connection.
     *
     * @param code   a WebSocket close code, e.g. {@link StreamHub#CLOSE_TOO_SLOW}
     * @param reason one line, at most 123 bytes in UTF-8
     */
    void close(int code, String reason);

    /**
     * Runs a task on the connection's own thread (the Vert.x event loop of the WebSocket), after the tasks before it.
     *
     * @param task what to run
     */
    void execute(Runnable task);
}
