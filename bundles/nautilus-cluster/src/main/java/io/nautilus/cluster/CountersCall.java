package io.nautilus.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

import java.io.Serializable;
import java.util.concurrent.Callable;

/** Asks a member for its sweep counts: {running, done}. */
final class CountersCall implements Callable<long[]>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private transient HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public long[] call() {
        Object counters = instance.getUserContext().get(ClusterNode.COUNTERS_KEY);
        return counters instanceof NodeCounters c ? c.read() : new long[] {-1, -1};
    }
}
