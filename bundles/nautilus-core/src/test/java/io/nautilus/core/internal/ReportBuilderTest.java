package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.journal.Recovery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Execution reports of real engine outcomes: every report is built through ExecutionReport's validating constructor. */
class ReportBuilderTest {

    static final long T0 = 1_700_000_000_000_000_000L;
    static final long PUBLISH = 1_800_000_000_000_000_000L;
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId ABC = InstrumentId.of("ABC");

    final TradingEngine engine = new TradingEngine(2);
    final ReportBuilder builder = new ReportBuilder();
    final Command c = new Command();
    long seq;

    @BeforeEach
    void desk() {
        c.clear();
        Registry.encode(new Registry.InstrumentDef(0, "ABC", 1, 1, 1, 0, 0, 2, 0, 0, 0), c);
        assertThat(send()).isEmpty();
        account(0, "alice", SelfTradePrevention.NONE);
        account(1, "bob", SelfTradePrevention.NONE);
        account(2, "carol", SelfTradePrevention.CANCEL_RESTING);
    }

    void account(int id, String name, SelfTradePrevention stp) {
        c.clear();
        Registry.encode(new Registry.AccountDef(id, name, stp), c);
        assertThat(send()).isEmpty();
    }

    List<ExecutionReport> send() {
        seq++;
        c.seq = seq;
        if (c.timestamp == 0) {
            c.timestamp = T0 + seq;
        }
        Throwable failure = Recovery.process(engine, c);
        assertThat(failure).isNull();
        return builder.reports(c, engine.registry().view(), PUBLISH);
    }

    List<ExecutionReport> order(long id, long clientId, int account, Side side, OrderType type, TimeInForce tif,
                                long price, long qty) {
        c.clear();
        c.op = Op.NEW;
        c.orderId = id;
        c.clientOrderId = clientId;
        c.account = account;
        c.instrument = 0;
        c.side = side;
        c.type = type;
        c.tif = tif;
        c.price = price;
        c.qty = qty;
        return send();
    }

    List<ExecutionReport> buy(long id, long clientId, int account, long price, long qty) {
        return order(id, clientId, account, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty);
    }

    List<ExecutionReport> sell(long id, long clientId, int account, long price, long qty) {
        return order(id, clientId, account, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, qty);
    }

    List<ExecutionReport> op(byte op, long id, long price, long qty) {
        c.clear();
        c.op = op;
        c.orderId = id;
        c.price = price;
        c.qty = qty;
        return send();
    }

    @Test
    void anAcceptedOrderIsReportedNewWithItsClientOrderId() {
        List<ExecutionReport> reports = buy(1, 501, 0, 100, 5);

        assertThat(reports).hasSize(1);
        ExecutionReport r = reports.get(0);
        assertThat(r.execType()).isEqualTo(ExecType.NEW);
        assertThat(r.status()).isEqualTo(OrderStatus.NEW);
        assertThat(r.clientOrderId()).isEqualTo(501);
        assertThat(r.orderId()).isEqualTo(1);
        assertThat(r.account()).isEqualTo(ALICE);
        assertThat(r.instrument()).isEqualTo(ABC);
        assertThat(r.side()).isEqualTo(Side.BUY);
        assertThat(r.leavesQuantity()).isEqualTo(5);
        assertThat(r.cumulativeQuantity()).isZero();
        assertThat(r.averagePrice()).isEqualTo(FixedPoint.NULL);
        assertThat(r.lastPrice()).isEqualTo(FixedPoint.NULL);
        assertThat(r.liquidity()).isEqualTo(Liquidity.NONE);
        assertThat(r.transactTimeNanos()).isEqualTo(c.timestamp);
        assertThat(r.publishTimeNanos()).isEqualTo(PUBLISH);
        assertThat(r.execId()).isPositive();
    }

    @Test
    void reportsComeAsAnImmutableListThatTheResultKeepsAsItIs() {
        List<ExecutionReport> reports = buy(1, 501, 0, 100, 5);

        assertThat(ResultDelivery.result(c, reports).reports()).isSameAs(reports);
        assertThatThrownBy(() -> reports.add(reports.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reportsOfOneAccountAndInstrumentShareTheirIdObjects() {
        ExecutionReport first = buy(1, 501, 0, 100, 5).get(0);
        ExecutionReport second = buy(2, 502, 0, 99, 5).get(0);

        assertThat(second.account()).isSameAs(first.account()).isEqualTo(ALICE);
        assertThat(second.instrument()).isSameAs(first.instrument()).isEqualTo(ABC);
    }

    @Test
    void fillsReportTakerAndMakerWithLeavesCumulativeAndAveragePrice() {
        sell(1, 11, 0, 100, 2);
        sell(2, 12, 0, 101, 3);

        List<ExecutionReport> reports = buy(3, 31, 1, 101, 6);

        assertThat(reports).extracting(ExecutionReport::execType, ExecutionReport::liquidity,
                        ExecutionReport::clientOrderId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ExecType.NEW, Liquidity.NONE, 31L),
                        org.assertj.core.groups.Tuple.tuple(ExecType.PARTIAL_FILL, Liquidity.TAKER, 31L),
                        org.assertj.core.groups.Tuple.tuple(ExecType.FILL, Liquidity.MAKER, 11L),
                        org.assertj.core.groups.Tuple.tuple(ExecType.PARTIAL_FILL, Liquidity.TAKER, 31L),
                        org.assertj.core.groups.Tuple.tuple(ExecType.FILL, Liquidity.MAKER, 12L));
        ExecutionReport taker1 = reports.get(1);
        assertThat(taker1.account()).isEqualTo(BOB);
        assertThat(taker1.side()).isEqualTo(Side.BUY);
        assertThat(taker1.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(taker1.lastPrice()).isEqualTo(100);
        assertThat(taker1.lastQuantity()).isEqualTo(2);
        assertThat(taker1.leavesQuantity()).isEqualTo(4);
        assertThat(taker1.cumulativeQuantity()).isEqualTo(2);
        assertThat(taker1.averagePrice()).isEqualTo(100);
        ExecutionReport maker1 = reports.get(2);
        assertThat(maker1.account()).isEqualTo(ALICE);
        assertThat(maker1.side()).isEqualTo(Side.SELL);
        assertThat(maker1.orderId()).isEqualTo(1);
        assertThat(maker1.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(maker1.leavesQuantity()).isZero();
        assertThat(maker1.cumulativeQuantity()).isEqualTo(2);
        assertThat(maker1.averagePrice()).isEqualTo(100);
        ExecutionReport taker2 = reports.get(3);
        assertThat(taker2.lastPrice()).isEqualTo(101);
        assertThat(taker2.lastQuantity()).isEqualTo(3);
        assertThat(taker2.leavesQuantity()).isEqualTo(1);
        assertThat(taker2.cumulativeQuantity()).isEqualTo(5);
        assertThat(taker2.averagePrice()).as("(200 + 303) / 5 rounded").isEqualTo(101);
        assertThat(reports.get(4).averagePrice()).isEqualTo(101);

        List<ExecutionReport> fill = sell(4, 41, 0, 101, 1);
        ExecutionReport complete = fill.stream().filter(r -> r.orderId() == 3).findFirst().orElseThrow();
        assertThat(complete.execType()).isEqualTo(ExecType.FILL);
        assertThat(complete.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(complete.clientOrderId()).isEqualTo(31);
        assertThat(complete.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(complete.cumulativeQuantity()).isEqualTo(6);
        assertThat(complete.averagePrice()).as("(200 + 303 + 101) / 6 rounded").isEqualTo(101);
    }

    @Test
    void aCancelIsReportedWithItsReasonAndTheFillsSoFar() {
        sell(1, 11, 0, 100, 10);
        buy(2, 21, 1, 100, 4);

        List<ExecutionReport> reports = op(Op.CANCEL, 1, 0, 0);

        assertThat(reports).hasSize(1);
        ExecutionReport r = reports.get(0);
        assertThat(r.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(r.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(r.cancelReason()).isEqualTo(CancelReason.USER);
        assertThat(r.clientOrderId()).isEqualTo(11);
        assertThat(r.leavesQuantity()).isZero();
        assertThat(r.cumulativeQuantity()).isEqualTo(4);
        assertThat(r.averagePrice()).isEqualTo(100);
    }

    @Test
    void cancelReasonsOfIocRemainderSelfTradeAndKill() {
        sell(1, 11, 0, 100, 2);
        List<ExecutionReport> ioc = order(2, 21, 1, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 5);
        assertThat(ioc.get(ioc.size() - 1).cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(ioc.get(ioc.size() - 1).cumulativeQuantity()).isEqualTo(2);

        sell(3, 31, 2, 105, 2);
        List<ExecutionReport> self = buy(4, 41, 2, 105, 1);
        assertThat(self).filteredOn(r -> r.execType() == ExecType.CANCELED)
                .singleElement().satisfies(r -> {
                    assertThat(r.orderId()).isEqualTo(3);
                    assertThat(r.cancelReason()).isEqualTo(CancelReason.SELF_TRADE);
                });

        c.clear();
        c.op = Op.KILL;
        c.account = 2;
        c.instrument = Command.ANY;
        List<ExecutionReport> kill = send();
        assertThat(kill).singleElement().satisfies(r -> {
            assertThat(r.orderId()).isEqualTo(4);
            assertThat(r.clientOrderId()).isEqualTo(41);
            assertThat(r.cancelReason()).isEqualTo(CancelReason.KILL_SWITCH);
        });
    }

    @Test
    void replacesAndReducesAreReportedReplaced() {
        sell(1, 11, 0, 100, 10);
        buy(2, 21, 1, 100, 3);

        List<ExecutionReport> replace = op(Op.REPLACE, 1, 102, Command.UNCHANGED);
        List<ExecutionReport> reduce = op(Op.REDUCE, 1, 0, 2);

        assertThat(replace).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REPLACED);
            assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(r.leavesQuantity()).isEqualTo(7);
            assertThat(r.cumulativeQuantity()).isEqualTo(3);
            assertThat(r.averagePrice()).isEqualTo(100);
            assertThat(r.clientOrderId()).isEqualTo(11);
        });
        assertThat(reduce).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REPLACED);
            assertThat(r.leavesQuantity()).isEqualTo(5);
            assertThat(r.cumulativeQuantity()).isEqualTo(3);
        });
        sell(3, 31, 0, 110, 4);
        assertThat(op(Op.REPLACE, 3, Command.UNCHANGED, 6)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(OrderStatus.NEW);
            assertThat(r.leavesQuantity()).isEqualTo(6);
            assertThat(r.averagePrice()).isEqualTo(FixedPoint.NULL);
        });
    }

    @Test
    void anExpiredOrderIsReportedExpired() {
        c.clear();
        c.op = Op.NEW;
        c.orderId = 1;
        c.clientOrderId = 11;
        c.account = 0;
        c.instrument = 0;
        c.side = Side.BUY;
        c.type = OrderType.LIMIT;
        c.tif = TimeInForce.GTD;
        c.price = 100;
        c.qty = 5;
        c.expiry = T0 + 1_000;
        send();

        c.clear();
        c.op = Op.CLOCK;
        c.timestamp = T0 + 2_000;
        List<ExecutionReport> reports = send();

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.EXPIRED);
            assertThat(r.status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(r.cancelReason()).isEqualTo(CancelReason.EXPIRED);
            assertThat(r.leavesQuantity()).isZero();
            assertThat(r.clientOrderId()).isEqualTo(11);
        });
    }

    @Test
    void rejectsAreReportedWithReasonAndDetail() {
        c.clear();
        c.op = Op.SET_LIMITS;
        c.text = "default.maxOrderQty=5";
        assertThat(send()).isEmpty();

        List<ExecutionReport> risk = buy(1, 11, 0, 100, 6);
        List<ExecutionReport> tick = order(2, 21, 1, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 0, 1);

        assertThat(risk).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(r.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
            assertThat(r.text()).isEqualTo("risk limit (maxOrderQty: limit 5, would be 6)");
            assertThat(r.clientOrderId()).isEqualTo(11);
            assertThat(r.orderId()).isEqualTo(1);
            assertThat(r.leavesQuantity()).isZero();
        });
        assertThat(tick).singleElement().satisfies(r -> {
            assertThat(r.rejectReason()).isEqualTo(RejectReason.INVALID_ORDER);
            assertThat(r.account()).isEqualTo(BOB);
        });
    }

    @Test
    void eventsOnUnknownAccountsAreLeftOut() {
        sell(1, 11, 0, 100, 5);
        buy(2, 21, 1, 100, 2);

        assertThat(builder.reports(c, new Registry().view(), PUBLISH)).isEmpty();

        Command external = new Command();
        external.seq = ++seq;
        external.timestamp = T0 + seq;
        external.events.trade(7, 0, 0, Side.BUY, 8, Command.ANY, 100, 1, 0, 3, 1, 1);
        external.events.canceled(9, 5, 0, Side.SELL, 100, 1, CancelReason.USER);
        assertThat(builder.reports(external, engine.registry().view(), PUBLISH))
                .singleElement().satisfies(r -> {
                    assertThat(r.orderId()).isEqualTo(7);
                    assertThat(r.liquidity()).isEqualTo(Liquidity.TAKER);
                });
    }

    @Test
    void definitionCommandsHaveNoReports() {
        c.clear();
        Registry.encode(new Registry.InstrumentDef(5, "GAP", 1, 1, 1, 0, 0, 2, 0, 0, 0), c);

        assertThat(send()).isEmpty();
        assertThat(c.rejected()).isTrue();
    }

    @Test
    void execIdsStayUniqueWhenOneCommandHasMoreThan65536Reports() {
        int resting = 70_000;
        Set<Long> execIds = new HashSet<>();
        for (int i = 1; i <= resting; i++) {
            addAll(execIds, sell(i, i, 0, 100 + i % 50, 1));
        }
        addAll(execIds, buy(resting + 1, 1, 1, 90, 1));

        List<ExecutionReport> sweep = order(resting + 2, 2, 1, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 200,
                40_000);
        assertThat(sweep).hasSize(1 + 2 * 40_000);
        addAll(execIds, sweep);

        c.clear();
        c.op = Op.KILL;
        c.account = Command.ANY;
        c.instrument = Command.ANY;
        List<ExecutionReport> kill = send();
        assertThat(kill).hasSize(resting - 40_000 + 1);
        addAll(execIds, kill);
        c.clear();
        c.op = Op.SET_TRADING_STATE;
        c.account = Command.ANY;
        c.instrument = Command.ANY;
        send();
        addAll(execIds, buy(resting + 3, 3, 1, 90, 1));
        addAll(execIds, buy(resting + 4, 4, 1, 90, 1));
    }

    private static void addAll(Set<Long> execIds, List<ExecutionReport> reports) {
        for (ExecutionReport r : reports) {
            if (!execIds.add(r.execId())) {
                throw new AssertionError("duplicate exec id " + r.execId() + " in " + r);
            }
        }
    }

    @Test
    void everyEventOfARandomStreamMakesValidConsistentReports() {
        long seed = 20_240_611;
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, Long> cumulative = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        OrderType[] types = OrderType.values();
        TimeInForce[] tifs = TimeInForce.values();
        long reports = 0;
        for (int n = 0; n < 20_000; n++) {
            int r = random.nextInt(100);
            c.clear();
            c.timestamp = T0 + n * 1_000_000L;
            if (r < 45 || ids.isEmpty()) {
                long id = ids.size() + 1L + n * 7L;
                ids.add(id);
                c.op = Op.NEW;
                c.orderId = id;
                c.clientOrderId = random.nextInt(3) == 0 ? 0 : id + 1_000_000;
                c.account = random.nextInt(3);
                c.instrument = 0;
                c.side = random.nextBoolean() ? Side.BUY : Side.SELL;
                c.type = types[random.nextInt(10) < 7 ? 1 : random.nextInt(types.length)];
                c.tif = tifs[random.nextInt(tifs.length)];
                c.price = 95 + random.nextInt(11);
                c.stopPrice = 95 + random.nextInt(11);
                c.qty = 1 + random.nextInt(20);
                c.displayQty = random.nextInt(6) == 0 ? 1 + random.nextInt((int) c.qty) : 0;
                c.expiry = c.tif == TimeInForce.GTD ? c.timestamp + random.nextInt(50) * 1_000_000L : 0;
                c.flags = random.nextInt(20) == 0 ? OrderFlags.POST_ONLY : 0;
            } else {
                long id = ids.get(random.nextInt(ids.size()));
                c.orderId = id;
                if (r < 60) {
                    c.op = Op.CANCEL;
                } else if (r < 80) {
                    c.op = Op.REPLACE;
                    c.price = random.nextBoolean() ? Command.UNCHANGED : 95 + random.nextInt(11);
                    c.qty = random.nextBoolean() ? Command.UNCHANGED : 1 + random.nextInt(20);
                } else if (r < 92) {
                    c.op = Op.REDUCE;
                    c.qty = 1 + random.nextInt(5);
                } else if (r < 97) {
                    c.op = Op.CLOCK;
                    c.flags = random.nextInt(4) == 0 ? Op.CLOCK_END_OF_DAY : 0;
                } else {
                    c.op = Op.MARK;
                    c.instrument = 0;
                    c.price = 95 + random.nextInt(11);
                }
            }
            List<ExecutionReport> list;
            try {
                list = send();
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", command " + n + ": " + c, e);
            }
            for (ExecutionReport report : list) {
                reports++;
                long before = cumulative.getOrDefault(report.orderId(), 0L);
                if (report.isFill()) {
                    assertThat(report.cumulativeQuantity())
                            .as("seed %d, command %d: cumulative of %s", seed, n, report)
                            .isEqualTo(before + report.lastQuantity());
                } else if (report.execType() != ExecType.REJECTED) {
                    assertThat(report.cumulativeQuantity())
                            .as("seed %d, command %d: cumulative of %s", seed, n, report).isEqualTo(before);
                }
                if (report.execType() != ExecType.REJECTED) {
                    cumulative.put(report.orderId(), report.cumulativeQuantity());
                }
            }
        }
        assertThat(reports).isGreaterThan(20_000);
    }
}
