package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.JournalInfo;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.AccountRiskView;
import io.nautilus.core.api.RiskLimitView;
import io.nautilus.core.api.Scope;
import io.nautilus.core.api.TradingCoreAdminService;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.api.TradingStateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for the trading core in tests: fixed instruments and accounts, orders and positions the test adds,
 * and it records the commands it receives and answers them with the result the test sets.
 */
final class FakeTradingCore implements TradingCoreService, TradingCoreAdminService {

    /** Price scale 2 (tick 0.01), quantity scale 4, USD. */
    static final Instrument BTC = new Instrument(InstrumentId.of("BTC-USD.COINBASE"), "BTC-USD",
            VenueId.of("COINBASE"), 1, 1, 1, 2, 4, "USD");

    /** Price scale 2 (tick 0.25), quantity scale 0, USD. */
    static final Instrument ES = new Instrument(InstrumentId.of("ESZ4.CME"), "ESZ4", VenueId.of("CME"), 25, 1, 1, 2,
            0, "USD");

    /** Price scale 5, quantity scale 0, EUR. */
    static final Instrument EURUSD = new Instrument(InstrumentId.of("EURUSD.FX"), "EURUSD", VenueId.of("FX"), 1, 1, 1,
            5, 0, "EUR");

    static final AccountId ACC_1 = AccountId.of("ACC-1");
    static final AccountId ACC_2 = AccountId.of("ACC-2");

    final List<Instrument> instruments = new ArrayList<>(List.of(BTC, ES, EURUSD));
    final List<OrderView> orders = new ArrayList<>();
    final List<PositionView> positions = new ArrayList<>();
    final List<AccountPnl> pnl = new ArrayList<>();
    final List<Object> received = new ArrayList<>();
    OrderFilter lastFilter;

    /** What the next order or admin command answers; accepted with no reports unless a test sets it. */
    CompletableFuture<CommandResult> answer = CompletableFuture.completedFuture(accepted(0));

    static CommandResult accepted(long orderId, ExecutionReport... reports) {
        return new CommandResult(17, orderId, RejectReason.NONE, null, 0, 0, List.of(reports));
    }

    /** A report of an order in BTC-USD.COINBASE; fills need lastQuantity &gt; 0. */
    static ExecutionReport report(long orderId, ExecType type, OrderStatus status, long lastQuantity, long lastPrice,
                                  long leaves, long cumulative, long average) {
        return new ExecutionReport(orderId * 10 + type.ordinal(), 5, 0, orderId, ACC_1, null, BTC.id(), null,
                Side.BUY, type, status, type == ExecType.REJECTED ? RejectReason.RISK_LIMIT : RejectReason.NONE,
                type == ExecType.CANCELED ? CancelReason.KILL_SWITCH : CancelReason.NONE,
                type.isFill() ? Liquidity.TAKER : Liquidity.NONE, null,
                type.isFill() ? lastPrice : FixedPoint.NULL, type.isFill() ? lastQuantity : 0, leaves, cumulative,
                cumulative > 0 ? average : FixedPoint.NULL, 1, 2);
    }

    @Override
    public CompletableFuture<CommandResult> submit(NewOrder order) {
        received.add(order);
        return answer;
    }

    @Override
    public CompletableFuture<CommandResult> cancel(long orderId) {
        received.add("cancel " + orderId);
        return answer;
    }

    @Override
    public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
        received.add("replace " + orderId + " " + newPrice + " " + newQuantity);
        return answer;
    }

    @Override
    public CompletableFuture<CommandResult> reduce(long orderId, long quantity) {
        received.add("reduce " + orderId + " " + quantity);
        return answer;
    }

    @Override
    public CompletableFuture<CommandResult> mark(InstrumentId instrument, long price) {
        received.add("mark " + instrument + " " + price);
        return answer;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        return instruments.stream().filter(i -> i.id().equals(instrument)).findFirst();
    }

    @Override
    public List<AccountView> accounts() {
        return List.of(new AccountView(ACC_1, "cancel-resting", CoreTradingState.ACTIVE),
                new AccountView(ACC_2, "none", CoreTradingState.HALTED));
    }

    @Override
    public Optional<OrderView> order(long orderId) {
        return orders.stream().filter(o -> o.orderId() == orderId).findFirst();
    }

    @Override
    public List<OrderView> orders(OrderFilter filter) {
        lastFilter = filter;
        List<OrderView> matching = new ArrayList<>();
        for (OrderView o : orders) {
            if ((filter.account() == null || filter.account().equals(o.account()))
                    && (filter.instrument() == null || filter.instrument().equals(o.instrument()))
                    && (filter.side() == null || filter.side() == o.side())
                    && (filter.limit() == 0 || matching.size() < filter.limit())) {
                matching.add(o);
            }
        }
        return matching;
    }

    @Override
    public Optional<PositionView> position(AccountId account, InstrumentId instrument) {
        return positions.stream().filter(p -> p.account().equals(account) && p.instrument().equals(instrument))
                .findFirst();
    }

    @Override
    public List<PositionView> positions(AccountId account) {
        return positions.stream().filter(p -> account == null || p.account().equals(account)).toList();
    }

    @Override
    public List<AccountPnl> pnl(AccountId account) {
        return pnl.stream().filter(p -> account == null || p.account().equals(account)).toList();
    }

    @Override
    public BookView book(InstrumentId instrument, int depth) {
        received.add("book " + instrument + " " + depth);
        return new BookView(instrument, List.of(new BookView.Level(10_000, 15_000, 2)),
                List.of(new BookView.Level(10_025, 5_000, 1), new BookView.Level(10_050, 20_000, 3)), 10_010, 2_500);
    }

    @Override
    public CompletableFuture<CommandResult> setTradingState(Scope scope, CoreTradingState state) {
        received.add(state + " " + scope);
        return answer;
    }

    @Override
    public CompletableFuture<CommandResult> kill(Scope scope) {
        received.add("kill " + scope);
        return answer;
    }

    @Override
    public List<TradingStateView> tradingStates() {
        return List.of(new TradingStateView(Scope.GLOBAL, CoreTradingState.ACTIVE),
                new TradingStateView(Scope.of(ACC_2), CoreTradingState.HALTED));
    }

    @Override
    public List<RiskLimitView> riskLimits() {
        return List.of(new RiskLimitView("default", "maxOrderQty", "1000000"));
    }

    @Override
    public List<AccountRiskView> accountRisk() {
        return List.of(new AccountRiskView(ACC_1.value(), 2, 100_000_000, 99_000_000, 250_000_000, 25_254,
                "BTC-USD", 8_000), new AccountRiskView(ACC_2.value(), 2, 0, -500, 0, -1, null, 0));
    }

    @Override
    public CompletableFuture<Long> snapshot() {
        return CompletableFuture.completedFuture(1234L);
    }

    @Override
    public JournalInfo journalInfo() {
        return new JournalInfo("data/journal", "BATCH (loss window 0)", 1300, List.of("journal-1", "journal-2"),
                3 * 1024 * 1024 / 2, List.of("snapshot-1234"), 1234, 1200, List.of("snapshot 1200 used",
                "replayed 100 records"), 100, 1020);
    }

    @Override
    public String pipelineInfo() {
        return "wait=yielding ring=1024 threads=1 pinned=no";
    }

    // ------------------------------------------------------------------ order memory

    /** The orders the fake core's order memory holds. */
    final List<OrderHistory> histories = new ArrayList<>();
    OrderStateFilter lastState;

    @Override
    public Optional<OrderHistory> orderHistory(long orderId) {
        return histories.stream().filter(o -> o.orderId() == orderId).findFirst();
    }

    @Override
    public List<OrderHistory> orderHistories(OrderFilter filter, OrderStateFilter state) {
        lastFilter = filter;
        lastState = state;
        List<OrderHistory> matching = new ArrayList<>();
        for (OrderHistory o : histories) {
            if (state.matches(o.state())
                    && (filter.account() == null || filter.account().equals(o.account()))
                    && (filter.instrument() == null || filter.instrument().equals(o.instrument()))
                    && (filter.side() == null || filter.side() == o.side())
                    && (filter.limit() == 0 || matching.size() < filter.limit())) {
                matching.add(o);
            }
        }
        return matching;
    }

    @Override
    public int finishedOrdersKept() {
        return 10_000;
    }
}
