package io.nautilus.analytics.api.risk;

/**
 * The attribution effects of one segment, or their totals. Decimals (0.001 = 10 basis points).
 *
 * @param name        the segment's name, or {@code total}
 * @param allocation  the allocation effect
 * @param selection   the selection effect
 * @param interaction the interaction effect
 */
public record BrinsonEffects(String name, double allocation, double selection, double interaction) {

    /** @return allocation + selection + interaction: the segment's share of the active return */
    public double active() {
        return allocation + selection + interaction;
    }

    /** @return selection + interaction, the selection effect when the interaction is not shown apart (Brinson-Fachler) */
    public double selectionWithInteraction() {
        return selection + interaction;
    }
}
