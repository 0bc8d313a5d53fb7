package io.nautilus.shell.internal;

import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.api.SilenceView;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes what {@code nautilus:alerts} takes after its action: the open incidents ({@code A12}), the active
 * silences ({@code S3}) and the receivers; nothing while the notification engine is not running.
 */
@Service
public final class AlertIdCompleter implements Completer {

    @Reference(optional = true)
    NotificationService notifications;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        NotificationService service = notifications;
        if (service != null) {
            for (AlertView alert : service.alerts(false, AlertsCommand.DEFAULT_LIMIT)) {
                delegate.getStrings().add(alert.displayId());
            }
            for (SilenceView silence : service.silences()) {
                if (silence.active()) {
                    delegate.getStrings().add(silence.id());
                }
            }
            for (ReceiverView receiver : service.receivers()) {
                delegate.getStrings().add(receiver.name());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
