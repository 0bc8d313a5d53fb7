package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.PositionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * P&amp;L per account as {@code nautilus:pnl} prints it. The core sums an account's money in the price-scale
 * units of each of its instruments, so the totals are formatted at the price scale and currency the account's
 * instruments share; when they do not share a scale the totals are shown in raw units.
 */
final class PnlTable {

    /** The currency cell of an account whose instruments have different price scales. */
    static final String RAW = "raw units";

    private PnlTable() {
    }

    /**
     * One account's cells, in the table's column order.
     *
     * @param pnl       the account's totals
     * @param positions the positions of (at least) that account, which name its instruments
     * @param scales    the instruments' scales
     * @return account, currency, realised, unrealised, fees, net, gross exposure, open positions, working orders
     */
    static List<String> row(AccountPnl pnl, List<PositionView> positions, Scales scales) {
        TreeSet<Integer> priceScales = new TreeSet<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (PositionView position : positions) {
            if (position.account().equals(pnl.account())) {
                Optional<Instrument> definition = scales.definition(position.instrument());
                definition.ifPresent(i -> {
                    priceScales.add(i.priceScale());
                    currencies.add(i.currency());
                });
            }
        }
        int scale = priceScales.size() == 1 ? priceScales.first() : 0;
        String currency = priceScales.size() > 1 ? RAW
                : currencies.size() == 1 ? currencies.first()
                : currencies.isEmpty() ? "-" : "mixed";
        List<String> row = new ArrayList<>(9);
        row.add(pnl.account().value());
        row.add(currency);
        row.add(Decimals.format(pnl.realisedPnl(), scale));
        row.add(Decimals.format(pnl.unrealisedPnl(), scale));
        row.add(Decimals.format(pnl.fees(), scale));
        row.add(Decimals.format(pnl.netPnl(), scale));
        row.add(Decimals.format(pnl.grossExposure(), scale));
        row.add(Integer.toString(pnl.openPositions()));
        row.add(Integer.toString(pnl.workingOrders()));
        return row;
    }

    /**
     * @param pnl       the accounts' totals
     * @param positions the positions of those accounts
     * @param scales    the instruments' scales
     * @return one row per account, as {@link #row} builds it
     */
    static List<List<String>> rows(List<AccountPnl> pnl, List<PositionView> positions, Scales scales) {
        List<List<String>> rows = new ArrayList<>();
        for (AccountPnl account : pnl) {
            rows.add(row(account, positions, scales));
        }
        return rows;
    }

    /**
     * @param rows the rows {@link #rows} built
     * @return whether any account's totals are in raw units
     */
    static boolean anyRaw(List<List<String>> rows) {
        for (List<String> row : rows) {
            if (RAW.equals(row.get(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param rows the rows {@link #rows} built
     * @return the table
     */
    static ShellTable table(List<List<String>> rows) {
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Ccy");
        table.column("Realised").alignRight();
        table.column("Unrealised").alignRight();
        table.column("Fees").alignRight();
        table.column("Net P&L").alignRight();
        table.column("Gross exposure").alignRight();
        table.column("Positions").alignRight();
        table.column("Working").alignRight();
        table.emptyTableText("no accounts");
        for (List<String> row : rows) {
            table.addRow().addContent(row.toArray());
        }
        return table;
    }
}
