package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Boots the distribution and checks that the default platform writes its history out of the box: the store runs on
 * the embedded database in {@code data/nautilus/history}, the demo market maker's fills, the core's instrument
 * definitions, position snapshots and bars reach {@link HistoryService} within seconds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HistoryIT {

    private static final InstrumentId BTC = InstrumentId.of("SIM-BTC");

    @Inject
    @Filter(timeout = 120_000)
    private HistoryService history;

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private StrategyAdminService strategies;

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18103");
        Option[] options = Arrays.copyOf(base, base.length + 2);
        options[base.length] = editConfigurationFilePut("etc/io.nautilus.history.cfg",
                "positions.snapshot.interval.seconds", "1");
        options[base.length + 1] = editConfigurationFilePut("etc/io.nautilus.marketdata.cfg", "bars",
                "time:1s,ticks:100");
        return options;
    }

    @Test
    public void theStoreRunsOnTheEmbeddedDatabaseInTheDataFolder() throws Exception {
        Await.until(() -> "RUNNING".equals(history.status().state()) && history.status().schemaVersion() > 0, 60_000,
                "the history store RUNNING");
        HistoryStatus status = history.status();
        Path folder = Path.of(System.getProperty("karaf.base")).resolve("data/nautilus/history");
        assertEquals("H2 " + folder, status.database());
        assertEquals(5, status.schemaVersion());
        assertTrue("the database file in " + folder, Files.exists(folder.resolve("history.mv.db")));
        assertEquals(null, status.lastError());
    }

    @Test
    public void demoTradingReachesTheStoreWithinSeconds() throws Exception {
        Await.until(() -> strategies.instance("mm-demo").map(i -> "RUNNING".equals(i.state())).orElse(false), 60_000,
                "mm-demo RUNNING");
        Await.until(() -> core.position(AccountId.of("mm-1"), BTC).map(p -> p.boughtQuantity() + p.soldQuantity() > 0)
                .orElse(false), 60_000, "the demo market maker traded");
        long traded = System.nanoTime();
        Await.until(() -> !history.fills(HistoryQuery.all().withAccount(AccountId.of("mm-1"))).isEmpty(), 10_000,
                "a fill of mm-1 in the history store (status " + history.status() + ")");
        System.out.println("first mm-1 fill in the store " + (System.nanoTime() - traded) / 1_000_000
                + " ms after the core showed the position");
        FillEvent fill = history.fills(HistoryQuery.all().withAccount(AccountId.of("mm-1"))).get(0);
        assertEquals(BTC, fill.instrument());
        long bps = fill.liquidity() == io.nautilus.api.order.Liquidity.MAKER ? -1 : 5;
        assertEquals("the fill's fee as the core charged it (SIM-BTC: maker -1 bps, taker 5 bps, rounded up): "
                + fill, java.math.BigDecimal.valueOf(fill.price()).multiply(java.math.BigDecimal.valueOf(
                        fill.quantity() * bps)).movePointLeft(fill.quantityScale() + 4)
                        .setScale(0, java.math.RoundingMode.CEILING).longValueExact(), fill.fee());
        assertTrue("scales written with the fill", fill.priceScale() >= 0 && fill.quantityScale() >= 0);
        assertTrue("the core's instruments as defined",
                history.instruments().stream().anyMatch(i -> i.instrument().id().equals(BTC)));
    }

    @Test
    public void positionSnapshotsAndBarsReachTheStore() throws Exception {
        Await.until(() -> !history.positions(HistoryQuery.all()).isEmpty(), 60_000,
                "a position snapshot (status " + history.status() + ")");
        Await.until(() -> !history.bars(HistoryQuery.all().withInstrument(BTC)).isEmpty(), 60_000,
                "a completed SIM-BTC bar (status " + history.status() + ")");
        List<io.nautilus.history.api.BarRecord> bars = history.bars(HistoryQuery.all().withInstrument(BTC));
        assertTrue("bar scales known", bars.get(0).priceScale() >= 0);
    }
}
