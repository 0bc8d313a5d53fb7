package io.nautilus.venue.fix;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway against a real QuickFIX/J acceptor playing the venue, in FIX 4.2 and FIX 4.4. */
class FixVenueGatewayTest {

    private static final InstrumentId ACME = InstrumentId.of("SIM-ACME");
    private static final AccountId ACCOUNT = AccountId.of("desk-1");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private TestVenue venue;
    private FixVenueGateway gateway;
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private final List<String> listenerThreads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.close();
        }
    }

    private void start(String beginString) throws Exception {
        venue = new TestVenue(beginString);
        gateway = newGateway();
        gateway.connect();
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON);
    }

    private FixVenueGateway newGateway() {
        FixVenueSettings settings = FixVenueSettings.parse(Map.of("venue.id", "TEST-FIX", "begin.string",
                venue.beginString, "host", "127.0.0.1", "port", String.valueOf(venue.port), "sender.comp.id",
                TestVenue.OUR_COMP_ID, "target.comp.id", TestVenue.VENUE_COMP_ID, "reconnect.interval", "1",
                "logout.timeout.seconds", "1", "store.path", dir.resolve("store").toString()), null);
        FixVenueGateway created = new FixVenueGateway(settings,
                id -> id.equals(ACME) ? new InstrumentScales.Scales(2, 0) : null);
        created.setListener(report -> {
            listenerThreads.add(Thread.currentThread().getName());
            reports.add(report);
        });
        created.setStateListener((v, from, to, reason) -> {
            listenerThreads.add(Thread.currentThread().getName());
            states.add(from + "->" + to);
        });
        return created;
    }

    private static long price(String text) {
        return FixedPoint.parse(text, 2);
    }

    private Message sendBuy(long clOrdId, long quantity, String limit) throws Exception {
        assertThat(gateway.sendNew(NewOrder.limit(clOrdId, ACCOUNT, null, ACME, Side.BUY, price(limit), quantity)))
                .isTrue();
        return venue.next("D");
    }

    private ExecutionReport awaitReport(int count) {
        await().atMost(WAIT).until(() -> reports.size() >= count);
        return reports.get(count - 1);
    }

    private void ack(long clOrdId, String quantity) throws Exception {
        venue.send(venue.report(String.valueOf(clOrdId), null, '0', '0', "SIM-ACME", '1', quantity, "0", "0", null,
                null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void newOrderIsAckedAndFilledInTwoPartialFills(String beginString) throws Exception {
        start(beginString);
        Message order = sendBuy(11, 100, "101.50");
        assertThat(order.getString(11)).isEqualTo("11");
        assertThat(order.getString(55)).isEqualTo("SIM-ACME");
        assertThat(order.getDecimal(44)).isEqualByComparingTo("101.50");
        assertThat(order.getDecimal(38)).isEqualByComparingTo("100");
        assertThat(order.getString(1)).isEqualTo("desk-1");

        ack(11, "100");
        venue.send(venue.report("11", null, 'F', '1', "SIM-ACME", '1', "60", "40", "101.25", "40", "101.25"));
        venue.send(venue.report("11", null, 'F', '2', "SIM-ACME", '1', "0", "100", "101.40", "60", "101.50"));

        ExecutionReport ack = awaitReport(1);
        assertThat(ack.execType()).isEqualTo(ExecType.NEW);
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(ack.leavesQuantity()).isEqualTo(100);
        assertThat(ack.orderId()).isEqualTo(90011);
        assertThat(ack.venue().value()).isEqualTo("TEST-FIX");
        ExecutionReport first = awaitReport(2);
        assertThat(first.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(first.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(first.lastQuantity()).isEqualTo(40);
        assertThat(first.lastPrice()).isEqualTo(10125);
        assertThat(first.leavesQuantity()).isEqualTo(60);
        ExecutionReport last = awaitReport(3);
        assertThat(last.execType()).isEqualTo(ExecType.FILL);
        assertThat(last.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(last.lastPrice()).isEqualTo(10150);
        assertThat(last.cumulativeQuantity()).isEqualTo(100);
        assertThat(last.averagePrice()).isEqualTo(10140);
        assertThat(listenerThreads).as("listeners run on the gateway's session thread only")
                .containsOnly("nautilus-venue-fix-TEST-FIX-session");
        assertThat(last.execId()).isGreaterThan(first.execId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void venueRejectOfNewOrderIsRejected(String beginString) throws Exception {
        start(beginString);
        sendBuy(12, 100, "101.50");
        Message reject = venue.report("12", null, '8', '8', "SIM-ACME", '1', "0", "0", "0", null, null);
        reject.setInt(103, 3);
        reject.setString(58, "exceeds limit");
        venue.send(reject);

        ExecutionReport report = awaitReport(1);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(report.text()).isEqualTo("exceeds limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void cancelIsAccepted(String beginString) throws Exception {
        start(beginString);
        sendBuy(21, 100, "101.50");
        ack(21, "100");
        awaitReport(1);

        assertThat(gateway.sendCancel(new CancelOrder(22, 21, ACCOUNT, ACME))).isTrue();
        Message cancel = venue.next("F");
        assertThat(cancel.getString(41)).isEqualTo("21");
        assertThat(cancel.getString(11)).isEqualTo("22");
        assertThat(cancel.getChar(54)).isEqualTo('1');
        venue.send(venue.report("22", "21", '4', '4', "SIM-ACME", '1', "0", "0", "0", null, null));

        ExecutionReport canceled = awaitReport(2);
        assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.clientOrderId()).isEqualTo(22);
        assertThat(canceled.origClientOrderId()).isEqualTo(21);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.USER);
        assertThat(canceled.leavesQuantity()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void refusedCancelIsRejectedAndTheOrderStaysAsItWas(String beginString) throws Exception {
        start(beginString);
        sendBuy(31, 100, "101.50");
        ack(31, "100");
        venue.send(venue.report("31", null, 'F', '1', "SIM-ACME", '1', "70", "30", "101.50", "30", "101.50"));
        awaitReport(2);

        assertThat(gateway.sendCancel(new CancelOrder(32, 31, ACCOUNT, ACME))).isTrue();
        venue.next("F");
        venue.send(venue.cancelReject("32", "31", '1', '1', 0));

        ExecutionReport refused = awaitReport(3);
        assertThat(refused.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(refused.clientOrderId()).isEqualTo(32);
        assertThat(refused.origClientOrderId()).isEqualTo(31);
        assertThat(refused.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.ORDER_FINISHED);
        assertThat(refused.leavesQuantity()).isEqualTo(70);
        assertThat(refused.cumulativeQuantity()).isEqualTo(30);
        assertThat(refused.averagePrice()).isEqualTo(10150);
        assertThat(gateway.stats().cancelRejectsReceived()).isEqualTo(1);

        // the order still works: a later fill is mapped against it
        venue.send(venue.report("31", null, 'F', '2', "SIM-ACME", '1', "0", "100", "101.50", "70", "101.50"));
        assertThat(awaitReport(4).status()).isEqualTo(OrderStatus.FILLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void replaceChangesPriceAndLaterFillsUseTheNewId(String beginString) throws Exception {
        start(beginString);
        sendBuy(41, 100, "101.50");
        ack(41, "100");
        awaitReport(1);

        assertThat(gateway.sendReplace(new ReplaceOrder(42, 41, ACCOUNT, ACME, price("101.75"), 0))).isTrue();
        Message replace = venue.next("G");
        assertThat(replace.getString(41)).isEqualTo("41");
        assertThat(replace.getDecimal(44)).isEqualByComparingTo("101.75");
        assertThat(replace.getDecimal(38)).isEqualByComparingTo("100");
        assertThat(replace.getChar(40)).isEqualTo('2');
        venue.send(venue.report("42", "41", '5', '0', "SIM-ACME", '1', "100", "0", "0", null, null));

        ExecutionReport replaced = awaitReport(2);
        assertThat(replaced.execType()).isEqualTo(ExecType.REPLACED);
        assertThat(replaced.clientOrderId()).isEqualTo(42);
        assertThat(replaced.origClientOrderId()).isEqualTo(41);
        assertThat(replaced.status()).isEqualTo(OrderStatus.NEW);

        // a cancel now names the replaced order by its new id and repeats its new terms
        assertThat(gateway.sendCancel(new CancelOrder(43, 42, ACCOUNT, ACME))).isTrue();
        assertThat(venue.next("F").getString(41)).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void orderStatusRequestIsAnswered(String beginString) throws Exception {
        start(beginString);
        sendBuy(51, 100, "101.50");
        ack(51, "100");
        awaitReport(1);

        assertThat(gateway.requestStatus(new OrderStatusQuery(51, ACCOUNT, ACME, Side.BUY))).isTrue();
        Message request = venue.next("H");
        assertThat(request.getString(11)).isEqualTo("51");
        venue.send(venue.report("51", null, 'I', '1', "SIM-ACME", '1', "75", "25", "101.50", null, null));

        ExecutionReport status = awaitReport(2);
        assertThat(status.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(status.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(status.cumulativeQuantity()).isEqualTo(25);
        assertThat(status.leavesQuantity()).isEqualTo(75);
        assertThat(status.averagePrice()).isEqualTo(10150);
        assertThat(status.lastQuantity()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void statusAnswerForAnOrderTheVenueDoesNotKnowIsARejectedStatusWithTheReason(String beginString)
            throws Exception {
        start(beginString);
        assertThat(gateway.requestStatus(new OrderStatusQuery(55, ACCOUNT, ACME, Side.BUY))).isTrue();
        venue.next("H");
        Message unknown = venue.report("55", null, 'I', '8', "SIM-ACME", '1', "0", "0", "0", null, null);
        unknown.setInt(103, 5);
        unknown.setString(58, "no such order");
        venue.send(unknown);

        ExecutionReport status = awaitReport(1);
        assertThat(status.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(status.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(status.text()).isEqualTo("unknown order: no such order");
        assertThat(status.cumulativeQuantity()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void fillMissedWhileDisconnectedArrivesExactlyOnceAfterTheReconnect(String beginString) throws Exception {
        start(beginString);
        sendBuy(61, 100, "101.50");
        ack(61, "100");
        awaitReport(1);

        venue.drop();
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.DOWN);
        assertThat(venue.loggedOn()).isFalse();
        assertThat(gateway.sendNew(NewOrder.limit(62, ACCOUNT, null, ACME, Side.BUY, price("101"), 1))).isFalse();
        // the venue fills while we are away: stored under its next sequence number, resent on our resend request
        venue.send(venue.report("61", null, 'F', '2', "SIM-ACME", '1', "0", "100", "101.50", "100", "101.50"));

        ExecutionReport fill = awaitReport(2);
        assertThat(fill.execType()).isEqualTo(ExecType.FILL);
        assertThat(fill.clientOrderId()).isEqualTo(61);
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON);
        await().atMost(WAIT).untilAsserted(() -> assertThat(states).contains("LOGGED_ON->DOWN", "DOWN->CONNECTED",
                "CONNECTED->LOGGED_ON"));

        // a round trip after the resend: everything before it has been processed, and the fill came once
        assertThat(gateway.requestStatus(new OrderStatusQuery(61, ACCOUNT, ACME, Side.BUY))).isTrue();
        venue.next("H");
        venue.send(venue.report("61", null, 'I', '2', "SIM-ACME", '1', "0", "100", "101.50", null, null));
        awaitReport(3);
        assertThat(reports).filteredOn(ExecutionReport::isFill).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void aFillSentAgainWithTheSameExecIdIsDeliveredOnce(String beginString) throws Exception {
        start(beginString);
        sendBuy(65, 100, "101.50");
        ack(65, "100");
        Message fill = venue.report("65", null, 'F', '1', "SIM-ACME", '1', "60", "40", "101.50", "40", "101.50");
        venue.send(fill);
        awaitReport(2);

        Message again = venue.report("65", null, 'F', '1', "SIM-ACME", '1', "60", "40", "101.50", "40", "101.50");
        again.setString(17, fill.getString(17));
        again.getHeader().setBoolean(97, true);      // PossResend
        venue.send(again);
        venue.send(venue.report("65", null, 'F', '2', "SIM-ACME", '1', "0", "100", "101.50", "60", "101.50"));

        assertThat(awaitReport(3).cumulativeQuantity()).isEqualTo(100);
        assertThat(reports).filteredOn(ExecutionReport::isFill).extracting(ExecutionReport::lastQuantity)
                .containsExactly(40L, 60L);
        assertThat(gateway.stats().duplicateFillsDropped()).isEqualTo(1);
    }

    @Test
    void restartedGatewayRecoversTheMissedFillFromItsFileStore() throws Exception {
        start("FIX.4.4");
        sendBuy(71, 100, "101.50");
        ack(71, "100");
        awaitReport(1);
        long targetSeqNum = gateway.sessionInfo().nextTargetSeqNum();
        gateway.close();
        await().atMost(WAIT).until(() -> !venue.loggedOn());

        venue.send(venue.report("71", null, 'F', '2', "SIM-ACME", '1', "0", "100", "101.50", "100", "101.50"));
        gateway = newGateway();
        gateway.connect();

        ExecutionReport fill = awaitReport(2);
        assertThat(fill.execType()).isEqualTo(ExecType.FILL);
        assertThat(fill.clientOrderId()).isEqualTo(71);
        assertThat(fill.account()).isEqualTo(ACCOUNT);
        await().atMost(WAIT).until(() -> gateway.sessionInfo().nextTargetSeqNum() > targetSeqNum + 1);
        assertThat(reports).filteredOn(ExecutionReport::isFill).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void invalidMessageIsRejectedAtSessionLevelAndTheSessionAndOrderSurvive(String beginString) throws Exception {
        start(beginString);
        sendBuy(81, 100, "101.50");
        ack(81, "100");
        awaitReport(1);

        Message missingStatus = venue.report("81", null, 'F', '1', "SIM-ACME", '1', "60", "40", "101.50", "40",
                "101.50");
        missingStatus.removeField(39);
        venue.send(missingStatus);
        Message contradiction = venue.report("81", null, 'F', '2', "SIM-ACME", '1', "60", "40", "101.50", "40",
                "101.50");
        venue.send(contradiction);       // valid FIX, but "filled" with 60 still working

        await().atMost(WAIT).until(() -> venue.sessionRejects.size() == 2);
        assertThat(gateway.stats().sessionRejectsSent()).isEqualTo(2);
        assertThat(gateway.stats().reportsRejected()).isEqualTo(1);
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
        assertThat(reports).hasSize(1);

        venue.send(venue.report("81", null, 'F', '1', "SIM-ACME", '1', "60", "40", "101.50", "40", "101.50"));
        ExecutionReport fill = awaitReport(2);
        assertThat(fill.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(fill.leavesQuantity()).isEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void businessRejectOfNewOrderIsRejected(String beginString) throws Exception {
        start(beginString);
        Message order = sendBuy(91, 100, "101.50");
        venue.send(venue.businessReject(order.getHeader().getInt(34), "D", "91"));

        ExecutionReport report = awaitReport(1);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.VENUE_REJECT);
        assertThat(report.text()).contains("application not available");
        assertThat(gateway.stats().businessRejectsReceived()).isEqualTo(1);
    }

    @Test
    void sessionRejectOfOurReplaceIsRejectedWithTheOrderUnchanged() throws Exception {
        start("FIX.4.4");
        sendBuy(101, 100, "101.50");
        ack(101, "100");
        awaitReport(1);
        assertThat(gateway.sendReplace(new ReplaceOrder(102, 101, ACCOUNT, ACME, FixedPoint.NULL, 50))).isTrue();
        Message replace = venue.next("G");
        Message reject = new Message();
        reject.getHeader().setString(35, "3");
        reject.setInt(45, replace.getHeader().getInt(34));
        reject.setString(58, "no replaces today");
        venue.send(reject);

        ExecutionReport report = awaitReport(2);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.clientOrderId()).isEqualTo(102);
        assertThat(report.origClientOrderId()).isEqualTo(101);
        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(report.leavesQuantity()).isEqualTo(100);
        assertThat(gateway.stats().sessionRejectsReceived()).isEqualTo(1);
    }

    @Test
    void disconnectStaysDownUntilConnectAndSessionInfoShowsSequenceNumbers() throws Exception {
        start("FIX.4.4");
        assertThat(gateway.sessionInfo().nextSenderSeqNum()).isEqualTo(2);   // after our Logon
        assertThat(gateway.sessionInfo().nextTargetSeqNum()).isEqualTo(2);
        assertThat(gateway.sessionInfo().detail()).contains("FIX.4.4:NAUTILUS->VENUE", "127.0.0.1");

        gateway.disconnect("operator");
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.DOWN);
        // for longer than the reconnect interval: a disabled session must not log on again
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> gateway.state() == ConnectionState.DOWN);
        assertThat(gateway.sendNew(NewOrder.limit(1, ACCOUNT, null, ACME, Side.BUY, price("1"), 1))).isFalse();

        gateway.connect();
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON);
        await().atMost(WAIT).untilAsserted(() -> assertThat(states).startsWith("DOWN->CONNECTED",
                "CONNECTED->LOGGED_ON").contains("LOGGED_ON->DOWN").endsWith("CONNECTED->LOGGED_ON"));
        assertThat(gateway.sessionInfo().nextSenderSeqNum()).isGreaterThan(2);
    }

    @Test
    void decimalsConvertExactly() {
        assertThat(FixCodes.price(new BigDecimal("101.405"), 2)).isEqualTo(10140);   // average: half even
        assertThat(FixCodes.quantity(new BigDecimal("100.000"), 0)).isEqualTo(100);
        assertThat(FixCodes.clientOrderId("12x")).isZero();
        assertThat(FixCodes.clientOrderId("99999999999999999999")).isZero();
    }
}
