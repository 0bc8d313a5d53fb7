package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.SelfTradePrevention;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {

    @Test
    void restoredEngineContinuesExactlyLikeTheOriginal() throws IOException {
        ExchangeCoreMix mix = ExchangeCoreMix.generate(7, 20_000);
        MatchingEngine original = new MatchingEngine();
        Command slot = new Command();
        int cut = mix.size() / 2;
        for (int i = 0; i < cut; i++) {
            mix.fill(i, slot);
            original.process(slot);
        }
        byte[] bytes = snapshot(original);
        MatchingEngine restored = new MatchingEngine();
        restored.defineInstrument(99, 1, 1, 1, 0, 0);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes)));

        assertThat(snapshot(restored)).isEqualTo(bytes);
        assertThat(restored.workingOrders()).isEqualTo(original.workingOrders());
        for (int i = cut; i < mix.size(); i++) {
            mix.fill(i, slot);
            original.process(slot);
            List<Ev> expected = Ev.copy(slot.events);
            mix.fill(i, slot);
            restored.process(slot);
            assertThat(Ev.copy(slot.events)).as("events of command %d", i).isEqualTo(expected);
        }
        assertThat(snapshot(restored)).isEqualTo(snapshot(original));
    }

    @Test
    void snapshotKeepsIcebergsStopsFifoAndFinishedIds() throws IOException {
        EngineFixture a = new EngineFixture();
        a.engine.defineAccount(ALICE, SelfTradePrevention.CANCEL_BOTH);
        a.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 100, 1_000);
        a.engine.defineInstrument(9, 2, 1, 1, 0, 0);
        a.order(1, ALICE, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 1_001, 10).display(3).send();
        a.sell(2, BOB, 1_001, 4);
        a.buy(3, BOB, 1_001, 5);
        a.order(4, BOB, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTD, 1_005, 2).stop(1_004).expiry(50).send();
        a.order(5, ALICE, Side.SELL, OrderType.STOP, TimeInForce.DAY, 0, 2).stop(990).send();
        a.buy(6, ALICE, 995, 1);
        a.cancel(6);
        a.mark(1_002);

        EngineFixture b = new EngineFixture();
        b.engine.readSnapshot(new DataInputStream(new ByteArrayInputStream(a.snapshot())));

        assertThat(b.engine.workingOrders()).isEqualTo(a.engine.workingOrders());
        assertThat(b.engine.instruments()).isEqualTo(a.engine.instruments());
        assertThat(b.queue(Side.SELL)).containsExactly(2L, 1L);
        assertThat(b.engine.depth(INSTRUMENT, Side.SELL, 5)).isEqualTo(a.engine.depth(INSTRUMENT, Side.SELL, 5));
        assertThat(b.engine.stopOrders(INSTRUMENT)).extracting(OrderView::orderId).containsExactly(4L, 5L);
        assertThat(b.engine.orderState(6)).isEqualTo(OrderState.FINISHED);
        assertThat(b.engine.account(ALICE)).contains(SelfTradePrevention.CANCEL_BOTH);
        List<List<Ev>> fromA = new ArrayList<>();
        List<List<Ev>> fromB = new ArrayList<>();
        for (EngineFixture f : List.of(a, b)) {
            List<List<Ev>> sink = f == a ? fromA : fromB;
            sink.add(f.buy(6, BOB, 1_001, 1).events());
            sink.add(f.buy(7, BOB, 1_001, 9).events());
            sink.add(f.sell(8, BOB, 1_010, 1).events());
            sink.add(f.sell(9, ALICE, 995, 1).events());
            sink.add(f.clock(50, true).events());
        }
        assertThat(fromB).isEqualTo(fromA);
    }

    @Test
    void garbageIsRejected() {
        MatchingEngine engine = new MatchingEngine();

        assertThatThrownBy(() -> engine.readSnapshot(new DataInputStream(new ByteArrayInputStream(new byte[8]))))
                .isInstanceOf(IOException.class).hasMessageContaining("magic");
    }

    private static byte[] snapshot(MatchingEngine engine) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        engine.writeSnapshot(new java.io.DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
