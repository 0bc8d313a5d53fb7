package io.nautilus.backtest.exchange;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestRequest.FillModel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The simulated exchange's models: how resting limit orders fill, order and cancel latency, slippage of taking
 * fills, and the fees added to the instruments' maker/taker schedules.
 *
 * @param fillModel          how resting limit orders fill
 * @param fillProbability    {@link FillModel#PROB}: chance that a trade at the order's price fills it, 0 to 1
 * @param latencyNanos       order latency (decision to arrival at the exchange), nanoseconds, at least 0
 * @param jitterNanos        extra latency drawn uniformly from [0, jitterNanos] per order, cancel and replace
 * @param cancelLatencyNanos cancel and replace latency, nanoseconds, at least 0
 * @param slippageTicks      market and marketable orders fill this many ticks worse than the touch, at least 0
 * @param feePerUnit         fee per whole unit of quantity, in the instrument's currency, at least 0
 * @param minFeePerOrder     minimum fee per order that fills, in the instrument's currency, at least 0
 * @param seed               seed of the latency jitter and of the probabilistic fills
 */
public record ExchangeSettings(FillModel fillModel, double fillProbability, long latencyNanos, long jitterNanos,
                               long cancelLatencyNanos, long slippageTicks, BigDecimal feePerUnit,
                               BigDecimal minFeePerOrder, long seed) {

    /** Checks the values. */
    public ExchangeSettings {
        Objects.requireNonNull(fillModel, "fillModel");
        Objects.requireNonNull(feePerUnit, "feePerUnit");
        Objects.requireNonNull(minFeePerOrder, "minFeePerOrder");
        if (!(fillProbability >= 0 && fillProbability <= 1)) {
            throw new IllegalArgumentException("fill probability " + fillProbability + " must be between 0 and 1");
        }
        if (latencyNanos < 0 || jitterNanos < 0 || cancelLatencyNanos < 0) {
            throw new IllegalArgumentException("latencies must not be negative: order " + latencyNanos + " ns, jitter "
                    + jitterNanos + " ns, cancel " + cancelLatencyNanos + " ns");
        }
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("slippage " + slippageTicks + " ticks must not be negative");
        }
        if (feePerUnit.signum() < 0 || minFeePerOrder.signum() < 0) {
            throw new IllegalArgumentException("fee per unit " + feePerUnit.toPlainString() + " and minimum fee "
                    + minFeePerOrder.toPlainString() + " must not be negative");
        }
    }

    /**
     * The settings of a backtest request ({@code --fill-model}, {@code --fill-prob}, {@code --latency-us},
     * {@code --jitter-us}, {@code --cancel-latency-us}, {@code --slippage-ticks}, {@code --fee-per-unit},
     * {@code --min-fee}, {@code --seed}).
     *
     * @param request the request
     * @return the settings
     * @throws IllegalArgumentException if a latency in nanoseconds overflows
     */
    public static ExchangeSettings of(BacktestRequest request) {
        return new ExchangeSettings(request.fillModel(), request.fillProbability(),
                nanos("--latency-us", request.latencyMicros()), nanos("--jitter-us", request.jitterMicros()),
                nanos("--cancel-latency-us", request.cancelLatencyMicros()), request.slippageTicks(),
                request.feePerUnit(), request.minFee(), request.seed());
    }

    /**
     * Settings without latency, slippage or extra fees.
     *
     * @param fillModel how resting limit orders fill
     * @param seed      random seed
     * @return the settings: fill probability 0.5, no latency, no slippage, no extra fees
     */
    public static ExchangeSettings immediate(FillModel fillModel, long seed) {
        return new ExchangeSettings(fillModel, 0.5, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, seed);
    }

    private static long nanos(String option, long micros) {
        try {
            return Math.multiplyExact(micros, 1_000L);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(option + " " + micros + " is too large");
        }
    }
}
