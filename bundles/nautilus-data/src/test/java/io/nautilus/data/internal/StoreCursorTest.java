package io.nautilus.data.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCursorTest {

    @TempDir
    Path dir;

    private static final Instrument ETH = new Instrument(InstrumentId.of("SIM-ETH"), "SIM-ETH", VenueId.of("SIM"), 5,
            1, 1, 2, 3, "USD");

    @Test
    void segmentsDaysAndFromToAreSeamless() throws Exception {
        long day = Text.nanosPerDay();
        List<StoreCursor.Day> days = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            Path folder = dir.resolve("2024-01-0" + (d + 2));
            DayWriter w = new DayWriter(folder, MarketEvent.TRADE, ETH);
            MarketEvent e = new MarketEvent();
            e.kind = MarketEvent.TRADE;
            for (int i = 0; i < 100; i++) {
                e.timestamp = (19_724 + d) * day + i * 1_000L + (i % 10 == 3 ? 0 : 1);
                e.price = i;
                e.size = d;
                e.aggressor = i % 3 == 0 ? null : i % 3 == 1 ? Side.BUY : Side.SELL;
                w.append(e);
                if (i == 50) {
                    w.close();
                }
                all.add(e.timestamp);
            }
            w.finish();
            days.add(new StoreCursor.Day(folder, StoreFormat.Meta.read(folder.resolve("trades.meta"))));
        }
        for (int segment : new int[] {1, 7, 100, 1 << 21}) {
            List<Long> read = new ArrayList<>();
            try (StoreCursor c = new StoreCursor(MarketEvent.TRADE, 0, days, Long.MIN_VALUE, Long.MAX_VALUE,
                    segment)) {
                while (c.advance()) {
                    read.add(c.head.timestamp);
                    int i = (int) c.head.price;
                    assertThat(c.head.aggressor).isEqualTo(i % 3 == 0 ? null : i % 3 == 1 ? Side.BUY : Side.SELL);
                }
            }
            assertThat(read).isEqualTo(all);
            long from = all.get(137);
            long to = all.get(251);
            read.clear();
            try (StoreCursor c = new StoreCursor(MarketEvent.TRADE, 0, days, from, to, segment)) {
                while (c.advance()) {
                    read.add(c.head.timestamp);
                }
            }
            assertThat(read).isEqualTo(all.subList(137, 251));
            assertThat(StoreCursor.count(days, MarketEvent.TRADE, from, to)).isEqualTo(114);
        }
    }
}
