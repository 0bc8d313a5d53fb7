package io.nautilus.backtest.engine;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.exchange.ExchangeSettings;
import io.nautilus.backtest.exchange.SimulatedExchange;
import io.nautilus.data.MarketData;
import io.nautilus.data.MarketEventSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a backtest finds what its request names: strategies, the default instruments file, the folder relative
 * paths start from, and the parts it runs (simulated exchange, data reader).
 *
 * @param strategies         the strategies it can run
 * @param defaultInstruments the instruments file used without {@code --instruments} (the distribution's
 *                           {@code etc/io.nautilus.core.instruments.cfg})
 * @param baseDir            the folder relative paths of the request are resolved against
 * @param exchanges          the simulated exchange for a request (its latency, fill, slippage and fee options)
 * @param data               opens the request's data
 */
public record Environment(StrategyCatalog strategies, Path defaultInstruments, Path baseDir,
                          Function<BacktestRequest, Exchange.Factory> exchanges, DataOpener data) {

    /** Opens historical data as a stream of events. */
    @FunctionalInterface
    public interface DataOpener {
        /**
         * @param paths       CSV files, folders of them, or imported store folders, existing
         * @param instruments the known instruments by symbol
         * @param fromNanos   start, epoch nanoseconds inclusive, or null
         * @param toNanos     end, epoch nanoseconds exclusive, or null
         * @return the events in range, in time order
         * @throws IOException if the data cannot be read or is bad (file and line named)
         */
        MarketEventSource open(List<Path> paths, Map<String, Instrument> instruments, Long fromNanos, Long toNanos)
                throws IOException;
    }

    /**
     * The environment of {@code bin/nautilus-backtest} and the platform: data read with
     * {@link io.nautilus.data.MarketData#open}, the {@link io.nautilus.backtest.exchange.SimulatedExchange} set up
     * from the request's options.
     *
     * @param strategies         the strategies it can run
     * @param defaultInstruments the instruments file used without {@code --instruments}
     * @param baseDir            the folder relative paths are resolved against
     * @return the environment
     */
    public static Environment standard(StrategyCatalog strategies, Path defaultInstruments, Path baseDir) {
        return of(strategies, defaultInstruments, baseDir, request ->
                SimulatedExchange.factory(ExchangeSettings.of(request)));
    }

    /**
     * An environment reading data with {@link io.nautilus.data.MarketData#open}.
     *
     * @param strategies         the strategies it can run
     * @param defaultInstruments the instruments file used without {@code --instruments}
     * @param baseDir            the folder relative paths are resolved against
     * @param exchanges          the simulated exchange for a request
     * @return the environment
     */
    public static Environment of(StrategyCatalog strategies, Path defaultInstruments, Path baseDir,
                                 Function<BacktestRequest, Exchange.Factory> exchanges) {
        return new Environment(strategies, defaultInstruments, baseDir, exchanges, (paths, instruments, from, to) ->
                MarketData.open(paths, instruments, from == null ? Long.MIN_VALUE : from,
                        to == null ? Long.MAX_VALUE : to));
    }

    /** Checks the parts. */
    public Environment {
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(defaultInstruments, "defaultInstruments");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(exchanges, "exchanges");
        Objects.requireNonNull(data, "data");
    }
}
