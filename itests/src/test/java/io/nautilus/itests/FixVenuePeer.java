package io.nautilus.itests;

import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MsgType;

import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real QuickFIX/J FIX 4.4 acceptor on 127.0.0.1 playing a venue that fills every limit order at once and in full at
 * its limit price (except an order of {@value #REJECTED_QUANTITY}, which it rejects with {@link #REJECT_TEXT}),
 * answers order status requests and cancels. Runs inside the container (QuickFIX/J comes from the
 * io.nautilus.camel bundle's exports).
 */
final class FixVenuePeer implements Application, AutoCloseable {

    static final String VENUE_COMP_ID = "XFIX";
    static final String OUR_COMP_ID = "NAUTILUS";
    /** The order quantity the venue rejects. */
    static final String REJECTED_QUANTITY = "4321";
    /** The Text(58) of its reject. */
    static final String REJECT_TEXT = "itest venue: no liquidity for this size";

    final int port;
    final SessionID sessionId = new SessionID("FIX.4.4", VENUE_COMP_ID, OUR_COMP_ID);
    final AtomicInteger newOrders = new AtomicInteger();
    private final SocketAcceptor acceptor;
    private final AtomicInteger execIds = new AtomicInteger();
    private final Map<String, String[]> orders = new ConcurrentHashMap<>();

    FixVenuePeer() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "acceptor");
        settings.setString(sessionId, "SocketAcceptAddress", "127.0.0.1");
        settings.setLong(sessionId, "SocketAcceptPort", port);
        settings.setBool(sessionId, "NonStopSession", true);
        settings.setBool(sessionId, "UseDataDictionary", true);
        settings.setString(sessionId, "DataDictionary", "FIX44.xml");
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
        try {
            acceptor = new SocketAcceptor(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                    new DefaultMessageFactory());
            acceptor.start();
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }

    @Override
    public void fromApp(Message message, SessionID id) throws FieldNotFound {
        String type = message.getHeader().getString(MsgType.FIELD);
        try {
            switch (type) {
                case MsgType.ORDER_SINGLE -> {
                    newOrders.incrementAndGet();
                    String clOrdId = message.getString(11);
                    String qty = message.getString(38);
                    String px = message.getString(44);
                    orders.put(clOrdId, new String[] {message.getString(55), String.valueOf(message.getChar(54)), qty,
                        px, message.isSetField(1) ? message.getString(1) : ""});
                    if (REJECTED_QUANTITY.equals(qty)) {
                        Message reject = report(clOrdId, null, '8', '8', "0", "0", "0", null, null);
                        reject.setInt(103, 0);
                        reject.setString(58, REJECT_TEXT);
                        Session.sendToTarget(reject, sessionId);
                    } else {
                        Session.sendToTarget(report(clOrdId, null, '0', '0', "0", qty, "0", null, null), sessionId);
                        Session.sendToTarget(report(clOrdId, null, 'F', '2', qty, "0", px, qty, px), sessionId);
                    }
                }
                case MsgType.ORDER_STATUS_REQUEST -> {
                    String clOrdId = message.getString(11);
                    String[] o = orders.get(clOrdId);
                    if (o == null) {
                        Message unknown = report(clOrdId, null, 'I', '8', "0", "0", "0", null, null);
                        unknown.setString(55, message.getString(55));
                        unknown.setChar(54, message.getChar(54));
                        unknown.setInt(103, 5);
                        Session.sendToTarget(unknown, sessionId);
                    } else {
                        Session.sendToTarget(report(clOrdId, null, 'I', '2', o[2], "0", o[3], null, null), sessionId);
                    }
                }
                default -> {
                    // cancels and replaces: every order is already filled
                }
            }
        } catch (quickfix.SessionNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    private Message report(String clOrdId, String origClOrdId, char execType, char ordStatus, String cum,
                           String leaves, String avgPx, String lastQty, String lastPx) {
        String[] o = orders.get(clOrdId);
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        m.setString(37, "X" + clOrdId);
        m.setString(17, "XE" + execIds.incrementAndGet());
        m.setString(11, clOrdId);
        if (origClOrdId != null) {
            m.setString(41, origClOrdId);
        }
        m.setChar(150, execType);
        m.setChar(39, ordStatus);
        if (o != null) {
            if (!o[4].isEmpty()) {
                m.setString(1, o[4]);
            }
            m.setString(55, o[0]);
            m.setChar(54, o[1].charAt(0));
        }
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
    public void fromAdmin(Message message, SessionID id) {
    }

    @Override
    public void toApp(Message message, SessionID id) {
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }
}
