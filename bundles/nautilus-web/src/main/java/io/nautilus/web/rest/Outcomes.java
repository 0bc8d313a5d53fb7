package io.nautilus.web.rest;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.CommandResult;

/** A rejected command's reason as the shell prints it: risk limits of quantities and notionals as decimals. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param result     the core's answer
     * @param definition the order's instrument, or null if not known
     * @return e.g. {@code rejected: order quantity above limit (maxOrderQty: limit 10.000, would be 12.000)}
     */
    static String describe(CommandResult result, Instrument definition) {
        if (result.accepted() || definition == null || result.rejectDetail() == null
                || (result.rejectLimit() == 0 && result.rejectValue() == 0)) {
            return result.describe();
        }
        String detail = result.rejectDetail();
        String limit;
        String value;
        switch (detail) {
            case "maxOrderQty", "maxLong", "maxShort", "maxPosition" -> {
                limit = definition.formatQuantity(result.rejectLimit());
                value = definition.formatQuantity(result.rejectValue());
            }
            case "maxOrderNotional" -> {
                limit = definition.formatPrice(result.rejectLimit());
                value = definition.formatPrice(result.rejectValue());
            }
            default -> {
                return result.describe();
            }
        }
        return "rejected: " + result.rejectReason().description() + " (" + detail + ": limit " + limit
                + ", would be " + value + ")";
    }
}
