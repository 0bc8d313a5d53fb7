package io.nautilus.venue.fix;

import quickfix.Application;
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
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A real QuickFIX/J acceptor on 127.0.0.1 playing the venue; the test decides every answer. */
final class TestVenue implements Application, AutoCloseable {

    static final String VENUE_COMP_ID = "VENUE";
    static final String OUR_COMP_ID = "NAUTILUS";

    final String beginString;
    final SessionID sessionId;
    final int port;
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> sessionRejects = new LinkedBlockingQueue<>();
    private final SocketAcceptor acceptor;
    private final AtomicInteger execIds = new AtomicInteger();

    TestVenue(String beginString) throws Exception {
        this.beginString = beginString;
        this.sessionId = new SessionID(beginString, VENUE_COMP_ID, OUR_COMP_ID);
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

    void send(Message message) throws SessionNotFound {
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

    @Override
    public void toApp(Message message, SessionID id) {
    }

    @Override
    public void fromApp(Message message, SessionID id) {
        received.add(message);
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }
}
