package io.nautilus.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import io.nautilus.backtest.sweep.SweepExecutor;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.backtest.sweep.SweepWorker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's tasks over the members of a Hazelcast cluster: each member gets at most as many tasks at once as
 * it has processors ({@link ClusterNode#processors}), runs them with its own {@link SweepWorker} (its own data
 * and strategy bundles: only the parameters and the outcomes travel), and the outcomes are handed to the sink on
 * the calling thread, in completion order.
 *
 * <p>A member that leaves during the sweep (stopped, killed, cut off) has its unfinished tasks sent again to the
 * members that remain; every task's outcome reaches the sink exactly once (by index, a late answer of a task
 * already reported is dropped). If the cluster has only this node, the tasks run here. Usable outside OSGi: give it
 * a member started by {@link ClusterNode#start}.
 */
public final class HazelcastSweepExecutor implements SweepExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastSweepExecutor.class);
    private static final long POLL_MILLIS = 100;

    private final HazelcastInstance instance;
    private final AtomicLong resent = new AtomicLong();

    /**
     * @param instance a member started by {@link ClusterNode#start} (it carries this node's {@link SweepWorker}); it is not
     *                 shut down by {@link #close()}
     */
    public HazelcastSweepExecutor(HazelcastInstance instance) {
        this.instance = instance;
    }

    /**
     * Runs every task once on some member and reports its outcome; returns when all are reported or, soon after
     * {@code cancelled} turns true, with the running tasks canceled (those not reported are dropped).
     *
     * @param tasks     the tasks, distinct indexes
     * @param sink      receives each outcome once, on the calling thread
     * @param cancelled polled between outcomes
     * @throws InterruptedException if the calling thread is interrupted (the running tasks are canceled)
     */
    @Override
    public void execute(List<SweepTask> tasks, Consumer<SweepOutcome> sink, BooleanSupplier cancelled)
            throws InterruptedException {
        new Run(tasks, sink, cancelled).run();
    }

    /** @return how many tasks were sent again because their member left, since this executor was made */
    public long resent() {
        return resent.get();
    }

    /** Nothing to release: the member belongs to whoever started it. */
    @Override
    public void close() {
    }

    private record Answer(Member member, int index, SweepOutcome outcome, Throwable failure) {
    }

    private final class Run {
        final String sweepId = "sweep-" + UUID.randomUUID();
        final Deque<SweepTask> pending;
        final Map<Integer, SweepTask> byIndex = new HashMap<>();
        final Map<Integer, Member> runningOn = new HashMap<>();
        final Map<Integer, Future<SweepOutcome>> futures = new HashMap<>();
        final Map<Member, Integer> load = new HashMap<>();
        final Set<Integer> reported = new HashSet<>();
        final LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        final Consumer<SweepOutcome> sink;
        final BooleanSupplier cancelled;
        final IExecutorService executor = instance.getExecutorService(ClusterNode.EXECUTOR);

        Run(List<SweepTask> tasks, Consumer<SweepOutcome> sink, BooleanSupplier cancelled) {
            this.pending = new ArrayDeque<>(tasks);
            for (SweepTask task : tasks) {
                if (byIndex.put(task.index(), task) != null) {
                    throw new IllegalArgumentException("sweep: two tasks with index " + task.index());
                }
            }
            this.sink = sink;
            this.cancelled = cancelled;
        }

        void run() throws InterruptedException {
            LOG.info("sweep {}: {} runs over {} member(s)", sweepId, byIndex.size(),
                    instance.getCluster().getMembers().size());
            try {
                while (reported.size() < byIndex.size()) {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    Set<Member> members = instance.getCluster().getMembers();
                    takeBackFromGone(members);
                    submit(members);
                    Answer answer = answers.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    while (answer != null) {
                        handle(answer);
                        answer = answers.poll();
                    }
                }
            } finally {
                for (Future<SweepOutcome> future : futures.values()) {
                    future.cancel(true);
                }
            }
        }

        private void submit(Set<Member> members) {
            boolean placed = true;
            while (!pending.isEmpty() && placed) {
                placed = false;
                for (Member member : members) {
                    if (pending.isEmpty()) {
                        break;
                    }
                    if (load.getOrDefault(member, 0) < ClusterNode.processors(member)) {
                        send(pending.pollFirst(), member);
                        placed = true;
                    }
                }
            }
        }

        private void send(SweepTask task, Member member) {
            int index = task.index();
            runningOn.put(index, member);
            load.merge(member, 1, Integer::sum);
            Future<SweepOutcome> future = executor.submitToMember(new RemoteSweepCall(sweepId, task), member);
            futures.put(index, future);
            ((CompletionStage<?>) future).whenComplete((outcome, failure) ->
                    answers.add(new Answer(member, index, (SweepOutcome) outcome, failure)));
        }

        private void handle(Answer answer) {
            int index = answer.index();
            if (reported.contains(index)) {
                return;
            }
            boolean current = answer.member().equals(runningOn.get(index));
            if (current) {
                release(index);
            }
            if (answer.failure() == null) {
                report(answer.outcome());
            } else if (current && memberGone(answer.failure())) {
                LOG.info("sweep {}: task {} lost with member {} ({}); sent to another member", sweepId, index,
                        ClusterNode.name(answer.member()), rootMessage(answer.failure()));
                resent.incrementAndGet();
                pending.addFirst(byIndex.get(index));
            } else if (current) {
                SweepTask task = byIndex.get(index);
                report(new SweepOutcome(index, task.parameters(), Map.of(),
                        "run failed on " + ClusterNode.name(answer.member()) + ": " + rootMessage(answer.failure()),
                        ClusterNode.name(answer.member())));
            }
        }

        private void takeBackFromGone(Set<Member> members) {
            List<Integer> lost = new ArrayList<>();
            for (Map.Entry<Integer, Member> e : runningOn.entrySet()) {
                if (!members.contains(e.getValue())) {
                    lost.add(e.getKey());
                }
            }
            for (int index : lost) {
                LOG.info("sweep {}: member {} left; its task {} is sent to another member", sweepId,
                        ClusterNode.name(runningOn.get(index)), index);
                release(index);
                resent.incrementAndGet();
                pending.addFirst(byIndex.get(index));
            }
        }

        private void release(int index) {
            Member member = runningOn.remove(index);
            futures.remove(index);
            if (member != null) {
                load.merge(member, -1, Integer::sum);
            }
        }

        private void report(SweepOutcome outcome) {
            if (reported.add(outcome.index())) {
                pending.removeIf(t -> t.index() == outcome.index());
                if (runningOn.containsKey(outcome.index())) {
                    Future<SweepOutcome> other = futures.get(outcome.index());
                    release(outcome.index());
                    if (other != null) {
                        other.cancel(true);
                    }
                }
                sink.accept(outcome);
            }
        }
    }

    static boolean memberGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetryableException || t instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
