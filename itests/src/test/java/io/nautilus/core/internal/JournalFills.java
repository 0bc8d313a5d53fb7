package io.nautilus.core.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fills (and execution report keys) a stopped platform's core journal holds, read outside OSGi the way the core's
 * {@link io.nautilus.core.api.JournalHistory} serves them: {@link JournalReplay} runs the journal's commands through a
 * private engine and hands their results over, as the live publish thread does. Test-side only (it lives in the
 * core's package to reach the package-private replay); the journal's files are only read.
 */
public final class JournalFills {

    /**
     * One fill as the history store's {@code fills} table keeps it.
     *
     * @param coreSeq        the journal seq of the command the fill comes from
     * @param execId         the execution report's id
     * @param orderId        the core's order id
     * @param clientOrderId  the client order id (0 if none)
     * @param account        the account
     * @param strategy       the strategy, or null
     * @param instrument     the instrument id
     * @param side           BUY or SELL
     * @param price          the fill price, fixed-point at {@code priceScale}
     * @param quantity       the fill quantity, fixed-point at {@code quantityScale}
     * @param priceScale     the instrument's price decimals, or null if not known
     * @param quantityScale  the instrument's quantity decimals, or null if not known
     * @param liquidity      MAKER, TAKER, ...
     * @param venue          the venue, or null for the internal book
     * @param fillTimeNanos  the fill time, nanoseconds since the epoch
     */
    public record Fill(long coreSeq, long execId, long orderId, long clientOrderId, String account, String strategy,
                       String instrument, String side, long price, long quantity, Integer priceScale,
                       Integer quantityScale, String liquidity, String venue, long fillTimeNanos) {
    }

    /**
     * The journal's fills and where it ends.
     *
     * @param fills   every fill, in journal order
     * @param reports the (core seq, exec id) of every execution report, in journal order
     * @param lastSeq the last seq replayed
     */
    public record Replayed(List<Fill> fills, List<List<Long>> reports, long lastSeq) {
    }

    private JournalFills() {
    }

    /**
     * Replays a whole journal folder (the platform must not be running on it).
     *
     * @param journalDir the core's journal folder ({@code data/nautilus/core})
     * @param moneyScale the core's {@code money.scale}
     * @return the fills of every command in the journal
     * @throws IOException if the journal cannot be read or is corrupt
     */
    public static Replayed read(Path journalDir, int moneyScale) throws IOException {
        List<Fill> fills = new ArrayList<>();
        List<List<Long>> reports = new ArrayList<>();
        Map<String, int[]> scales = new HashMap<>();
        CommandResultListener listener = new CommandResultListener() {
            @Override
            public void onCommandResult(CommandResult result) {
                for (ExecutionReport r : result.reports()) {
                    reports.add(List.of(result.seq(), r.execId()));
                    if (r.isFill()) {
                        int[] s = scales.get(r.instrument().value());
                        fills.add(new Fill(result.seq(), r.execId(), r.orderId(), r.clientOrderId(),
                                r.account().value(), r.strategy() == null ? null : r.strategy().value(),
                                r.instrument().value(), r.side().name(), r.lastPrice(), r.lastQuantity(),
                                s == null ? null : s[0], s == null ? null : s[1], r.liquidity().name(),
                                r.venue() == null ? null : r.venue().value(), r.transactTimeNanos()));
                    }
                }
            }

            @Override
            public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
                scales.put(instrument.id().value(), new int[] {instrument.priceScale(), instrument.quantityScale()});
            }
        };
        long last = new JournalReplay(journalDir, moneyScale, d -> new Instrument(InstrumentId.of(d.symbol()),
                d.symbol(), VenueId.of("SIM"), d.tickSize(), d.lotSize(), d.minQuantity(), d.priceScale(),
                d.quantityScale(), "USD")).replay(0, Long.MAX_VALUE, listener);
        return new Replayed(fills, reports, last);
    }
}
