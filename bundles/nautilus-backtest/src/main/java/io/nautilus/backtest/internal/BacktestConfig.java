package io.nautilus.backtest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Nautilus backtests", description = "How the platform runs backtests"
        + " (nautilus:backtest): on their own low-priority threads, never the trading core's, writing each run's"
        + " files to a folder of its own. Saving a change restarts the service: running backtests are canceled.")
@interface BacktestConfig {

    @AttributeDefinition(name = "Threads", description = "Backtests run at the same time at most, 1 to 64; more wait"
            + " QUEUED. Each takes one core while it runs.", min = "1", max = "64")
    int threads() default 1;

    @AttributeDefinition(name = "Folder", description = "Where each run writes its files, in a sub-folder named by"
            + " its id; a relative path starts at the Karaf base folder.")
    String folder() default "data/nautilus/backtests";

    @AttributeDefinition(name = "Keep", description = "Runs nautilus:backtest list shows at most (the newest), 1 or"
            + " more; older runs' folders stay on disk.", min = "1")
    int keep() default 100;

    @AttributeDefinition(name = "Market data folder", description = "Where --data looks for a relative path not found"
            + " under the Karaf base folder (the imported store: <folder>/<instrument>/<day>); a relative path starts"
            + " at the Karaf base folder.")
    String data_folder() default "data/nautilus/marketdata";
}
