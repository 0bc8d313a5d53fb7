package io.nautilus.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.nautilus.backtest.sweep.SweepWorker;
import io.nautilus.cluster.api.ClusterStatus;
import io.nautilus.cluster.api.MemberStatus;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform node as a Hazelcast member: TCP join to the members named in its settings (no multicast, no
 * auto-detection), Hazelcast's phone-home off, logging through SLF4J, no REST endpoint or Management Center. The
 * node serves sweep tasks other members send it with its own {@link SweepWorker}, at most
 * {@link ClusterSettings#processors()} at once.
 *
 * <p>A member named in the settings that cannot be reached at start is logged (one line naming its address); the
 * node then runs as a cluster of its own and Hazelcast keeps looking for the others (a node that starts later joins
 * it; two clusters that find each other merge).
 */
public final class ClusterNode implements AutoCloseable {

    /** The name of the members' executor that runs sweep tasks. */
    public static final String EXECUTOR = "nautilus-sweep";
    /** The executor that answers status questions, beside the sweep runs that fill {@link #EXECUTOR}. */
    static final String STATUS_EXECUTOR = "nautilus-status";
    static final String ATTR_NAME = "nautilus.member";
    static final String ATTR_PROCESSORS = "nautilus.processors";
    static final String WORKER_KEY = "nautilus.sweep.worker";
    static final String COUNTERS_KEY = "nautilus.sweep.counters";
    static final String NAME_KEY = "nautilus.member";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private final ClusterSettings settings;
    private final HazelcastInstance instance;
    private final List<String> unreachable;

    private ClusterNode(ClusterSettings settings, HazelcastInstance instance, List<String> unreachable) {
        this.settings = settings;
        this.instance = instance;
        this.unreachable = unreachable;
    }

    /**
     * Starts this node's member and waits until it has joined the named members or found them unreachable.
     *
     * @param settings    how to join
     * @param worker      how this node runs the tasks it is sent
     * @param classLoader the loader of the task classes (inside OSGi: the cluster bundle's, which sees the
     *                    backtest bundle's sweep package); Hazelcast's own classes are found through Hazelcast's
     *                    loader after it
     * @return the running node
     * @throws IllegalStateException if Hazelcast cannot start (e.g. no free port from {@code port} on)
     */
    public static ClusterNode start(ClusterSettings settings, SweepWorker worker, ClassLoader classLoader) {
        Config config = config(settings, worker, classLoader);
        HazelcastInstance instance;
        try {
            instance = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cluster '" + settings.clusterName() + "': member " + settings.memberName()
                    + " could not start on " + settings.bindAddress() + ":" + settings.port() + ": " + e, e);
        }
        List<String> missing = unreachable(settings, instance.getCluster().getMembers());
        for (String address : missing) {
            LOG.warn("cluster '{}': member {} named in members is not reachable; {} runs sweeps with the {} "
                            + "member(s) it has and keeps trying to join", settings.clusterName(), address,
                    settings.memberName(), instance.getCluster().getMembers().size());
        }
        Member local = instance.getCluster().getLocalMember();
        LOG.info("cluster '{}': member {} at {}:{}, {} member(s), {} sweep run(s) at once", settings.clusterName(),
                settings.memberName(), local.getAddress().getHost(), local.getAddress().getPort(),
                instance.getCluster().getMembers().size(), settings.processors());
        return new ClusterNode(settings, instance, missing);
    }

    static Config config(ClusterSettings settings, SweepWorker worker, ClassLoader classLoader) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName("nautilus-" + settings.memberName());
        config.setClassLoader(new TaskClassLoader(classLoader, HazelcastInstance.class.getClassLoader()));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.local.localAddress", settings.bindAddress());
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(settings.portCount() > 1)
                .setPortCount(settings.portCount());
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(new ArrayList<>(settings.members()));
        config.getMemberAttributeConfig().setAttribute(ATTR_NAME, settings.memberName());
        config.getMemberAttributeConfig().setAttribute(ATTR_PROCESSORS, Integer.toString(settings.processors()));
        config.getExecutorConfig(EXECUTOR).setPoolSize(settings.processors()).setStatisticsEnabled(false);
        config.getExecutorConfig(STATUS_EXECUTOR).setPoolSize(1).setStatisticsEnabled(false);
        ConcurrentHashMap<String, Object> context = new ConcurrentHashMap<>();
        context.put(WORKER_KEY, worker);
        context.put(COUNTERS_KEY, new NodeCounters());
        context.put(NAME_KEY, settings.memberName());
        config.setUserContext(context);
        return config;
    }

    /** @return the Hazelcast member (for {@link HazelcastSweepExecutor}) */
    public HazelcastInstance instance() {
        return instance;
    }

    /** @return the settings it started with */
    public ClusterSettings settings() {
        return settings;
    }

    /** @return the members named in the settings that were not reachable at start, as {@code host:port} */
    public List<String> unreachableAtStart() {
        return unreachable;
    }

    /**
     * Reads the members and their sweep counts (each member asked, one second at most).
     *
     * @return the status now
     */
    public ClusterStatus status() {
        if (!instance.getLifecycleService().isRunning()) {
            return new ClusterStatus(true, settings.clusterName(), "STOPPED", settings.memberName(), List.of());
        }
        Set<Member> members = instance.getCluster().getMembers();
        IExecutorService executor = instance.getExecutorService(STATUS_EXECUTOR);
        Map<Member, Future<long[]>> asked = executor.submitToMembers(new CountersCall(), members);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        List<MemberStatus> out = new ArrayList<>();
        for (Member member : members) {
            long[] counts = {-1, -1};
            try {
                counts = asked.get(member).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("cluster: member {} did not report its counts: {}", member.getAddress(), e.toString());
            }
            out.add(new MemberStatus(name(member), member.getAddress().getHost() + ":" + member.getAddress().getPort(),
                    member.localMember(), processors(member), counts[0], counts[1]));
        }
        return new ClusterStatus(true, settings.clusterName(), instance.getCluster().getClusterState().name(),
                settings.memberName(), out);
    }

    /** Leaves the cluster: the member shuts down; tasks it was running are redone by the others. */
    @Override
    public void close() {
        instance.shutdown();
    }

    static String name(Member member) {
        String name = member.getAttribute(ATTR_NAME);
        return name == null ? member.getAddress().toString() : name;
    }

    static int processors(Member member) {
        String value = member.getAttribute(ATTR_PROCESSORS);
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static List<String> unreachable(ClusterSettings settings, Set<Member> members) {
        Map<String, String> present = new LinkedHashMap<>();
        for (Member member : members) {
            present.put(ip(member.getAddress().getHost()) + ":" + member.getAddress().getPort(), "");
        }
        List<String> missing = new ArrayList<>();
        for (String entry : settings.members()) {
            int colon = entry.lastIndexOf(':');
            String key = ip(entry.substring(0, colon)) + entry.substring(colon);
            if (!present.containsKey(key)) {
                missing.add(entry);
            }
        }
        return List.copyOf(missing);
    }

    private static String ip(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /**
     * The configuration class loader: the task classes' loader first, then Hazelcast's (inside OSGi the two are
     * different bundles).
     */
    static final class TaskClassLoader extends ClassLoader {
        private final ClassLoader hazelcast;

        TaskClassLoader(ClassLoader tasks, ClassLoader hazelcast) {
            super(tasks);
            this.hazelcast = hazelcast;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return hazelcast.loadClass(name);
        }

        @Override
        protected URL findResource(String name) {
            return hazelcast.getResource(name);
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            Enumeration<URL> found = hazelcast.getResources(name);
            return found == null ? Collections.emptyEnumeration() : found;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            InputStream in = super.getResourceAsStream(name);
            return in != null ? in : hazelcast.getResourceAsStream(name);
        }
    }
}
