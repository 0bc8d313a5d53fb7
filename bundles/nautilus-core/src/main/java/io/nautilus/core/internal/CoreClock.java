package io.nautilus.core.internal;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.pipeline.CommandTranslator;
import io.nautilus.core.pipeline.CorePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The trading core's clock. Publishes {@link Op#CLOCK} commands every tick (GTD expiry), and with
 * {@link Op#CLOCK_END_OF_DAY} once when the trading day ends (DAY orders expire, daily loss restarts): the clock is an
 * input like any command, journaled with its time, so a replay expires exactly the same orders. On its ticks it also
 * hands the pipeline's health to the alerts and has raised limit breaches checked again. Started and stopped by the
 * component's life-cycle methods; ticks run on the thread {@value #THREAD}.
 */
final class CoreClock {

    /** Name of the clock's thread. */
    static final String THREAD = "nautilus-core-clock";

    private static final Logger LOG = LoggerFactory.getLogger(CoreClock.class);
    /** Epoch nanoseconds minus {@link System#nanoTime()}, fixed at start: report times without allocating. */
    private static final long EPOCH_OFFSET_NANOS = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    /** Time between two checks of raised limit breaches (whether they cleared). */
    private static final long BREACH_CHECK_MILLIS = 10_000;
    /** A CLOCK command; the argument says whether the trading day ended. */
    private static final CommandTranslator<Boolean> TICK = CoreClock::translateTick;

    private final Supplier<CorePipeline<TradingEngine>> pipeline;
    private final CoreAlerts alerts;
    private final Consumer<String> breachCheck;
    private volatile ScheduledExecutorService executor;

    /**
     * @param pipeline the running pipeline, or null
     * @param alerts receives the pipeline's health every tick
     * @param breachCheck checks raised limit breaches again, given the cause for the alert's text
     */
    CoreClock(Supplier<CorePipeline<TradingEngine>> pipeline, CoreAlerts alerts, Consumer<String> breachCheck) {
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.breachCheck = breachCheck;
    }

    /** @return now in nanoseconds since the epoch (the wall clock at start plus the monotonic clock since) */
    static long epochNanos() {
        return System.nanoTime() + EPOCH_OFFSET_NANOS;
    }

    /**
     * Starts ticking.
     *
     * @param tickMillis tick period in milliseconds
     * @param dayEnd end of the trading day
     * @param zone its time zone
     */
    void start(long tickMillis, LocalTime dayEnd, ZoneId zone) {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
        started.scheduleAtFixedRate(new Tick(dayEnd, zone, Math.max(1, BREACH_CHECK_MILLIS / tickMillis)),
                tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Stops ticking (a tick under way is interrupted). */
    void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    private static ZonedDateTime nextDayEnd(ZonedDateTime now, LocalTime dayEnd) {
        ZonedDateTime candidate = now.with(dayEnd).withNano(0);
        return candidate.isAfter(now) ? candidate : candidate.plusDays(1);
    }

    private static void translateTick(Command c, Boolean endOfDay) {
        c.op = Op.CLOCK;
        c.flags = endOfDay ? Op.CLOCK_END_OF_DAY : 0;
    }

    /** One tick; its state is the clock thread's. */
    private final class Tick implements Runnable {
        private final LocalTime dayEnd;
        private final ZoneId zone;
        private final long breachEvery;
        private ZonedDateTime nextEnd;
        private long ticks;

        Tick(LocalTime dayEnd, ZoneId zone, long breachEvery) {
            this.dayEnd = dayEnd;
            this.zone = zone;
            this.breachEvery = breachEvery;
            this.nextEnd = nextDayEnd(ZonedDateTime.now(zone), dayEnd);
        }

        @Override
        public void run() {
            try {
                CorePipeline<TradingEngine> p = pipeline.get();
                if (p == null || !p.isRunning()) {
                    return;
                }
                alerts.pipeline(p.journalFailure(), p.processorFailures(), p.snapshotFailures(), p.lastSnapshotSeq());
                if (++ticks % breachEvery == 0 && alerts.breached()) {
                    breachCheck.accept("checked again");
                }
                ZonedDateTime now = ZonedDateTime.now(zone);
                boolean endOfDay = !now.isBefore(nextEnd);
                if (endOfDay) {
                    nextEnd = nextDayEnd(now, dayEnd);
                    LOG.info("trading day ended at {}: DAY orders expire, daily loss restarts", dayEnd);
                }
                p.publish(TICK, endOfDay);
            } catch (RuntimeException e) {
                LOG.warn("clock tick not published: {}", e.getMessage());
            }
        }
    }
}
