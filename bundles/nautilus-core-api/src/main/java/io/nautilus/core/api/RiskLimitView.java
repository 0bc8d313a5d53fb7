package io.nautilus.core.api;

/**
 * One configured risk limit, as written in {@code etc/io.nautilus.core.risk.cfg}.
 *
 * @param scope {@code default}, {@code account <name>}, {@code instrument <symbol>} or
 *              {@code account <name> instrument <symbol>}
 * @param limit limit name, e.g. {@code maxOrderQty}
 * @param value its value in natural units (a decimal quantity, money amount or count), or {@code unlimited}
 */
public record RiskLimitView(String scope, String limit, String value) {
}
