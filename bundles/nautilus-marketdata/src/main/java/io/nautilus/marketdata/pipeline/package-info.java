/**
 * The market-data engine's tick path on the caller's thread, for replays: {@link
 * io.nautilus.marketdata.pipeline.TickPipeline} validates fixed-point ticks, keeps the last values and builds bars
 * with the very code the live engine's ring handler runs, so a backtest sees what live strategies see. Internal to
 * the platform (the backtest engine is its user); strategies never see it.
 */
@Export
@Version("0.1.0")
package io.nautilus.marketdata.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
