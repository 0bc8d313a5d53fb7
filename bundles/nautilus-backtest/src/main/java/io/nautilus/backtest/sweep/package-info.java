/**
 * Parameter sweeps: one backtest per combination of swept strategy parameters, run by a {@link
 * io.nautilus.backtest.sweep.SweepExecutor} (a thread pool on this JVM, {@link
 * io.nautilus.backtest.sweep.LocalSweepExecutor}, or a cluster's members), ranked by an objective into
 * {@code sweep.csv} by {@link io.nautilus.backtest.sweep.Sweep}. Only {@link io.nautilus.backtest.sweep.SweepTask}
 * (parameters) and {@link io.nautilus.backtest.sweep.SweepOutcome} (figures) travel between nodes; each node reads its
 * own data and strategies.
 */
@Export
@Version("0.1.0")
package io.nautilus.backtest.sweep;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
