package io.nautilus.core.risk;

import io.nautilus.core.api.CommandResult;

/**
 * The configurable risk limits, with their configuration key and unit. A limit is "unset" (unlimited) unless
 * configured; an order is rejected when its would-be value is greater than the limit (the limit itself passes).
 */
public enum Limit {

    /** Largest quantity of one order (NEW, or the new total quantity of a REPLACE). */
    MAX_ORDER_QTY("maxOrderQty", Unit.QUANTITY, false),
    /** Largest notional of one order: reference price * quantity. */
    MAX_ORDER_NOTIONAL("maxOrderNotional", Unit.NOTIONAL, false),
    /** Largest long position: position + working buy quantity + this order's quantity. */
    MAX_LONG("maxLong", Unit.QUANTITY, false),
    /** Largest short position (a positive number): -(position - working sells - this order's quantity). */
    MAX_SHORT("maxShort", Unit.QUANTITY, false),
    /** Largest gross exposure of the account: sum of |position| * mark plus what this order would add. */
    MAX_GROSS_EXPOSURE("maxGrossExposure", Unit.MONEY, true),
    /** Largest loss of the trading day (start-of-day net P&amp;L - current net P&amp;L, fees included). */
    MAX_DAILY_LOSS("maxDailyLoss", Unit.MONEY, true),
    /** Most NEW and REPLACE commands of the account in any one second of logical time. */
    MAX_ORDERS_PER_SECOND("maxOrdersPerSecond", Unit.COUNT, true),
    /** Most CANCEL and REDUCE commands of the account in any one second of logical time. */
    MAX_CANCELS_PER_SECOND("maxCancelsPerSecond", Unit.COUNT, true),
    /**
     * Largest leverage of the account: gross exposure (open positions at mark plus working orders, both sides,
     * absolute notionals) after the order, divided by equity (configured capital plus net P&amp;L).
     */
    MAX_LEVERAGE("maxLeverage", Unit.RATIO, true),
    /**
     * Largest share (a fraction from 0 to 1) of the account's gross exposure in one instrument after the order;
     * applied only when that gross exposure is above {@link #MIN_CONCENTRATION_EXPOSURE}.
     */
    MAX_CONCENTRATION("maxConcentration", Unit.RATIO, true),
    /**
     * Gross exposure of the account (after the order) at or below which {@link #MAX_CONCENTRATION} is not applied.
     * Not a limit itself: it must be configured (for the account or by default) wherever a concentration limit is.
     */
    MIN_CONCENTRATION_EXPOSURE("minConcentrationExposure", Unit.MONEY, true);

    /** Decimals of {@link Unit#RATIO} values in the engine and in rejects ({@code 2.5} = 25000). */
    public static final int RATIO_SCALE = CommandResult.RATIO_SCALE;

    /** What a limit's value measures, and so which scale it is converted to. */
    public enum Unit {
        /** Instrument quantity (e.g. {@code 1.5} lots), converted to the instrument's quantity scale. */
        QUANTITY,
        /** Money in the instrument's price currency, converted to its price scale. */
        NOTIONAL,
        /** Account money, converted to {@link io.nautilus.core.position.PositionKeeper#moneyScale()}. */
        MONEY,
        /** A whole count. */
        COUNT,
        /** A dimensionless ratio (leverage, a share of exposure), converted to {@link Limit#RATIO_SCALE} decimals. */
        RATIO
    }

    private static final Limit[] VALUES = values();

    private final String key;
    private final Unit unit;
    private final boolean accountOnly;

    Limit(String key, Unit unit, boolean accountOnly) {
        this.key = key;
        this.unit = unit;
        this.accountOnly = accountOnly;
    }

    /** @return the configuration key suffix, also the reject detail, e.g. {@code "maxOrderQty"} */
    public String key() {
        return key;
    }

    /** @return the unit of the value */
    public Unit unit() {
        return unit;
    }

    /** @return true if the limit exists only per account ({@code default.} and {@code account.<name>.} keys) */
    public boolean accountOnly() {
        return accountOnly;
    }

    /**
     * @param key a key suffix such as {@code "maxLong"}
     * @return the limit, or null if none has the key
     */
    public static Limit ofKey(String key) {
        for (Limit limit : VALUES) {
            if (limit.key.equals(key)) {
                return limit;
            }
        }
        return null;
    }
}
