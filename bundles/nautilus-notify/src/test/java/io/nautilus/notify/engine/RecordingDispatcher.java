package io.nautilus.notify.engine;

import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.Notification;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the pipeline released. */
final class RecordingDispatcher implements Dispatcher {

    final List<Outgoing> sent = new ArrayList<>();

    @Override
    public void dispatch(Outgoing outgoing) {
        sent.add(outgoing);
    }

    List<Outgoing> take() {
        List<Outgoing> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    /** One line per message: kind receiver keys..., e.g. {@code FIRING email k1,k2}. */
    static List<String> lines(List<Outgoing> messages) {
        List<String> out = new ArrayList<>();
        for (Outgoing o : messages) {
            List<String> keys = new ArrayList<>();
            for (AlertView a : o.alerts()) {
                keys.add(a.key());
            }
            out.add(o.kind() + " " + o.receiver() + " " + String.join(",", keys)
                    + (o.kind() == Notification.Kind.SUMMARY ? " rolledUp=" + o.rolledUp() : ""));
        }
        return out;
    }
}
