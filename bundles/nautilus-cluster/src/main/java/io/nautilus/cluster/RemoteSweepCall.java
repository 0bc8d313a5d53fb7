package io.nautilus.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.backtest.sweep.SweepWorker;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One sweep task as it travels to a member: the sweep's id and the task (its parameters and base arguments). The
 * member runs it with the {@link SweepWorker} it registered and sends back the outcome, marked with its name.
 */
final class RemoteSweepCall implements Callable<SweepOutcome>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private final String sweepId;
    private final SweepTask task;
    private transient HazelcastInstance instance;

    RemoteSweepCall(String sweepId, SweepTask task) {
        this.sweepId = sweepId;
        this.task = task;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public SweepOutcome call() {
        Map<String, Object> context = instance.getUserContext();
        String node = String.valueOf(context.get(ClusterNode.NAME_KEY));
        if (!(context.get(ClusterNode.WORKER_KEY) instanceof SweepWorker worker)) {
            return new SweepOutcome(task.index(), task.parameters(), Map.of(),
                    "member " + node + " has no backtest service to run sweeps", node);
        }
        NodeCounters counters = (NodeCounters) context.get(ClusterNode.COUNTERS_KEY);
        counters.started();
        try {
            return worker.run(task, sweepId).withNode(node);
        } catch (RuntimeException e) {
            return new SweepOutcome(task.index(), task.parameters(), Map.of(), "run failed on " + node + ": " + e, node);
        } finally {
            counters.finished();
        }
    }
}
