package io.nautilus.cluster.internal;

import io.nautilus.backtest.sweep.SweepExecutor;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.backtest.sweep.SweepWorker;
import io.nautilus.cluster.ClusterNode;
import io.nautilus.cluster.ClusterSettings;
import io.nautilus.cluster.HazelcastSweepExecutor;
import io.nautilus.cluster.api.ClusterAdminService;
import io.nautilus.cluster.api.ClusterStatus;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's cluster member, configured by {@code etc/io.nautilus.cluster.cfg}. When enabled it starts a Hazelcast
 * member ({@link ClusterNode}) that serves sweep runs with this node's {@link SweepWorker} (the backtest service's:
 * its data folder, its strategy bundles), and registers a {@link SweepExecutor} with
 * {@code sweep.executor=cluster} that spreads a sweep over the members. Off, or with a bad setting (one ERROR line
 * naming it), it registers no executor: sweeps run on this node's cores.
 */
@Component(service = ClusterAdminService.class, configurationPid = "io.nautilus.cluster", immediate = true)
@Designate(ocd = ClusterConfig.class)
public final class ClusterManager implements ClusterAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterManager.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SweepWorker worker;

    private volatile ClusterNode node;
    private volatile String failure;
    private ServiceRegistration<SweepExecutor> registration;

    /** Creates the component (DS). */
    public ClusterManager() {
    }

    @Activate
    void activate(ClusterConfig config, BundleContext context) {
        if (!config.enabled()) {
            LOG.info("cluster: off (enabled = false in etc/io.nautilus.cluster.cfg); sweeps run on this node only");
            return;
        }
        ClusterSettings settings;
        try {
            settings = new ClusterSettings(config.cluster_name(), memberName(config.member_name()),
                    config.bind_address(), config.port(), config.port_count(),
                    ClusterSettings.parseMembers(config.members()),
                    config.processors() > 0 ? config.processors() : Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            failure = "etc/io.nautilus.cluster.cfg: " + e.getMessage();
            LOG.error("cluster: not started: {}", failure);
            return;
        }
        try {
            node = ClusterNode.start(settings, this::runHere, ClusterManager.class.getClassLoader());
        } catch (IllegalStateException e) {
            failure = e.getMessage();
            LOG.error("cluster: not started: {}", failure);
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SweepExecutor.PROPERTY, "cluster");
        registration = context.registerService(SweepExecutor.class, new HazelcastSweepExecutor(node.instance()),
                properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        ClusterNode stopping = node;
        node = null;
        if (stopping != null) {
            stopping.close();
            LOG.info("cluster: member {} left cluster '{}'", stopping.settings().memberName(),
                    stopping.settings().clusterName());
        }
    }

    @Override
    public ClusterStatus status() {
        ClusterNode running = node;
        if (running != null) {
            return running.status();
        }
        String why = failure;
        return why == null ? ClusterStatus.off() : new ClusterStatus(true, "", "FAILED: " + why, "", List.of());
    }

    private SweepOutcome runHere(SweepTask task, String sweep) {
        SweepWorker current = worker;
        if (current == null) {
            return new SweepOutcome(task.index(), task.parameters(), Map.of(),
                    "the backtest service is not running on this node", "?");
        }
        return current.run(task, sweep);
    }

    private static String memberName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
