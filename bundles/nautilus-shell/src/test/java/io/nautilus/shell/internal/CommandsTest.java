package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.ACC_1;
import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static io.nautilus.shell.internal.FakeTradingCore.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/** The commands against a fake core, without OSGi: what they send, print, and how they fail. */
class CommandsTest extends CoreCommandTest {

    private static SubmitCommand submit(String account, String instrument, String side, String quantity,
                                        String price) {
        SubmitCommand submit = new SubmitCommand();
        submit.account = account;
        submit.instrument = instrument;
        submit.side = side;
        submit.quantity = quantity;
        submit.price = price;
        return submit;
    }

    private static OrderView working(long orderId) {
        return new OrderView(orderId, 0, ACC_1, BTC.id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10_000, 0,
                10_000, 10_000, 0, 0, OrderFlags.NONE, 0, true);
    }

    @Test
    void everyCommandFailsWithOneLineWhenTheCoreIsNotRunning() {
        List<CoreCommand> commands = List.of(submit("ACC-1", "BTC-USD", "BUY", "1", "100"), new CancelCommand(),
                new ReplaceCommand(), new ReduceCommand(), new OrdersCommand(), new BookCommand(),
                new PositionsCommand(), new PnlCommand(), new RiskCommand(), new HaltCommand(), new ResumeCommand(),
                new ReducingCommand(), new KillCommand(), new SnapshotCommand(), new JournalCommand());
        for (CoreCommand command : commands) {
            if (command instanceof ReplaceCommand replace) {
                replace.price = "1";
            }
            if (command instanceof ReduceCommand reduce) {
                reduce.quantity = "1";
            }
            if (command instanceof BookCommand book) {
                book.instrument = "BTC-USD";
            }
            assertThatThrownBy(command::execute).as(command.getClass().getSimpleName())
                    .isInstanceOf(CommandException.class)
                    .hasMessage("nautilus: the trading core is not running");
        }
    }

    @Test
    void submitConvertsDecimalsAndPrintsTheOutcomeAndEachReport() throws Exception {
        core.answer = CompletableFuture.completedFuture(FakeTradingCore.accepted(42,
                report(42, ExecType.NEW, OrderStatus.NEW, 0, 0, 5_000, 0, 0),
                report(42, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, 2_000, 10_125, 3_000, 2_000, 10_125)));
        SubmitCommand submit = wired(submit("ACC-1", "BTC-USD", "buy", "0.5", "101.25"));
        submit.clientId = 99L;
        submit.run(out);

        assertThat(core.received).containsExactly(NewOrder.limit(99, ACC_1, null, BTC.id(), Side.BUY, 10_125, 5_000));
        assertThat(output()).isEqualTo("""
                accepted (seq 17, order 42)
                order 42 NEW NEW last - leaves 0.5000 cum 0.0000 avg -
                order 42 PARTIAL_FILL PARTIALLY_FILLED last 0.2000@101.25 leaves 0.3000 cum 0.2000 avg 101.25 TAKER
                """);
    }

    @Test
    void submitWithoutClientIdGeneratesOne() throws Exception {
        wired(submit("ACC-1", "BTC-USD.COINBASE", "SELL", "1", null)).run(out);
        NewOrder sent = (NewOrder) core.received.get(0);
        assertThat(sent.clientOrderId()).isPositive();
        assertThat(sent.type()).isEqualTo(OrderType.MARKET);
        assertThat(sent.timeInForce()).isEqualTo(TimeInForce.IOC);
    }

    @Test
    void rejectedSubmitPrintsTheReportAndFailsWithReasonDetailLimitAndWouldBe() {
        core.answer = CompletableFuture.completedFuture(new CommandResult(18, 0, RejectReason.RISK_LIMIT,
                "maxOrderQty", 1_000, 1_500, List.of(report(0, ExecType.REJECTED, OrderStatus.REJECTED, 0, 0, 0, 0,
                0))));
        SubmitCommand submit = wired(submit("ACC-1", "BTC-USD", "BUY", "0.15", "100"));
        assertThatThrownBy(() -> submit.run(out))
                .isInstanceOf(CommandException.class)
                .hasMessage("nautilus: rejected: risk limit (maxOrderQty: limit 0.1000, would be 0.1500)");
        assertThat(output()).startsWith("client order 5 REJECTED REJECTED").doesNotContain("accepted");
    }

    @Test
    void badArgumentsFailWithOneLineBeforeAnythingIsSent() {
        assertThatThrownBy(wired(submit("ACC-1", "BTC-USD", "BUY", "1", "1.005"))::execute)
                .isInstanceOf(CommandException.class)
                .hasMessage("nautilus: price 1.005 is not on the instrument's scale of 2 decimals");
        assertThatThrownBy(wired(submit("ACC-7", "BTC-USD", "BUY", "1", "1"))::execute)
                .hasMessage("nautilus: unknown account 'ACC-7'; known: ACC-1, ACC-2");
        assertThat(core.received).isEmpty();
    }

    @Test
    void aCoreThatDoesNotAnswerInTimeOrFailsIsOneLine() {
        assertThatThrownBy(() -> CoreCommand.await(new CompletableFuture<CommandResult>(), "the order",
                Duration.ofMillis(10)))
                .isInstanceOf(CommandException.class)
                .hasMessage("nautilus: no answer from the trading core within 10ms for the order; it may still be"
                        + " processed (check nautilus:orders)");
        assertThatThrownBy(() -> CoreCommand.await(CompletableFuture.failedFuture(new IllegalStateException(
                "core stopping")), "the order"))
                .hasMessage("nautilus: the trading core did not process the order: core stopping");
    }

    @Test
    void cancelSendsTheOrderId() throws Exception {
        CancelCommand cancel = wired(new CancelCommand());
        cancel.orderId = 42;
        cancel.run(out);
        assertThat(core.received).containsExactly("cancel 42");
        assertThat(output()).startsWith("accepted (seq 17)");
    }

    @Test
    void replaceParsesAtTheOrdersInstrumentAndKeepsWhatIsNotGiven() throws Exception {
        core.orders.add(working(42));
        ReplaceCommand replace = wired(new ReplaceCommand());
        replace.orderId = 42;
        replace.price = "100.5";
        replace.run(out);
        assertThat(core.received).containsExactly("replace 42 10050 " + FixedPoint.NULL);
    }

    @Test
    void replaceNeedsPriceOrQuantityAndAWorkingOrder() {
        ReplaceCommand replace = wired(new ReplaceCommand());
        replace.orderId = 42;
        assertThatThrownBy(replace::execute).hasMessage("nautilus: give --price, --quantity or both");
        replace.quantity = "2";
        assertThatThrownBy(replace::execute).hasMessage("nautilus: order 42 is not working (unknown, or already"
                + " filled, canceled or expired)");
    }

    @Test
    void reduceTakesTheQuantityAtTheOrdersScale() throws Exception {
        core.orders.add(working(42));
        ReduceCommand reduce = wired(new ReduceCommand());
        reduce.orderId = 42;
        reduce.quantity = "0.25";
        reduce.run(out);
        assertThat(core.received).containsExactly("reduce 42 2500");
    }

    @Test
    void ordersAsksForOneMoreThanTheLimitToTellThereAreMore() throws Exception {
        for (long id = 1; id <= 3; id++) {
            core.orders.add(working(id));
        }
        OrdersCommand orders = wired(new OrdersCommand());
        orders.limit = 2;
        orders.side = "buy";
        orders.instrument = "BTC-USD";
        orders.run(out);
        assertThat(core.lastFilter.limit()).isEqualTo(3);
        assertThat(core.lastFilter.side()).isEqualTo(Side.BUY);
        assertThat(core.lastFilter.instrument()).isEqualTo(BTC.id());
        assertThat(output()).contains("100.00")
                .contains("(showing the first 2 working orders; --limit 0 shows all)");
    }

    @Test
    void bookPrintsHeaderTableAndLastTrade() throws Exception {
        BookCommand book = wired(new BookCommand());
        book.instrument = "BTC-USD";
        book.depth = 5;
        book.run(out);
        assertThat(core.received).containsExactly("book BTC-USD.COINBASE 5");
        assertThat(output()).startsWith("BTC-USD.COINBASE (BTC-USD on COINBASE, prices in USD)")
                .contains("100.25").endsWith("Last trade: 0.2500 @ 100.10\n");
    }

    @Test
    void haltResumeAndReducingSetTheStateOfTheScope() throws Exception {
        HaltCommand halt = wired(new HaltCommand());
        halt.run(out);
        ResumeCommand resume = wired(new ResumeCommand());
        resume.account = "ACC-1";
        resume.run(out);
        ReducingCommand reducing = wired(new ReducingCommand());
        reducing.account = "ACC-1";
        reducing.instrument = "ESZ4";
        reducing.run(out);
        assertThat(core.received).containsExactly("HALTED global", "ACTIVE account ACC-1",
                "REDUCING account ACC-1, instrument ESZ4.CME");
        assertThat(output()).contains("global: HALTED").contains("account ACC-1: ACTIVE");
    }

    @Test
    void killCountsTheCanceledReports() throws Exception {
        core.answer = CompletableFuture.completedFuture(FakeTradingCore.accepted(0,
                report(41, ExecType.CANCELED, OrderStatus.CANCELED, 0, 0, 0, 0, 0),
                report(42, ExecType.CANCELED, OrderStatus.CANCELED, 0, 0, 0, 0, 0)));
        KillCommand kill = wired(new KillCommand());
        kill.instrument = "BTC-USD";
        kill.run(out);
        assertThat(core.received).containsExactly("kill instrument BTC-USD.COINBASE");
        assertThat(output()).contains("order 41 CANCELED CANCELED").contains("order 42 CANCELED CANCELED")
                .endsWith("kill switch: instrument BTC-USD.COINBASE HALTED, 2 working order(s) canceled\n");
    }

    @Test
    void snapshotJournalAndRiskPrintTheAdminViews() throws Exception {
        wired(new SnapshotCommand()).run(out);
        wired(new JournalCommand()).run(out);
        wired(new RiskCommand()).run(out);
        assertThat(output()).contains("snapshot taken: includes seq 1234")
                .contains("data/journal").contains("wait=yielding").contains("  replayed 100 records")
                .contains("maxOrderQty").contains("account ACC-2").contains("HALTED")
                .contains("Leverage and concentration").contains("2.5254");
    }
}
