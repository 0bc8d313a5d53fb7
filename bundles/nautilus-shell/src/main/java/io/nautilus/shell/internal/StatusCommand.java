package io.nautilus.shell.internal;

import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@code nautilus:status}: every platform bundle with its state, version and components, then every Camel route.
 */
@Command(scope = "nautilus", name = "status",
        description = "Shows every Nautilus engine bundle (state, version, components) and every Camel route.")
@Service
public final class StatusCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Reference(optional = true)
    ServiceComponentRuntime scr;

    @Reference(optional = true)
    RouteAdminService routeAdmin;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        List<EngineState> engines = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith(EngineState.PLATFORM_PREFIX)) {
                engines.add(new EngineState(name, bundle.getVersion().toString(), stateName(bundle.getState()),
                        components(bundle)));
            }
        }
        PlatformReport report = new PlatformReport(engines, routeAdmin != null);
        out.println(report.headline());
        out.println();

        ShellTable bundles = new ShellTable();
        bundles.column("Engine");
        bundles.column("Bundle");
        bundles.column("Version");
        bundles.column("State");
        bundles.column("Components");
        for (EngineState e : report.engines()) {
            bundles.addRow().addContent(e.engine(), e.symbolicName(), e.version(), e.bundleState(),
                    e.componentSummary());
        }
        bundles.print(out);
        out.println();

        if (routeAdmin == null) {
            out.println("Camel routes: unavailable (the io.nautilus.camel bundle is not active)");
            return null;
        }
        List<RouteInfo> routes = routeAdmin.routes();
        out.println("Camel routes: " + routes.size() + " (route folder " + routeAdmin.routeDirectory() + ")");
        RoutesCommand.routeTable(routes).print(out);
        return null;
    }

    private List<EngineState.ComponentState> components(Bundle bundle) {
        List<EngineState.ComponentState> components = new ArrayList<>();
        if (scr == null) {
            return components;
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                components.add(new EngineState.ComponentState(description.name, "DISABLED", null));
                continue;
            }
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                components.add(new EngineState.ComponentState(description.name, "UNSATISFIED_CONFIGURATION", null));
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                components.add(new EngineState.ComponentState(description.name,
                        componentStateName(configuration.state), configuration.failure));
            }
        }
        return components;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    static String componentStateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
