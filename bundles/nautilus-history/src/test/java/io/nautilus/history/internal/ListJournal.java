package io.nautilus.history.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalGapException;
import io.nautilus.core.api.JournalHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A journal over a list of recorded callbacks, standing in for the core's journal: it records what the core
 * published (as a {@link CommandResultListener}) and replays the recorded seqs it still holds, in order.
 */
final class ListJournal implements JournalHistory, CommandResultListener {

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Map<String, Long> holds = new ConcurrentHashMap<>();
    private final AtomicInteger replays = new AtomicInteger();
    private volatile long firstAvailableSeq = 1;
    private volatile long durableSeq;

    /** Forgets the seqs before {@code seq}, as when segments before the oldest kept snapshot are deleted. */
    void truncateBefore(long seq) {
        firstAvailableSeq = seq;
    }

    int replays() {
        return replays.get();
    }

    Long heldAt(String holder) {
        return holds.get(holder);
    }

    @Override
    public void onCommandResult(CommandResult result) {
        add(result.seq(), l -> l.onCommandResult(result));
    }

    @Override
    public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
        add(seq, l -> l.onInstrumentDefined(seq, timestampNanos, instrument));
    }

    @Override
    public void onAccountDefined(long seq, long timestampNanos, AccountView account, long capital) {
        add(seq, l -> l.onAccountDefined(seq, timestampNanos, account, capital));
    }

    private void add(long seq, Consumer<CommandResultListener> call) {
        entries.add(new Entry(seq, call));
        durableSeq = Math.max(durableSeq, seq);
    }

    @Override
    public long replay(long afterSeq, long toSeq, CommandResultListener listener) throws JournalGapException {
        replays.incrementAndGet();
        if (afterSeq + 1 < firstAvailableSeq) {
            throw new JournalGapException("seqs " + (afterSeq + 1) + " to " + (firstAvailableSeq - 1)
                    + " are no longer in the journal", firstAvailableSeq);
        }
        long end = Math.min(toSeq, durableSeq);
        long last = afterSeq;
        for (Entry e : new ArrayList<>(entries)) {
            if (e.seq() > afterSeq && e.seq() <= end) {
                e.call().accept(listener);
                last = e.seq();
            }
        }
        return Math.max(last, Math.max(afterSeq, end));
    }

    @Override
    public void hold(String holder, long seq) {
        holds.put(holder, seq);
    }

    @Override
    public void release(String holder) {
        holds.remove(holder);
    }

    @Override
    public long durableSeq() {
        return durableSeq;
    }

    private record Entry(long seq, Consumer<CommandResultListener> call) {
    }
}
