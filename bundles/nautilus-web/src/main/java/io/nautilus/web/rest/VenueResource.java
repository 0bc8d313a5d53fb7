package io.nautilus.web.rest;

import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.web.json.Wire;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import org.osgi.service.component.annotations.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/venues}: every venue with a gateway, its session and counters (as {@code nautilus:venues}). */
@Component(service = WebModule.class)
public final class VenueResource implements WebModule {

    static final String NOT_RUNNING = "the venue layer is not running";

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/venues", Role.VIEWER, ctx -> api.service(VenueAdminService.class, NOT_RUNNING).venues().stream()
                .map(VenueResource::json).toList());
    }

    static Map<String, Object> json(VenueStatus status) {
        VenueSessionInfo session = status.session();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("venue", session.venue().value());
        out.put("state", session.state().name());
        out.put("detail", session.detail().isEmpty() ? null : session.detail());
        out.put("nextSenderSeqNum", session.nextSenderSeqNum());
        out.put("nextTargetSeqNum", session.nextTargetSeqNum());
        out.put("lastStateChange", session.lastStateChange() <= 0 ? null
                : Wire.time(Instant.ofEpochMilli(session.lastStateChange())));
        out.put("lastProblem", session.lastProblem().isEmpty() ? null : session.lastProblem());
        out.put("workingOrders", status.workingOrders());
        out.put("commandsSent", status.commandsSent());
        out.put("reportsApplied", status.reportsApplied());
        out.put("reportsRefused", status.reportsRefused());
        out.put("duplicateFills", status.duplicateFills());
        out.put("failures", status.failures());
        out.put("reconciliation", status.reconciliation());
        out.put("failedClosed", status.failedClosed());
        return out;
    }
}
