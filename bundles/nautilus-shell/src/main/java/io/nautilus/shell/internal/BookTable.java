package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.BookView.Level;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** One instrument's book as {@code nautilus:book} prints it: bids and asks side by side, best first. */
final class BookTable {

    private BookTable() {
    }

    /**
     * The rows of the book: row {@code n} holds the {@code n}-th bid and the {@code n}-th ask, blank where one
     * side has fewer levels.
     *
     * @param book       the book
     * @param instrument its definition, for the scales
     * @return per row: bid orders, bid quantity, bid price, ask price, ask quantity, ask orders
     */
    static List<List<String>> rows(BookView book, Instrument instrument) {
        List<List<String>> rows = new ArrayList<>();
        int depth = Math.max(book.bids().size(), book.asks().size());
        for (int i = 0; i < depth; i++) {
            List<String> row = new ArrayList<>(6);
            if (i < book.bids().size()) {
                Level bid = book.bids().get(i);
                row.add(Integer.toString(bid.orders()));
                row.add(instrument.formatQuantity(bid.quantity()));
                row.add(instrument.formatPrice(bid.price()));
            } else {
                row.add("");
                row.add("");
                row.add("");
            }
            if (i < book.asks().size()) {
                Level ask = book.asks().get(i);
                row.add(instrument.formatPrice(ask.price()));
                row.add(instrument.formatQuantity(ask.quantity()));
                row.add(Integer.toString(ask.orders()));
            } else {
                row.add("");
                row.add("");
                row.add("");
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * @param book       the book
     * @param instrument its definition, for the scales
     * @return the table
     */
    static ShellTable table(BookView book, Instrument instrument) {
        ShellTable table = new ShellTable();
        table.column("Orders").alignRight();
        table.column("Bid qty").alignRight();
        table.column("Bid").alignRight();
        table.column("Ask").alignRight();
        table.column("Ask qty").alignRight();
        table.column("Orders").alignRight();
        table.emptyTableText("the book is empty");
        for (List<String> row : rows(book, instrument)) {
            table.addRow().addContent(row.toArray());
        }
        return table;
    }

    /**
     * @param book       the book
     * @param instrument its definition, for the scales
     * @return e.g. {@code Last trade: 2.500 @ 101.25}, or {@code Last trade: none}
     */
    static String lastTrade(BookView book, Instrument instrument) {
        if (book.lastTradePrice() == 0) {
            return "Last trade: none";
        }
        if (book.lastTradeQuantity() == 0) {
            return "Last trade: " + instrument.formatPrice(book.lastTradePrice());
        }
        return "Last trade: " + instrument.formatQuantity(book.lastTradeQuantity()) + " @ "
                + instrument.formatPrice(book.lastTradePrice());
    }
}
