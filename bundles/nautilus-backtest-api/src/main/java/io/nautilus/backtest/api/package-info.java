/**
 * The backtest engine's API: {@link io.nautilus.backtest.api.BacktestRequest} (what to run, parsed from the options
 * of {@code bin/nautilus-backtest}), {@link io.nautilus.backtest.api.BacktestService} (runs inside the platform) and
 * {@link io.nautilus.backtest.api.BacktestInfo} (a run's state and figures), and
 * {@link io.nautilus.backtest.api.SweepRequest} (a parameter sweep's options).
 */
@Export
@Version("0.2.0")
package io.nautilus.backtest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
