package io.nautilus.web.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A connection without a server: tasks wait until {@link #runTasks}, as on an event loop. */
final class FakeSocket implements StreamSocket {

    final List<String> received = new ArrayList<>();
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    boolean writable = true;
    int closeCode;
    String closeReason;

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public void send(String text) {
        received.add(text);
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    void runTasks() {
        Runnable task;
        while ((task = poll()) != null) {
            task.run();
        }
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }
}
