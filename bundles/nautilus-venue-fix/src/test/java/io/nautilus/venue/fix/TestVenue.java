package io.nautilus.venue.fix;

import quickfix.Application;
import quickfix.DoNotSend;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MsgType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real QuickFIX/J acceptor on 127.0.0.1 playing the venue; the test decides every answer. With {@link #keepBook}
 * it also keeps a book of the orders it received and answers OrderStatusRequests from it (unknown orders with
 * OrdStatus=Rejected, OrdRejReason=UNKNOWN_ORDER); it can open outbound sequence gaps ({@link #skipNextSeqNum},
 * {@link #withhold}).
 */
final class TestVenue implements Application, AutoCloseable {

    static final String VENUE_COMP_ID = "VENUE";
    static final String OUR_COMP_ID = "NAUTILUS";

    final String beginString;
    final String venueCompId;
    final String ourCompId;
    final SessionID sessionId;
    final int port;
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> sessionRejects = new LinkedBlockingQueue<>();
    /** The venue's view of the orders it received, by ClOrdID, while {@link #keepBook} is on. */
    final Map<String, Booked> book = new ConcurrentHashMap<>();
    private final SocketAcceptor acceptor;
    private final AtomicInteger execIds = new AtomicInteger();
    private final AtomicReference<Message> gap = new AtomicReference<>();
    private volatile boolean keepBook;

    /** One order in the venue's book. */
    static final class Booked {
        final String clOrdId;
        final String symbol;
        final char side;
        final long quantity;
        long cum;
        BigDecimal notional = BigDecimal.ZERO;
        char status = '0';

        Booked(String clOrdId, String symbol, char side, long quantity) {
            this.clOrdId = clOrdId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
        }

        long leaves() {
            return status == '2' || status == '4' ? 0 : quantity - cum;
        }

        String averagePrice() {
            return cum == 0 ? "0" : notional.divide(BigDecimal.valueOf(cum), 4, RoundingMode.HALF_EVEN)
                    .toPlainString();
        }
    }

    TestVenue(String beginString) throws Exception {
        this(beginString, VENUE_COMP_ID, OUR_COMP_ID);
    }

    /**
     * A venue with its own comp ids (QuickFIX/J keeps one session per session id in the JVM: tests running at the
     * same time need different ones).
     */
    TestVenue(String beginString, String venueCompId, String ourCompId) throws Exception {
        this.beginString = beginString;
        this.venueCompId = venueCompId;
        this.ourCompId = ourCompId;
        this.sessionId = new SessionID(beginString, venueCompId, ourCompId);
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "acceptor");
        settings.setString(sessionId, "SocketAcceptAddress", "127.0.0.1");
        settings.setLong(sessionId, "SocketAcceptPort", port);
        settings.setBool(sessionId, "NonStopSession", true);
        settings.setBool(sessionId, "UseDataDictionary", true);
        settings.setString(sessionId, "DataDictionary", beginString.equals("FIX.4.2") ? "FIX42.xml" : "FIX44.xml");
        acceptor = new SocketAcceptor(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        acceptor.start();
    }

    /** Books every order received from now on and answers status requests from the book. */
    void keepBook() {
        keepBook = true;
    }

    /** Acknowledges a booked order. */
    synchronized void ackBooked(String clOrdId) throws SessionNotFound {
        Booked order = book.get(clOrdId);
        send(report(clOrdId, null, '0', order.status, order.symbol, order.side, Long.toString(order.leaves()),
                Long.toString(order.cum), order.averagePrice(), null, null));
    }

    /**
     * Fills a booked order at the venue and builds the report; sends it unless told not to.
     *
     * @param send false to keep the report (a venue that reports the fill later, or never)
     * @return the fill report
     */
    synchronized Message fillBooked(String clOrdId, long quantity, String price, boolean send)
            throws SessionNotFound {
        Booked order = book.get(clOrdId);
        order.cum += quantity;
        order.notional = order.notional.add(new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)));
        order.status = order.cum == order.quantity ? '2' : '1';
        Message fill = report(clOrdId, null, 'F', order.status, order.symbol, order.side,
                Long.toString(order.leaves()), Long.toString(order.cum), order.averagePrice(),
                Long.toString(quantity), price);
        if (send) {
            send(fill);
        }
        return fill;
    }

    /** The venue's answer to a status request: from the book, or "unknown order". */
    private synchronized void answerStatus(Message request) throws FieldNotFound, SessionNotFound {
        String clOrdId = request.getString(11);
        Booked order = book.get(clOrdId);
        Message answer;
        if (order == null) {
            answer = report(clOrdId, null, 'I', '8', request.getString(55), request.getChar(54), "0", "0", "0",
                    null, null);
            answer.setInt(103, 5);      // OrdRejReason UNKNOWN_ORDER
            answer.setString(58, "unknown order");
        } else {
            answer = report(clOrdId, null, 'I', order.status, order.symbol, order.side,
                    Long.toString(order.leaves()), Long.toString(order.cum), order.averagePrice(), null, null);
        }
        send(answer);
    }

    /** The next application message goes out one sequence number later: the number before it is never sent. */
    void skipNextSeqNum() {
        gap.set(new Message());
    }

    /**
     * Stores the message under the next sequence number without sending it: it arrives only when the gateway asks
     * for a resend (PossDupFlag=Y), after the next application message showed it the gap.
     */
    void withhold(Message message) {
        gap.set(message);
    }

    boolean fix42() {
        return beginString.equals("FIX.4.2");
    }

    /** The next application message from the gateway, which must be of the type. */
    Message next(String msgType) throws Exception {
        Message message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a %s from the gateway within 10 s", msgType).isNotNull();
        assertThat(message.getHeader().getString(MsgType.FIELD)).isEqualTo(msgType);
        return message;
    }

    synchronized void send(Message message) throws SessionNotFound {
        Session.sendToTarget(message, sessionId);
    }

    boolean loggedOn() {
        Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    void drop() throws IOException {
        Session.lookupSession(sessionId).disconnect("test: venue drops the connection", false);
    }

    /**
     * An ExecutionReport in this session's version.
     *
     * @param execType the FIX 4.4 ExecType (F for a trade, I for a status); translated for FIX 4.2
     */
    Message report(String clOrdId, String origClOrdId, char execType, char ordStatus, String symbol, char side,
                   String leaves, String cum, String avgPx, String lastQty, String lastPx) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        m.setString(37, "900" + clOrdId.replace("-", ""));
        m.setString(17, "E" + execIds.incrementAndGet());
        m.setString(11, clOrdId);
        if (origClOrdId != null) {
            m.setString(41, origClOrdId);
        }
        if (fix42()) {
            m.setChar(20, execType == 'I' ? '3' : '0');
            m.setChar(150, execType == 'F' ? (leaves.equals("0") ? '2' : '1') : execType == 'I' ? ordStatus : execType);
        } else {
            m.setChar(150, execType);
        }
        m.setChar(39, ordStatus);
        m.setString(1, "desk-1");       // venues echo the order's Account
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setString(151, leaves);
        m.setString(14, cum);
        m.setString(6, avgPx);
        if (lastQty != null) {
            m.setString(32, lastQty);
            m.setString(31, lastPx);
        }
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        return m;
    }

    Message cancelReject(String clOrdId, String origClOrdId, char ordStatus, char responseTo, int reason) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REJECT);
        m.setString(37, "900" + origClOrdId);
        m.setString(11, clOrdId);
        m.setString(41, origClOrdId);
        m.setChar(39, ordStatus);
        m.setChar(434, responseTo);
        m.setInt(102, reason);
        m.setString(58, "too late");
        return m;
    }

    Message businessReject(int refSeqNum, String refMsgType, String refId) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, MsgType.BUSINESS_MESSAGE_REJECT);
        m.setInt(45, refSeqNum);
        m.setString(372, refMsgType);
        m.setString(379, refId);
        m.setInt(380, 4);
        m.setString(58, "application not available");
        return m;
    }

    @Override
    public void onCreate(SessionID id) {
    }

    @Override
    public void onLogon(SessionID id) {
    }

    @Override
    public void onLogout(SessionID id) {
    }

    @Override
    public void toAdmin(Message message, SessionID id) {
    }

    @Override
    public void fromAdmin(Message message, SessionID id) throws FieldNotFound {
        if (message.getHeader().getString(MsgType.FIELD).equals(MsgType.REJECT)) {
            sessionRejects.add(message);
        }
    }

    /** Opens the gap asked for, if any, before this message (called with the session's sender lock held). */
    @Override
    public void toApp(Message message, SessionID id) throws DoNotSend {
        try {
            if (message.getHeader().isSetField(43) && message.getHeader().getBoolean(43)) {
                return;                 // a resend
            }
            Message withheld = gap.getAndSet(null);
            if (withheld == null) {
                return;
            }
            Session session = Session.lookupSession(id);
            int seqNum = message.getHeader().getInt(34);
            if (withheld.getHeader().isSetField(MsgType.FIELD)) {
                withheld.getHeader().setString(8, beginString);
                withheld.getHeader().setString(49, venueCompId);
                withheld.getHeader().setString(56, ourCompId);
                withheld.getHeader().setInt(34, seqNum);
                withheld.getHeader().setUtcTimeStamp(52, LocalDateTime.now(ZoneOffset.UTC), true);
                session.getStore().set(seqNum, withheld.toString());
            }
            session.getStore().setNextSenderMsgSeqNum(seqNum + 1);
            message.getHeader().setInt(34, seqNum + 1);
        } catch (FieldNotFound | IOException e) {
            throw new IllegalStateException("test venue: cannot open the gap", e);
        }
    }

    @Override
    public void fromApp(Message message, SessionID id) throws FieldNotFound {
        String type = message.getHeader().getString(MsgType.FIELD);
        if (keepBook && type.equals(MsgType.ORDER_SINGLE)) {
            String clOrdId = message.getString(11);
            book.put(clOrdId, new Booked(clOrdId, message.getString(55), message.getChar(54),
                    message.getDecimal(38).longValueExact()));
        }
        if (keepBook && type.equals(MsgType.ORDER_STATUS_REQUEST)) {
            try {
                answerStatus(message);
            } catch (SessionNotFound e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        received.add(message);
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }
}
