package io.nautilus.history.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;

import java.time.Instant;

/**
 * A history filter: every given criterion must match. Start from {@link #all()} and narrow it with the
 * {@code with...} methods.
 *
 * @param account    only this account, or {@code null} for every account
 * @param instrument only this instrument, or {@code null} for every instrument
 * @param from       only events at or after this UTC instant (inclusive), or {@code null} for no lower bound
 * @param to         only events before this UTC instant (exclusive), or {@code null} for no upper bound
 * @param limit      at most this many results, from 1 to {@value #MAX_LIMIT}
 */
public record HistoryQuery(AccountId account, InstrumentId instrument, Instant from, Instant to, int limit) {

    /** The limit of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 100;

    /** The largest limit a query may ask for. */
    public static final int MAX_LIMIT = 1_000_000;

    /**
     * Validates the filter.
     *
     * @throws IllegalArgumentException if the limit is out of range or {@code from} is after {@code to}; the message
     *                                  names the value
     */
    public HistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of range; it must be 1 to " + MAX_LIMIT);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /**
     * The filter that matches everything, up to {@value #DEFAULT_LIMIT} results.
     *
     * @return a filter on no account, instrument or time, with limit {@value #DEFAULT_LIMIT}
     */
    public static HistoryQuery all() {
        return new HistoryQuery(null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * This filter narrowed to one account.
     *
     * @param value the account, or {@code null} for every account
     * @return a new filter
     */
    public HistoryQuery withAccount(AccountId value) {
        return new HistoryQuery(value, instrument, from, to, limit);
    }

    /**
     * This filter narrowed to one instrument.
     *
     * @param value the instrument, or {@code null} for every instrument
     * @return a new filter
     */
    public HistoryQuery withInstrument(InstrumentId value) {
        return new HistoryQuery(account, value, from, to, limit);
    }

    /**
     * This filter with a time range.
     *
     * @param fromInclusive the earliest UTC instant, or {@code null} for no lower bound
     * @param toExclusive   the UTC instant the range ends before, or {@code null} for no upper bound
     * @return a new filter
     * @throws IllegalArgumentException if {@code fromInclusive} is after {@code toExclusive}
     */
    public HistoryQuery withRange(Instant fromInclusive, Instant toExclusive) {
        return new HistoryQuery(account, instrument, fromInclusive, toExclusive, limit);
    }

    /**
     * This filter with another limit.
     *
     * @param value at most this many results, from 1 to {@value #MAX_LIMIT}
     * @return a new filter
     * @throws IllegalArgumentException if the limit is out of range
     */
    public HistoryQuery withLimit(int value) {
        return new HistoryQuery(account, instrument, from, to, value);
    }
}
