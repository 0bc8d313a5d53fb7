package io.nautilus.venues;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the venue layer booked in the core for the recent orders of one venue: the filled quantity the core took from
 * it and whether the venue acknowledged the order. A fill that reaches the layer twice (resent after a gap, live after
 * reconciliation booked it, or the other way round) is recognised here by the venue's cumulative quantity and applied
 * once. Bounded: the oldest entries go first, finished orders stay until then so that late duplicates are still
 * recognised. Owned by the venue's thread.
 */
final class VenueOrderLedger {

    /** One order's booking. */
    static final class Entry {
        /** Filled quantity the core holds for the order (at the quantity scale). */
        long booked;
        /** Whether the venue acknowledged the order (an ack, a fill or a replace came from it). */
        boolean acked;

        Entry(long booked, boolean acked) {
            this.booked = booked;
            this.acked = acked;
        }
    }

    private final Map<Long, Entry> entries;

    /**
     * Creates an empty ledger.
     *
     * @param limit the most orders remembered, at least 1
     */
    VenueOrderLedger(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("ledger limit " + limit + " must be at least 1");
        }
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > limit;
            }
        };
    }

    /**
     * @param orderId the core's order id
     * @return the order's entry, or null if the ledger does not remember it
     */
    Entry get(long orderId) {
        return entries.get(orderId);
    }

    /**
     * Starts (or restarts) an order's entry.
     *
     * @param orderId the core's order id
     * @param booked  filled quantity the core holds
     * @param acked   whether the venue is known to have acknowledged it
     * @return the entry
     */
    Entry put(long orderId, long booked, boolean acked) {
        Entry entry = new Entry(booked, acked);
        entries.put(orderId, entry);
        return entry;
    }

    /** @return orders remembered */
    int size() {
        return entries.size();
    }
}
