package io.nautilus.shell.internal;

import io.nautilus.core.api.PositionView;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** Positions as {@code nautilus:positions} prints them; money at each instrument's price scale. */
final class PositionTable {

    private PositionTable() {
    }

    /**
     * One position's cells, in the table's column order.
     *
     * @param position the position
     * @param scales   its instrument's scales
     * @return account, instrument, signed position, average price, mark, realised, unrealised, fees, net P&amp;L,
     *         bought and sold
     */
    static List<String> row(PositionView position, Scales scales) {
        var instrument = position.instrument();
        return List.of(
                position.account().value(),
                instrument.value(),
                scales.quantity(instrument, position.quantity()),
                scales.priceOrDash(instrument, position.averagePrice()),
                scales.priceOrDash(instrument, position.markPrice()),
                scales.price(instrument, position.realisedPnl()),
                scales.price(instrument, position.unrealisedPnl()),
                scales.price(instrument, position.fees()),
                scales.price(instrument, position.netPnl()),
                scales.quantity(instrument, position.boughtQuantity()),
                scales.quantity(instrument, position.soldQuantity()));
    }

    /**
     * @param positions the positions, in the core's order
     * @param scales    their instruments' scales
     * @return the table
     */
    static ShellTable table(List<PositionView> positions, Scales scales) {
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Instrument");
        table.column("Position").alignRight();
        table.column("Avg price").alignRight();
        table.column("Mark").alignRight();
        table.column("Realised").alignRight();
        table.column("Unrealised").alignRight();
        table.column("Fees").alignRight();
        table.column("Net P&L").alignRight();
        table.column("Bought").alignRight();
        table.column("Sold").alignRight();
        table.emptyTableText("no positions");
        for (PositionView position : positions) {
            table.addRow().addContent(row(position, scales).toArray());
        }
        return table;
    }
}
