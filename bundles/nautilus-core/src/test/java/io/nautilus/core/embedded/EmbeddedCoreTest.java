package io.nautilus.core.embedded;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.VenueReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedCoreTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final InstrumentId ACME = InstrumentId.of("SIM-ACME");
    private static final long T = 1_700_000_000_000_000_000L;

    private static Map<String, String> instruments() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("SIM-ACME.priceScale", "2");
        cfg.put("SIM-ACME.quantityScale", "0");
        cfg.put("SIM-ACME.tickSize", "0.01");
        cfg.put("SIM-ACME.lotSize", "1");
        cfg.put("SIM-ACME.makerFeeBps", "-1");
        cfg.put("SIM-ACME.takerFeeBps", "5");
        cfg.put("SIM-BTC.priceScale", "2");
        cfg.put("SIM-BTC.quantityScale", "4");
        cfg.put("SIM-BTC.tickSize", "0.50");
        cfg.put("SIM-BTC.lotSize", "0.0010");
        return cfg;
    }

    private static EmbeddedCore core(boolean external) {
        EmbeddedCore core = new EmbeddedCore(2);
        core.defineInstruments(EmbeddedCore.parseInstruments(instruments()), external);
        core.defineAccount(ALICE, "none", 1_000_000_00L);
        core.defineAccount(BOB, "none", 1_000_000_00L);
        return core;
    }

    private static NewOrder limit(long clientId, AccountId account, Side side, long price, long qty) {
        return NewOrder.limit(clientId, account, null, ACME, side, price, qty);
    }

    @Test
    void instrumentsAreParsedFromTheConfigurationFormatAndDefined() {
        List<EmbeddedCore.Definition> definitions = EmbeddedCore.parseInstruments(instruments());
        EmbeddedCore core = new EmbeddedCore(2);
        core.defineInstruments(definitions, false);

        assertThat(definitions).extracting(d -> d.instrument().symbol()).containsExactly("SIM-ACME", "SIM-BTC");
        assertThat(core.instruments()).extracting(i -> i.symbol()).containsExactly("SIM-ACME", "SIM-BTC");
        EmbeddedCore.Definition acme = core.definition(ACME);
        assertThat(acme.makerFeeBps()).isEqualTo(-1);
        assertThat(acme.takerFeeBps()).isEqualTo(5);
        assertThat(acme.instrument().tickSize()).isEqualTo(1);
        assertThat(core.definition(InstrumentId.of("NOPE"))).isNull();
    }

    @Test
    void twoAccountsMatchInTheCoresBook() {
        EmbeddedCore core = core(false);
        CommandResult sell = core.submit(limit(1, ALICE, Side.SELL, 10000, 5), T);
        CommandResult buy = core.submit(limit(2, BOB, Side.BUY, 10000, 5), T + 1);

        assertThat(sell.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW);
        assertThat(buy.reports()).extracting(ExecutionReport::execType).contains(ExecType.FILL);
        assertThat(buy.reports()).filteredOn(ExecutionReport::isFill)
                .extracting(ExecutionReport::account, ExecutionReport::liquidity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(BOB, Liquidity.TAKER),
                        org.assertj.core.groups.Tuple.tuple(ALICE, Liquidity.MAKER));
        assertThat(core.position(ALICE, ACME)).isEqualTo(-5);
        assertThat(core.position(BOB, ACME)).isEqualTo(5);
        // taker 5 bps of 500.00 = 0.25; maker rebate 1 bp = -0.05
        assertThat(core.fees(BOB)).isEqualTo(25);
        assertThat(core.fees(ALICE)).isEqualTo(-5);
        assertThat(buy.seq()).isEqualTo(core.lastSeq());
    }

    @Test
    void externalOrderWaitsForItsVenueAndAVenueFillUpdatesPositionAndFee() {
        EmbeddedCore core = core(true);
        CommandResult submitted = core.submit(limit(7, ALICE, Side.BUY, 10000, 10), T);
        assertThat(submitted.accepted()).isTrue();
        assertThat(submitted.reports()).extracting(ExecutionReport::status).containsExactly(OrderStatus.PENDING_NEW);
        long orderId = submitted.orderId();

        CommandResult ack = core.venueReport(new VenueReport(orderId, VenueReport.Kind.ACK, 0, 0, false, ""), T + 1);
        CommandResult fill = core.venueReport(new VenueReport(orderId, VenueReport.Kind.FILL, 10000, 4, true, "X-1"),
                T + 2);

        assertThat(ack.reports()).extracting(ExecutionReport::status).containsExactly(OrderStatus.NEW);
        ExecutionReport report = fill.reports().get(0);
        assertThat(report.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(report.clientOrderId()).isEqualTo(7);
        assertThat(report.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(report.leavesQuantity()).isEqualTo(6);
        assertThat(report.fee()).isEqualTo(-4);
        assertThat(core.position(ALICE, ACME)).isEqualTo(4);
        assertThat(core.fees(ALICE)).isEqualTo(-4);
    }

    @Test
    void feeModelReplacesTheSchedule() {
        EmbeddedCore core = core(true);
        core.feeModel((account, instrument, orderId, price, qty, maker, scheduleFee) -> scheduleFee + 100 * qty);
        long orderId = core.submit(limit(1, ALICE, Side.BUY, 10000, 2), T).orderId();
        CommandResult fill = core.venueReport(new VenueReport(orderId, VenueReport.Kind.FILL, 10000, 2, false, "X-1"),
                T + 1);

        // taker 5 bps of 200.00 = 0.10, plus 1.00 per unit
        assertThat(fill.reports().get(fill.reports().size() - 1).fee()).isEqualTo(210);
        assertThat(core.fees(ALICE)).isEqualTo(210);
    }

    @Test
    void refusesUnknownAccountsInstrumentsAndOrdersAndOverfills() {
        EmbeddedCore core = core(true);
        CommandResult unknownAccount = core.submit(limit(1, AccountId.of("carol"), Side.BUY, 10000, 1), T);
        CommandResult unknownInstrument = core.submit(NewOrder.limit(2, ALICE, null, InstrumentId.of("NOPE"),
                Side.BUY, 10000, 1), T);
        CommandResult unknownOrder = core.venueReport(new VenueReport(99, VenueReport.Kind.ACK, 0, 0, false, ""), T);
        long orderId = core.submit(limit(3, ALICE, Side.BUY, 10000, 1), T).orderId();
        CommandResult overfill = core.venueReport(new VenueReport(orderId, VenueReport.Kind.FILL, 10000, 2, false,
                "X-1"), T);

        assertThat(unknownAccount.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
        assertThat(unknownInstrument.rejectReason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(unknownOrder.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(overfill.accepted()).isFalse();
        assertThat(core.position(ALICE, ACME)).isZero();
    }

    @Test
    void riskLimitsRejectAndAFileWithoutLimitsIsRefused() {
        EmbeddedCore core = core(false);
        core.setRiskLimits(Map.of("instrument.SIM-ACME.maxOrderQty", "5"));
        CommandResult big = core.submit(limit(1, ALICE, Side.BUY, 10000, 6), T);

        assertThat(big.rejectReason()).isNotEqualTo(RejectReason.NONE);
        assertThat(big.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.REJECTED);
        assertThatThrownBy(() -> core.setRiskLimits(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(core.submit(limit(2, ALICE, Side.BUY, 10000, 5), T).accepted()).isTrue();
    }

    @Test
    void badInstrumentConfigurationIsRefusedNamingTheKey() {
        Map<String, String> cfg = new LinkedHashMap<>(instruments());
        cfg.put("SIM-ACME.priceScale", "forty");

        assertThatThrownBy(() -> EmbeddedCore.parseInstruments(cfg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIM-ACME");
    }

    @Test
    void readsConfigAdminCfgFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("instruments.cfg");
        Files.writeString(file, "# comment\nSIM-ACME.priceScale = 2 \nSIM-ACME.tickSize=0.01\n");

        assertThat(EmbeddedCore.readConfig(file)).containsExactlyInAnyOrderEntriesOf(Map.of("SIM-ACME.priceScale", "2",
                "SIM-ACME.tickSize", "0.01"));
    }

    @Test
    void markValuesPositionsWithoutAFill() {
        EmbeddedCore core = core(false);
        core.submit(limit(1, ALICE, Side.SELL, 10000, 5), T);
        core.submit(limit(2, BOB, Side.BUY, 10000, 5), T);
        CommandResult marked = core.mark(ACME, 10100, T + 1);

        assertThat(marked.accepted()).isTrue();
        assertThat(core.unrealizedPnl(BOB, ACME)).isEqualTo(500);
        assertThat(core.unrealizedPnl(ALICE, ACME)).isEqualTo(-500);
        assertThat(core.mark(InstrumentId.of("NOPE"), 1, T).rejectReason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    }
}
