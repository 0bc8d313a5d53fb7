package io.nautilus.analytics.api.risk;

/** Which Brinson decomposition of the active return. */
public enum BrinsonMethod {
    /** Brinson, Hood and Beebower (1986): allocation {@code (wp - wb) rb}. */
    BHB,
    /** Brinson and Fachler (1985): allocation {@code (wp - wb) (rb - Rb)}, against the benchmark's total return. */
    BF
}
