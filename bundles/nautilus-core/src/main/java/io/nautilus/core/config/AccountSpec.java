package io.nautilus.core.config;

import io.nautilus.core.SelfTradePrevention;

/**
 * One account of {@code etc/io.nautilus.core.accounts.cfg}.
 *
 * @param stp     self-trade prevention mode ({@code <account>.stp}, default none)
 * @param capital configured capital ({@code <account>.capital}) at the core's money scale, 0 if not set: the
 *                account's equity for the leverage limit is this plus its net P&amp;L
 */
public record AccountSpec(SelfTradePrevention stp, long capital) {
}
