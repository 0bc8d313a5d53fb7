package io.nautilus.router.api;

/**
 * The shape of the market impact model: {@code impactBps = coefficient × σ × (quantity / ADV)^exponent}, with
 * {@code σ} the volatility in basis points and ADV the venue's average daily volume.
 */
public enum ImpactModel {

    /** Impact proportional to the participation: exponent 1. */
    LINEAR(1.0),

    /** The square-root law: exponent 1/2. */
    SQRT(0.5);

    private final double exponent;

    ImpactModel(double exponent) {
        this.exponent = exponent;
    }

    /**
     * The exponent applied to {@code quantity / ADV}.
     *
     * @return 1 for {@link #LINEAR}, 0.5 for {@link #SQRT}
     */
    public double exponent() {
        return exponent;
    }
}
