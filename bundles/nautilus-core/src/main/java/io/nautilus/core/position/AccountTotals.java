package io.nautilus.core.position;

/**
 * One account's totals over all its instruments, money at the keeper's money scale ({@link #moneyScale}). Each
 * position's values are rounded half-even to the money scale, then summed.
 *
 * @param account        dense account id
 * @param moneyScale     scale of every money value here
 * @param positions      number of instruments the account has traded
 * @param openPositions  number of instruments with a non-zero position
 * @param realised       realised P&amp;L
 * @param unrealised     unrealised P&amp;L at the marks
 * @param fees           fees paid (negative = net rebate)
 * @param grossExposure  sum of |quantity| * mark
 */
public record AccountTotals(int account, int moneyScale, int positions, int openPositions, long realised,
                            long unrealised, long fees, long grossExposure) {

    /** @return realised + unrealised - fees */
    public long net() {
        return realised + unrealised - fees;
    }
}
