package io.nautilus.simvenue;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.OrderType;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated market against the real trading core.
 */
class SimulatedMarketTest {

    static final InstrumentId ABC = InstrumentId.of("ABC");
    static final InstrumentId XYZ = InstrumentId.of("XYZ");
    static final AccountId SIM = AccountId.of("sim-market");
    static final AccountId ALICE = AccountId.of("alice");

    @TempDir
    Path dir;

    TradingCoreManager core;
    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    long clientIds = 1;

    @BeforeEach
    void startCore() throws Exception {
        core = RealCore.start(dir.resolve("core"), reports::add,
                Map.of("ABC.priceScale", "2", "ABC.tickSize", "0.01", "ABC.lotSize", "1"),
                Map.of("alice.stp", "none", "sim-market.stp", "cancel-resting"), Map.of());
    }

    @AfterEach
    void stopCore() {
        RealCore.stop(core);
    }

    SimulatedMarket market(int levels, boolean trades) {
        return new SimulatedMarket(core, new SimulatedMarket.Settings(SIM, Set.of(), levels, 2, 1.0, trades));
    }

    static Quote quote(long bid, long bidSize, long ask, long askSize) {
        return new Quote(ABC, bid, bidSize, ask, askSize, 1);
    }

    CommandResult alice(Side side, TimeInForce tif, long price, long quantity) throws Exception {
        return core.submit(new NewOrder(clientIds++, ALICE, null, ABC, side, OrderType.LIMIT, tif, price,
                FixedPoint.NULL, quantity, 0, OrderFlags.NONE, 0)).get(10, TimeUnit.SECONDS);
    }

    List<OrderView> simOrders() {
        return core.orders(new OrderFilter(SIM, ABC, null, 0));
    }

    /** Bought plus sold: the core answers queries after the commands before them, so this is exact. */
    long filled(AccountId account) {
        return core.position(account, ABC).map(p -> p.boughtQuantity() + p.soldQuantity()).orElse(0L);
    }

    @Test
    void mirrorsTheQuoteAsRestingLiquidityAndLeavesItWhenNothingChanged() {
        SimulatedMarket market = market(1, true);
        market.onQuote(quote(10_000, 10, 10_002, 5));

        assertThat(market.refresh()).isEqualTo(2);

        BookView book = core.book(ABC, 5);
        assertThat(book.bids()).containsExactly(new BookView.Level(10_000, 10, 1));
        assertThat(book.asks()).containsExactly(new BookView.Level(10_002, 5, 1));
        assertThat(market.refresh()).as("nothing to do when the quote and the orders agree").isZero();
        assertThat(market.counters()).containsEntry("submitted", 2L).containsEntry("rejected", 0L);
    }

    @Test
    void severalLevelsBehindTheBestPrice() {
        SimulatedMarket market = market(3, true);
        market.onQuote(quote(10_000, 10, 10_002, 5));
        market.refresh();

        BookView book = core.book(ABC, 5);
        assertThat(book.bids()).extracting(BookView.Level::price).containsExactly(10_000L, 9_998L, 9_996L);
        assertThat(book.asks()).extracting(BookView.Level::price).containsExactly(10_002L, 10_004L, 10_006L);
        assertThat(book.asks()).extracting(BookView.Level::quantity).containsOnly(5L);
    }

    @Test
    void aMarketMovingUpThroughAPlatformOfferFillsIt() throws Exception {
        SimulatedMarket market = market(1, false);
        market.onQuote(quote(10_000, 10, 10_004, 5));
        market.refresh();
        assertThat(alice(Side.SELL, TimeInForce.GTC, 10_003, 4).accepted()).isTrue();

        market.onQuote(quote(10_005, 10, 10_007, 5));
        market.refresh();

        assertThat(filled(ALICE)).isEqualTo(4);
        assertThat(core.position(ALICE, ABC).orElseThrow().averagePrice()).isEqualTo(10_003L);
        BookView book = core.book(ABC, 5);
        assertThat(book.bids()).containsExactly(new BookView.Level(10_005, 6, 1));
        assertThat(book.asks()).containsExactly(new BookView.Level(10_007, 5, 1));
        // the next pass restores the liquidity the fill took
        market.refresh();
        assertThat(core.book(ABC, 5).bids()).containsExactly(new BookView.Level(10_005, 10, 1));
        assertThat(simOrders()).hasSize(2);
    }

    @Test
    void aMarketMovingDownKeepsTheMirrorSidesApart() {
        SimulatedMarket market = market(2, false);
        market.onQuote(quote(10_000, 10, 10_002, 5));
        market.refresh();

        market.onQuote(quote(9_990, 3, 9_992, 7));
        market.refresh();

        assertThat(filled(SIM)).as("the mirror orders never trade with each other").isZero();
        BookView book = core.book(ABC, 5);
        assertThat(book.bids()).extracting(BookView.Level::price).containsExactly(9_990L, 9_988L);
        assertThat(book.asks()).extracting(BookView.Level::price).containsExactly(9_992L, 9_994L);
        assertThat(book.bids()).extracting(BookView.Level::quantity).containsOnly(3L);
    }

    @Test
    void aPrintAtAPlatformBidFillsItUpToThePrintedSize() throws Exception {
        SimulatedMarket market = market(1, true);
        market.onQuote(quote(10_000, 10, 10_002, 5));
        market.refresh();
        assertThat(alice(Side.BUY, TimeInForce.GTC, 10_000, 5).accepted()).isTrue();

        market.onTrade(new Trade(ABC, 10_000, 3, Side.SELL, "t1", 2));
        market.refresh();

        assertThat(filled(ALICE)).isEqualTo(3);
        assertThat(core.order(aliceOrder()).orElseThrow().openQuantity()).isEqualTo(2);
        // the print withdrew the mirror bid it met; the pass after restores it
        market.refresh();
        assertThat(core.book(ABC, 5).bids()).containsExactly(new BookView.Level(10_000, 12, 2));
        assertThat(market.counters()).containsEntry("tradesReplayed", 1L);
    }

    @Test
    void aPrintAwayFromPlatformOrdersFillsNothing() throws Exception {
        SimulatedMarket market = market(1, true);
        market.onQuote(quote(10_000, 10, 10_002, 5));
        market.refresh();
        assertThat(alice(Side.BUY, TimeInForce.GTC, 9_990, 5).accepted()).isTrue();

        market.onTrade(new Trade(ABC, 10_000, 3, Side.SELL, "t1", 2));
        market.refresh();

        assertThat(filled(ALICE)).isZero();
        assertThat(filled(SIM)).isZero();
    }

    @Test
    void platformOrdersTakeTheMirroredLiquidity() throws Exception {
        SimulatedMarket market = market(1, true);
        market.onQuote(quote(10_000, 10, 10_002, 5));
        market.refresh();

        CommandResult buy = alice(Side.BUY, TimeInForce.IOC, 10_002, 8);

        assertThat(buy.accepted()).isTrue();
        assertThat(filled(ALICE)).isEqualTo(5);
        assertThat(core.position(ALICE, ABC).orElseThrow().quantity()).isEqualTo(5);
        assertThat(core.position(SIM, ABC).orElseThrow().quantity()).isEqualTo(-5);
        market.refresh();
        assertThat(core.book(ABC, 5).asks()).containsExactly(new BookView.Level(10_002, 5, 1));
    }

    @Test
    void instrumentsTheCoreDoesNotKnowGetNoLiquidity() {
        SimulatedMarket market = market(1, true);
        market.onQuote(new Quote(XYZ, 10_000, 10, 10_002, 5, 1));
        market.onTrade(new Trade(XYZ, 10_000, 1, Side.BUY, "t", 1));

        assertThat(market.refresh()).isZero();
        assertThat(core.orders(OrderFilter.ALL)).isEmpty();
    }

    @Test
    void onlyTheConfiguredInstruments() {
        SimulatedMarket market = new SimulatedMarket(core,
                new SimulatedMarket.Settings(SIM, Set.of(XYZ), 1, 1, 1.0, true));
        market.onQuote(quote(10_000, 10, 10_002, 5));

        assertThat(market.refresh()).isZero();
    }

    @Test
    void sizesAreRoundedToTheLotAndAtLeastTheMinimum() {
        SimulatedMarket market = new SimulatedMarket(core,
                new SimulatedMarket.Settings(SIM, Set.of(), 1, 1, 0.01, true));
        market.onQuote(quote(10_000, 10, 10_002, 500));
        market.refresh();

        assertThat(core.book(ABC, 1).bids()).containsExactly(new BookView.Level(10_000, 1, 1));
        assertThat(core.book(ABC, 1).asks()).containsExactly(new BookView.Level(10_002, 5, 1));
    }

    @Test
    void rejectedMirrorCommandsAreCountedAndChangeNothing() throws Exception {
        SimulatedMarket market = new SimulatedMarket(core,
                new SimulatedMarket.Settings(AccountId.of("nobody"), Set.of(), 1, 1, 1.0, true));
        market.onQuote(quote(10_000, 10, 10_002, 5));

        market.refresh();

        assertThat(market.counters()).containsEntry("rejected", 2L);
        assertThat(core.book(ABC, 1).bids()).isEmpty();
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new SimulatedMarket.Settings(SIM, Set.of(), 0, 1, 1.0, true))
                .hasMessageContaining("levels");
        assertThatThrownBy(() -> new SimulatedMarket.Settings(SIM, Set.of(), 1, 0, 1.0, true))
                .hasMessageContaining("spacing");
        assertThatThrownBy(() -> new SimulatedMarket.Settings(SIM, Set.of(), 1, 1, 0, true))
                .hasMessageContaining("size factor");
    }

    long aliceOrder() {
        return core.orders(new OrderFilter(ALICE, ABC, null, 0)).get(0).orderId();
    }
}
