package io.nautilus.venues;

import io.nautilus.api.alert.AlertService;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.api.VenueCommand;
import io.nautilus.core.api.VenueExecutionService;
import io.nautilus.core.api.VenueOrderRouter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import java.util.ArrayList;
import java.util.List;

/**
 * The venue layer in OSGi: {@link Venues} as the core's {@link VenueOrderRouter} and the operators'
 * {@link VenueAdminService}, following every {@link VenueGateway} service.
 */
@Component(service = {VenueOrderRouter.class, VenueAdminService.class}, configurationPid = "io.nautilus.venues",
        immediate = true)
@Designate(ocd = VenuesConfig.class)
public final class VenuesComponent implements VenueOrderRouter, VenueAdminService {

    @Reference
    private VenueExecutionService execution;

    @Reference
    private TradingCoreService core;

    private final List<VenueGateway> early = new ArrayList<>();
    private final VenueAlerts alerts = new VenueAlerts();
    private Venues venues;

    /** Creates the component (DS). */
    public VenuesComponent() {
    }

    @Activate
    synchronized void activate(VenuesConfig config) {
        venues = new Venues(execution, core, new Venues.Settings(config.reconcile_timeout_ms(),
                config.fail_closed()), alerts);
        early.forEach(venues::addGateway);
        early.clear();
    }

    @Deactivate
    synchronized void deactivate() {
        venues.close();
        venues = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addGateway(VenueGateway gateway) {
        if (venues == null) {
            early.add(gateway);
        } else {
            venues.addGateway(gateway);
        }
    }

    synchronized void removeGateway(VenueGateway gateway) {
        early.remove(gateway);
        if (venues != null) {
            venues.removeGateway(gateway);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAlertService(AlertService service) {
        alerts.bind(service);
    }

    void unbindAlertService(AlertService service) {
        alerts.unbind(service);
    }

    private Venues layer() {
        Venues current = venues;
        if (current == null) {
            throw new IllegalStateException("the venue layer is not running");
        }
        return current;
    }

    @Override
    public void route(VenueCommand command) {
        layer().route(command);
    }

    @Override
    public List<VenueStatus> venues() {
        return layer().venues();
    }

    @Override
    public String connect(String venue) {
        return layer().connect(venue);
    }

    @Override
    public String disconnect(String venue) {
        return layer().disconnect(venue);
    }

    @Override
    public String reconcile(String venue) {
        return layer().reconcile(venue);
    }
}
