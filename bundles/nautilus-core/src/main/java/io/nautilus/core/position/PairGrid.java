package io.nautilus.core.position;

import java.util.Arrays;

/**
 * The layout of per-(account, instrument) state in flat arrays: cell {@code (account << shift) + instrument}, i.e.
 * one row of {@link #columns()} instruments (a power of two) per account, {@link #rows()} rows. Immutable: growing
 * gives a new grid, and its owner copies its arrays across with {@link #copy}. Owners grow when an account or an
 * instrument is defined (or a scope is first named), never per order, so a look-up is a bounds check and one array
 * read instead of a hash probe.
 *
 * <p>Memory: {@code rows * columns} cells per array (e.g. 1,000 accounts x 1,000 instruments: 1 M cells, 8 MB per
 * array of longs); growth doubles the dimension that is short, up to {@link #MAX_ACCOUNTS} rows,
 * {@link PositionKeeper#MAX_INSTRUMENTS} columns and {@link #MAX_CELLS} cells in all.
 */
public final class PairGrid {

    /** Largest account id + 1 a grid holds. */
    public static final int MAX_ACCOUNTS = 1 << 20;
    /** Largest number of cells (rows * columns) a grid holds. */
    public static final long MAX_CELLS = 1L << 24;
    /** A grid of no cells. */
    public static final PairGrid EMPTY = new PairGrid(0, 0);

    private final int rows;
    private final int shift;

    private PairGrid(int rows, int shift) {
        this.rows = rows;
        this.shift = shift;
    }

    /** @return number of account rows */
    public int rows() {
        return rows;
    }

    /** @return number of instrument columns per row (a power of two) */
    public int columns() {
        return rows == 0 ? 0 : 1 << shift;
    }

    /** @return rows * columns */
    public int cells() {
        return rows << shift;
    }

    /**
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return true if the pair has a cell
     */
    public boolean holds(int account, int instrument) {
        return account >= 0 && account < rows && instrument >= 0 && (instrument >>> shift) == 0;
    }

    /**
     * @param account    dense account id, within {@link #rows()}
     * @param instrument dense instrument id, within {@link #columns()}
     * @return the pair's cell
     */
    public int index(int account, int instrument) {
        return (account << shift) + instrument;
    }

    /**
     * @param cell a cell
     * @return its account id
     */
    public int account(int cell) {
        return cell >>> shift;
    }

    /**
     * @param cell a cell
     * @return its instrument id
     */
    public int instrument(int cell) {
        return cell & ((1 << shift) - 1);
    }

    /**
     * Checks that a grid could hold a pair (and every pair with smaller ids).
     *
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return null if a grid of {@code account + 1} rows can hold the pair, else why not
     */
    public static String problem(int account, int instrument) {
        if (account < 0 || account >= MAX_ACCOUNTS) {
            return "account id " + account + " outside 0.." + (MAX_ACCOUNTS - 1);
        }
        if (instrument < 0 || instrument >= PositionKeeper.MAX_INSTRUMENTS) {
            return "instrument id " + instrument + " outside 0.." + (PositionKeeper.MAX_INSTRUMENTS - 1);
        }
        if ((account + 1L) << shiftFor(instrument, 0) > MAX_CELLS) {
            return (account + 1) + " accounts x " + (instrument + 1) + " instruments exceed the " + MAX_CELLS
                    + " account-instrument cells of the risk and position grids";
        }
        return null;
    }

    private static int shiftFor(int instrument, int atLeast) {
        int s = atLeast;
        while ((instrument >>> s) != 0) {
            s++;
        }
        return s;
    }

    /**
     * A grid that holds every pair this one holds and the given one; a dimension that is short at least doubles
     * (rows only as far as {@link #MAX_CELLS} allows).
     *
     * @param account    dense account id
     * @param instrument dense instrument id
     * @return this grid if it already holds the pair, else a larger one
     * @throws IllegalArgumentException if the pair is beyond {@link #problem}'s limits, or this grid's rows with
     *                                  the pair's columns would exceed {@link #MAX_CELLS}
     */
    public PairGrid grownFor(int account, int instrument) {
        if (holds(account, instrument)) {
            return this;
        }
        String problem = problem(account, instrument);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int newShift = shiftFor(instrument, shift);
        int minRows = Math.max(rows, account + 1);
        int newRows = account < rows ? rows : (int) Math.min(MAX_ACCOUNTS, Math.max(minRows, Math.max(4L, rows * 2L)));
        if ((long) newRows << newShift > MAX_CELLS) {
            newRows = minRows;
        }
        if ((long) newRows << newShift > MAX_CELLS) {
            throw new IllegalArgumentException(newRows + " accounts x " + (1 << newShift) + " instruments exceed the "
                    + MAX_CELLS + " account-instrument cells of the risk and position grids");
        }
        return new PairGrid(newRows, newShift);
    }

    /**
     * Copies an array laid out by {@code from} into a new array laid out by this grid.
     *
     * @param array the cells of {@code from}
     * @param from  the grid it was laid out by (at most as large as this one in both dimensions)
     * @return the cells of this grid, zero where new
     */
    public long[] copy(long[] array, PairGrid from) {
        long[] to = new long[cells()];
        int width = from.columns();
        for (int a = 0; a < from.rows; a++) {
            System.arraycopy(array, a << from.shift, to, a << shift, width);
        }
        return to;
    }

    /**
     * Copies an array laid out by {@code from} into a new array laid out by this grid.
     *
     * @param array the cells of {@code from}
     * @param from  the grid it was laid out by (at most as large as this one in both dimensions)
     * @return the cells of this grid, zero where new
     */
    public int[] copy(int[] array, PairGrid from) {
        int[] to = new int[cells()];
        int width = from.columns();
        for (int a = 0; a < from.rows; a++) {
            System.arraycopy(array, a << from.shift, to, a << shift, width);
        }
        return to;
    }

    /**
     * Copies an array laid out by {@code from} into a new array laid out by this grid.
     *
     * @param array the cells of {@code from}
     * @param from  the grid it was laid out by (at most as large as this one in both dimensions)
     * @param <T>   element type
     * @return the cells of this grid, null where new
     */
    public <T> T[] copy(T[] array, PairGrid from) {
        T[] to = Arrays.copyOf(array, cells());
        Arrays.fill(to, null);
        int width = from.columns();
        for (int a = 0; a < from.rows; a++) {
            System.arraycopy(array, a << from.shift, to, a << shift, width);
        }
        return to;
    }

    @Override
    public String toString() {
        return "PairGrid[" + rows + " accounts x " + columns() + " instruments]";
    }
}
