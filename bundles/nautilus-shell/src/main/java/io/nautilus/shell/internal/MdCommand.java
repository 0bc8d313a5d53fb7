package io.nautilus.shell.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketSnapshot;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationReason;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:md [instrument]}: last quotes and trades, feed statistics and subscribers of the market data;
 * {@code nautilus:md --bars [--spec 1s] [--count 10] instrument}: the instrument's last completed bars.
 */
@Command(scope = "nautilus", name = "md",
        description = "Shows the market-data engine: last quote and trade per instrument, then per feed the ticks"
                + " accepted, rejected and flagged by reason, then the subscribers with delivered and conflated updates."
                + " With --bars: the last completed bars of one instrument (time, open, high, low, close, volume).")
@Service
public final class MdCommand extends CoreCommand {

    /** The line printed when the market-data engine's services are not registered. */
    static final String MD_NOT_RUNNING = "nautilus: the market-data engine is not running";

    @Reference(optional = true)
    MarketDataService marketData;

    @Reference(optional = true)
    MarketDataAdminService marketDataAdmin;

    @Argument(index = 0, name = "instrument", description = "only this instrument; all instruments when omitted")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Option(name = "--feeds", description = "only the feed statistics")
    boolean feedsOnly;

    @Option(name = "--bars", description = "the instrument's last completed bars instead (the engine keeps 50 per"
            + " instrument and spec)")
    boolean bars;

    @Option(name = "--spec", description = "with --bars: which bar spec, e.g. 1s, 1m, ticks:100, volume:500;"
            + " the first configured one when omitted")
    String spec;

    @Option(name = "--count", description = "with --bars: how many bars, newest last (default 10)")
    int count = 10;

    @Override
    void run(PrintStream out) throws CommandException {
        if (marketData == null || marketDataAdmin == null) {
            throw new CommandException(MD_NOT_RUNNING);
        }
        if (bars) {
            bars(out);
            return;
        }
        if (!feedsOnly) {
            quotes(marketData.snapshot(), out);
            out.println();
        }
        feeds(out);
        if (!feedsOnly) {
            out.println();
            subscriptions(out);
        }
    }

    private void quotes(MarketSnapshot snapshot, PrintStream out) {
        Scales scales = scales();
        TreeSet<String> symbols = new TreeSet<>();
        snapshot.quotes().keySet().forEach(id -> symbols.add(id.value()));
        snapshot.trades().keySet().forEach(id -> symbols.add(id.value()));
        if (instrument != null) {
            symbols.retainAll(java.util.Set.of(instrument));
        }
        ShellTable table = new ShellTable();
        table.column("Instrument");
        table.column("Bid size").alignRight();
        table.column("Bid").alignRight();
        table.column("Ask").alignRight();
        table.column("Ask size").alignRight();
        table.column("Last").alignRight();
        table.column("Size").alignRight();
        table.column("Updated (UTC)");
        for (String symbol : symbols) {
            InstrumentId id = InstrumentId.of(symbol);
            Quote q = snapshot.quotes().get(id);
            Trade t = snapshot.trades().get(id);
            long time = Math.max(q == null ? 0 : q.timestampNanos(), t == null ? 0 : t.timestampNanos());
            table.addRow().addContent(symbol,
                    q == null ? "-" : scales.quantityOrDash(id, q.bidSize()),
                    q == null ? "-" : scales.priceOrDash(id, q.bidPrice()),
                    q == null ? "-" : scales.priceOrDash(id, q.askPrice()),
                    q == null ? "-" : scales.quantityOrDash(id, q.askSize()),
                    t == null ? "-" : scales.priceOrDash(id, t.price()),
                    t == null ? "-" : scales.quantityOrDash(id, t.size()),
                    time == 0 ? "-" : Instant.ofEpochSecond(0, time).toString());
        }
        if (symbols.isEmpty()) {
            out.println(instrument == null ? "no market data yet" : "no market data for " + instrument);
        } else {
            table.print(out);
        }
    }

    private void bars(PrintStream out) {
        if (instrument == null) {
            throw new IllegalArgumentException("--bars needs an instrument, e.g. nautilus:md --bars SIM-BTC");
        }
        if (count < 1) {
            throw new IllegalArgumentException("--count " + count + " must be at least 1");
        }
        BarSpec barSpec = BarSpec.find(marketDataAdmin.barSpecs(), spec);
        List<Bar> last = marketDataAdmin.bars(InstrumentId.of(instrument), barSpec, count);
        String label = barSpec.label();
        if (last.isEmpty()) {
            out.println("no completed " + label + " bars of " + instrument + " yet");
            return;
        }
        out.println(instrument + ", " + label + " bars, last " + last.size() + ":");
        BarTable.table(last, scales()).print(out);
    }

    private void feeds(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Feed");
        table.column("Accepted").alignRight();
        table.column("Rejected").alignRight();
        table.column("Flagged").alignRight();
        table.column("By reason");
        table.column("Last error");
        for (FeedStats feed : marketDataAdmin.feedStats()) {
            table.addRow().addContent(feed.feedId(), feed.accepted(), sum(feed.rejected()), sum(feed.flagged()),
                    reasons(feed), feed.lastError() == null ? "-" : feed.lastError());
        }
        if (marketDataAdmin.feedStats().isEmpty()) {
            out.println("no feed has sent anything yet");
        } else {
            table.print(out);
        }
    }

    private void subscriptions(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Subscriber");
        table.column("Delivered").alignRight();
        table.column("Conflated").alignRight();
        table.column("Queued").alignRight();
        for (SubscriptionStats s : marketDataAdmin.subscriptionStats()) {
            table.addRow().addContent(s.name(), s.delivered(), s.conflated(), s.queued());
        }
        if (marketDataAdmin.subscriptionStats().isEmpty()) {
            out.println("no subscribers");
        } else {
            table.print(out);
        }
    }

    private static long sum(Map<ValidationReason, Long> counts) {
        long total = 0;
        for (long n : counts.values()) {
            total += n;
        }
        return total;
    }

    /** e.g. {@code rejected CROSSED_QUOTE 3, flagged PRICE_JUMP 1}, or {@code -}. */
    static String reasons(FeedStats feed) {
        StringBuilder sb = new StringBuilder();
        for (ValidationReason reason : ValidationReason.values()) {
            if (feed.rejected(reason) > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append("rejected ").append(reason).append(' ')
                        .append(feed.rejected(reason));
            }
            if (feed.flagged(reason) > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append("flagged ").append(reason).append(' ')
                        .append(feed.flagged(reason));
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
