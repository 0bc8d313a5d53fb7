package io.nautilus.venue.fix;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueSession;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.MessageCracker;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SessionStateListener;
import quickfix.SocketInitiator;
import quickfix.UnsupportedMessageType;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecInst;
import quickfix.field.ExecTransType;
import quickfix.field.ExpireTime;
import quickfix.field.HandlInst;
import quickfix.field.LastLiquidityInd;
import quickfix.field.LastPx;
import quickfix.field.LastShares;
import quickfix.field.LeavesQty;
import quickfix.field.MaxFloor;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.PossDupFlag;
import quickfix.field.Price;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.SendingTime;
import quickfix.field.SessionRejectReason;
import quickfix.field.Side;
import quickfix.field.StopPx;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One FIX 4.2 or 4.4 initiator session to a venue, as the platform's {@link VenueGateway}.
 *
 * <p>Why QuickFIX/J's {@link SocketInitiator} directly and not a Camel {@code quickfix:} endpoint: the gateway needs
 * what camel-quickfix's engine keeps to itself — the session's state callbacks ({@link SessionStateListener}: connect,
 * disconnect, missed heartbeat, resend request sent and satisfied, which make DOWN/CONNECTED/LOGGED_ON/DEGRADED), a
 * {@code toApp} hook that refuses to resend stale orders ({@link DoNotSend} turns them into a gap fill), the
 * store's sequence numbers for operators, and a session whose life follows this venue's configuration rather than a
 * shared CamelContext's endpoints. The QuickFIX/J classes still come from the io.nautilus.camel bundle (its
 * exported {@code quickfix.*} packages), so the platform carries one QuickFIX/J; integrators who want a FIX route
 * for something else keep using the {@code quickfix:} component there.
 *
 * <p>Outgoing orders are built as plain {@link Message}s from the typed {@code quickfix.field} classes (one builder
 * for both versions, with 4.2's HandlInst); incoming application messages are validated by QuickFIX/J against the
 * data dictionary before they get here (an invalid one is rejected at session level and never reaches the order
 * flow) and dispatched by its {@link MessageCracker}; a message type the gateway does not handle is answered with a
 * BusinessMessageReject by QuickFIX/J. A report that is valid FIX but contradicts itself (e.g. filled with quantity
 * still working) is rejected at session level too, so no order is corrupted.
 *
 * <p>Threads: QuickFIX/J's threads deliver messages and state changes; the trading core calls the send methods. The
 * order bookkeeping is shared by both under one lock, held only for map updates (this is an edge adapter: the
 * network dominates). Reports and state changes reach the listeners on the gateway's session thread
 * ({@link VenueSession}), in the order QuickFIX/J handed them over, outside every lock.
 */
public final class FixVenueGateway implements VenueGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FixVenueGateway.class);
    private static final int RECENT_LIMIT = 10_000;
    private static final int QUEUE_CAPACITY = 10_000;

    private final FixVenueSettings settings;
    private final InstrumentScales scales;
    private final SessionID sessionId;
    private final Object lock = new Object();
    private final Map<Long, TrackedOrder> working = new HashMap<>();
    private final Map<Long, TrackedOrder> finished = boundedMap();
    private final Map<Long, PendingRequest> pending = new HashMap<>();
    private final Map<Integer, SentRequest> sentBySeqNum = boundedMap();
    private final AtomicLong nextExecId = new AtomicLong(System.currentTimeMillis() * 1_000L);
    private final VenueSession venueSession;
    private final FixVenueStats stats;
    private final Callbacks callbacks = new Callbacks();
    private final MessageCracker cracker = new MessageCracker(new Handlers());

    private volatile boolean gapOpen;
    private volatile SocketInitiator initiator;
    private volatile Session session;

    /**
     * Creates the gateway; nothing connects until {@link #connect()}.
     *
     * @param settings the validated session settings
     * @param scales   the instruments' scales
     */
    public FixVenueGateway(FixVenueSettings settings, InstrumentScales scales) {
        this.settings = settings;
        this.scales = scales;
        this.sessionId = settings.sessionId();
        this.venueSession = VenueSession.builder(settings.venue()).name("FIX venue " + settings.venue())
                .logger(FixVenueGateway.class).threadName("nautilus-venue-fix-" + settings.venue() + "-session")
                .build();
        this.stats = new FixVenueStats(venueSession);
    }

    /** A cancel, replace or status request sent and not yet answered. */
    private record PendingRequest(long clientOrderId, long origClientOrderId, char msgType, long price,
                                  long quantity) {
    }

    /** What an outgoing application message asked for, to map a session-level Reject back to the order. */
    private record SentRequest(long clientOrderId, char msgType) {
    }

    private static <K, V> Map<K, V> boundedMap() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > RECENT_LIMIT;
            }
        };
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * The settings the gateway runs with.
     *
     * @return the settings
     */
    public FixVenueSettings settings() {
        return settings;
    }

    /**
     * The session's counters.
     *
     * @return the live counters
     */
    public FixVenueStats stats() {
        return stats;
    }

    @Override
    public void connect() {
        synchronized (lock) {
            if (initiator == null) {
                start();
                return;
            }
        }
        Session current = session;
        if (current != null && !current.isEnabled()) {
            LOG.info("FIX venue {}: logging on again ({})", settings.venue(), sessionId);
            current.logon();
        }
    }

    private void start() {
        try {
            Files.createDirectories(settings.storePath());
        } catch (IOException e) {
            throw new UncheckedIOException("FIX venue " + settings.venue() + ": cannot create the store directory "
                    + settings.storePath(), e);
        }
        // QuickFIX/J loads its data dictionaries (FIX42.xml, FIX44.xml) and message factories through the thread's
        // context class loader first: point it at QuickFIX/J's own bundle, which holds them
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DataDictionary.class.getClassLoader());
        try {
            SessionSettings fix = settings.toSessionSettings();
            DefaultSessionFactory sessions = new DefaultSessionFactory(callbacks, new FileStoreFactory(fix),
                    new SLF4JLogFactory(fix), new DefaultMessageFactory());
            // the state listener goes on the session as it is created, before its first connect attempt
            SocketInitiator created = new SocketInitiator((id, config) -> {
                Session fixSession = sessions.create(id, config);
                fixSession.addStateListener(callbacks);
                session = fixSession;
                return fixSession;
            }, fix, QUEUE_CAPACITY);
            created.start();
            initiator = created;
            LOG.info("FIX venue {}: session {} connecting to {}:{} (store {})", settings.venue(), sessionId,
                    settings.host(), settings.port(), settings.storePath());
        } catch (ConfigError e) {
            throw new IllegalArgumentException("FIX venue " + settings.venue() + ": QuickFIX/J refused the settings: "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void disconnect(String reason) {
        Session current = session;
        if (current != null) {
            LOG.info("FIX venue {}: logging out: {}", settings.venue(), reason);
            current.logout(reason);
        }
    }

    /**
     * Logs out (waiting up to the logout timeout) and stops the session and its session thread; the store keeps its
     * sequence numbers. A closed gateway stays closed (a new one carries on from the store).
     */
    @Override
    public void close() {
        SocketInitiator current;
        synchronized (lock) {
            current = initiator;
            initiator = null;
        }
        if (current != null) {
            current.stop(false);
        }
        session = null;
        venueSession.close("stopped");
    }

    // ---------------------------------------------------------------- VenueGateway

    @Override
    public VenueId venueId() {
        return settings.venue();
    }

    @Override
    public ConnectionState state() {
        return venueSession.state();
    }

    @Override
    public void setListener(ExecutionReportListener listener) {
        venueSession.setListener(listener);
    }

    @Override
    public void setStateListener(VenueStateListener listener) {
        venueSession.setStateListener(listener);
    }

    @Override
    public VenueSessionInfo sessionInfo() {
        long sender = -1;
        long target = -1;
        Session current = session;
        if (current != null) {
            try {
                sender = current.getStore().getNextSenderMsgSeqNum();
                target = current.getStore().getNextTargetMsgSeqNum();
            } catch (IOException e) {
                LOG.warn("FIX venue {}: cannot read the sequence numbers: {}", settings.venue(), e.toString());
            }
        }
        return venueSession.info(sessionId + " " + settings.host() + ":" + settings.port(), sender, target);
    }

    @Override
    public boolean sendNew(NewOrder order) {
        InstrumentScales.Scales scale = scalesOrLog(order.instrument(), "new order " + order.clientOrderId());
        if (scale == null || !state().isUsable()) {
            return false;
        }
        TrackedOrder tracked = new TrackedOrder(order.clientOrderId(), order.account(), order.strategy(),
                order.instrument(), order.side(), order.type(), order.timeInForce(), order.price(),
                order.stopPrice(), order.quantity(), order.expireTimeNanos());
        Message message = orderMessage(MsgType.ORDER_SINGLE, order.clientOrderId(), 0, tracked, scale);
        if (order.isIceberg()) {
            message.setDecimal(MaxFloor.FIELD, FixCodes.decimal(order.displayQuantity(), scale.quantity()));
        }
        if (OrderFlags.isPostOnly(order.flags())) {
            message.setString(ExecInst.FIELD, "6"); // participate don't initiate: post-only
        }
        synchronized (lock) {
            working.put(order.clientOrderId(), tracked);
        }
        if (!send(message)) {
            synchronized (lock) {
                working.remove(order.clientOrderId());
            }
            return false;
        }
        return true;
    }

    @Override
    public boolean sendCancel(CancelOrder cancel) {
        if (!state().isUsable()) {
            return false;
        }
        TrackedOrder tracked;
        synchronized (lock) {
            tracked = working.get(cancel.origClientOrderId());
        }
        InstrumentScales.Scales scale = scalesOrLog(cancel.instrument(), "cancel " + cancel.clientOrderId());
        if (tracked == null || scale == null) {
            LOG.warn("FIX venue {}: cancel {} not sent: order {} is not working at this venue as far as the gateway"
                    + " knows (ask for its status first)", settings.venue(), cancel.clientOrderId(),
                    cancel.origClientOrderId());
            return false;
        }
        Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REQUEST);
        message.setString(OrigClOrdID.FIELD, Long.toString(cancel.origClientOrderId()));
        message.setString(ClOrdID.FIELD, Long.toString(cancel.clientOrderId()));
        identify(message, tracked);
        if (tracked.quantity > 0) {
            message.setDecimal(OrderQty.FIELD, FixCodes.decimal(tracked.quantity, scale.quantity()));
        }
        return sendRequest(message, new PendingRequest(cancel.clientOrderId(), cancel.origClientOrderId(), 'F',
                FixedPoint.NULL, 0));
    }

    @Override
    public boolean sendReplace(ReplaceOrder replace) {
        if (!state().isUsable()) {
            return false;
        }
        TrackedOrder tracked;
        synchronized (lock) {
            tracked = working.get(replace.origClientOrderId());
        }
        InstrumentScales.Scales scale = scalesOrLog(replace.instrument(), "replace " + replace.clientOrderId());
        if (tracked == null || tracked.type == null || scale == null) {
            LOG.warn("FIX venue {}: replace {} not sent: order {} is not working at this venue as far as the gateway"
                    + " knows", settings.venue(), replace.clientOrderId(), replace.origClientOrderId());
            return false;
        }
        long price = replace.changesPrice() ? replace.price() : tracked.price;
        long quantity = replace.changesQuantity() ? replace.quantity() : tracked.quantity;
        Message message = orderMessage(MsgType.ORDER_CANCEL_REPLACE_REQUEST, replace.clientOrderId(),
                replace.origClientOrderId(), tracked, scale);
        if (tracked.type.hasLimitPrice()) {
            message.setDecimal(Price.FIELD, FixCodes.decimal(price, scale.price()));
        }
        message.setDecimal(OrderQty.FIELD, FixCodes.decimal(quantity, scale.quantity()));
        return sendRequest(message, new PendingRequest(replace.clientOrderId(), replace.origClientOrderId(), 'G',
                price, quantity));
    }

    @Override
    public boolean requestStatus(OrderStatusQuery query) {
        if (!state().isUsable()) {
            return false;
        }
        synchronized (lock) {
            if (!working.containsKey(query.clientOrderId())) {
                // after a restart the core's reconciliation is how the gateway learns the order again
                TrackedOrder known = finished.get(query.clientOrderId());
                working.put(query.clientOrderId(), known != null ? known : new TrackedOrder(query.clientOrderId(),
                        query.account(), null, query.instrument(), query.side(), null, null, FixedPoint.NULL,
                        FixedPoint.NULL, 0, 0));
            }
        }
        Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_STATUS_REQUEST);
        message.setString(ClOrdID.FIELD, Long.toString(query.clientOrderId()));
        if (settings.sendAccount()) {
            message.setString(Account.FIELD, query.account().value());
        }
        message.setString(Symbol.FIELD, query.instrument().value());
        message.setChar(Side.FIELD, query.side().fixCode());
        return send(message);
    }

    private InstrumentScales.Scales scalesOrLog(InstrumentId instrument, String what) {
        InstrumentScales.Scales scale = scales.of(instrument);
        if (scale == null) {
            LOG.error("FIX venue {}: {} not sent: instrument {} is not defined (no price/quantity scales)",
                    settings.venue(), what, instrument);
        }
        return scale;
    }

    /** A NewOrderSingle or OrderCancelReplaceRequest with the order's terms, without quantity for a replace. */
    private Message orderMessage(String msgType, long clientOrderId, long origClientOrderId, TrackedOrder order,
                                 InstrumentScales.Scales scale) {
        Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, msgType);
        message.setString(ClOrdID.FIELD, Long.toString(clientOrderId));
        if (origClientOrderId > 0) {
            message.setString(OrigClOrdID.FIELD, Long.toString(origClientOrderId));
        }
        message.setChar(HandlInst.FIELD, HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION);
        identify(message, order);
        message.setChar(OrdType.FIELD, order.type.fixCode());
        message.setChar(quickfix.field.TimeInForce.FIELD, order.timeInForce.fixCode());
        if (origClientOrderId == 0) {
            message.setDecimal(OrderQty.FIELD, FixCodes.decimal(order.quantity, scale.quantity()));
            if (order.price != FixedPoint.NULL) {
                message.setDecimal(Price.FIELD, FixCodes.decimal(order.price, scale.price()));
            }
        }
        if (order.stopPrice != FixedPoint.NULL) {
            message.setDecimal(StopPx.FIELD, FixCodes.decimal(order.stopPrice, scale.price()));
        }
        if (order.timeInForce == TimeInForce.GTD) {
            message.setUtcTimeStamp(ExpireTime.FIELD, LocalDateTime.ofEpochSecond(
                    order.expireTimeNanos / 1_000_000_000L, (int) (order.expireTimeNanos % 1_000_000_000L),
                    ZoneOffset.UTC), true);
        }
        return message;
    }

    /** Account, Symbol, Side and TransactTime, which every order request carries. */
    private void identify(Message message, TrackedOrder order) {
        if (settings.sendAccount()) {
            message.setString(Account.FIELD, order.account.value());
        }
        message.setString(Symbol.FIELD, order.instrument.value());
        message.setChar(Side.FIELD, order.side.fixCode());
        message.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC), true);
    }

    private boolean sendRequest(Message message, PendingRequest request) {
        synchronized (lock) {
            pending.put(request.clientOrderId(), request);
        }
        if (!send(message)) {
            synchronized (lock) {
                pending.remove(request.clientOrderId());
            }
            return false;
        }
        return true;
    }

    private boolean send(Message message) {
        Session current = session;
        if (current == null || !state().isUsable()) {
            return false;
        }
        // Session.send stores the message even when it cannot go out now; toApp refuses its later resend
        return current.send(message);
    }

    // ---------------------------------------------------------------- incoming

    private void onExecutionReport(Message message) throws FieldNotFound, IncorrectTagValue {
        String clText = message.isSetField(ClOrdID.FIELD) ? message.getString(ClOrdID.FIELD) : null;
        long clientOrderId = FixCodes.clientOrderId(clText);
        if (clientOrderId == 0) {
            drop("execution report " + message.getString(quickfix.field.ExecID.FIELD) + " for ClOrdID " + clText
                    + " is not about one of the platform's orders");
            return;
        }
        long origClientOrderId = message.isSetField(OrigClOrdID.FIELD)
                ? FixCodes.clientOrderId(message.getString(OrigClOrdID.FIELD)) : 0;
        if (origClientOrderId == clientOrderId) {
            origClientOrderId = 0;
        }
        ExecutionReport report;
        synchronized (lock) {
            PendingRequest request = pending.get(clientOrderId);
            if (origClientOrderId == 0 && request != null && request.msgType() != 'H') {
                origClientOrderId = request.origClientOrderId();
            }
            TrackedOrder order = find(clientOrderId, origClientOrderId);
            if (order == null) {
                order = fromReport(message, clientOrderId);
                if (order == null) {
                    return;
                }
            }
            InstrumentScales.Scales scale = scales.of(order.instrument);
            if (scale == null) {
                drop("execution report for order " + clientOrderId + ": instrument " + order.instrument
                        + " is not defined (no scales)");
                return;
            }
            report = map(message, order, clientOrderId, origClientOrderId, scale);
            if (report.execType().isFill() && !order.firstSeen(message.getString(quickfix.field.ExecID.FIELD))) {
                stats.duplicateFillsDropped.increment();
                LOG.info("FIX venue {}: fill {} of order {} seen before (ExecID {}{}): dropped as a duplicate",
                        settings.venue(), report.lastQuantity(), clientOrderId,
                        message.getString(quickfix.field.ExecID.FIELD), possDup(message) ? ", PossDupFlag=Y" : "");
                return;
            }
            apply(report, order, message, scale);
        }
        deliver(report);
    }

    private static boolean possDup(Message message) {
        try {
            return message.getHeader().isSetField(PossDupFlag.FIELD) && message.getHeader().getBoolean(
                    PossDupFlag.FIELD);
        } catch (FieldNotFound e) {
            return false;
        }
    }

    private TrackedOrder find(long clientOrderId, long origClientOrderId) {
        TrackedOrder order = working.get(clientOrderId);
        if (order == null && origClientOrderId > 0) {
            order = working.get(origClientOrderId);
        }
        if (order == null) {
            order = finished.get(clientOrderId);
        }
        if (order == null && origClientOrderId > 0) {
            order = finished.get(origClientOrderId);
        }
        return order;
    }

    /** An order the gateway did not send in this run (e.g. before a restart), as far as the report tells. */
    private TrackedOrder fromReport(Message message, long clientOrderId) throws FieldNotFound {
        if (!message.isSetField(Account.FIELD) || !message.isSetField(Symbol.FIELD)) {
            drop("execution report for unknown order " + clientOrderId + " has no Account (1) or Symbol (55)");
            return null;
        }
        try {
            TrackedOrder order = new TrackedOrder(clientOrderId, AccountId.of(message.getString(Account.FIELD)), null,
                    InstrumentId.of(message.getString(Symbol.FIELD)),
                    io.nautilus.api.Side.fromFixCode(message.getChar(Side.FIELD)), orderType(message),
                    message.isSetField(quickfix.field.TimeInForce.FIELD)
                            ? timeInForce(message.getChar(quickfix.field.TimeInForce.FIELD)) : TimeInForce.DAY,
                    FixedPoint.NULL, FixedPoint.NULL, 0, 0);
            working.put(clientOrderId, order);
            return order;
        } catch (IllegalArgumentException e) {
            drop("execution report for unknown order " + clientOrderId + ": " + e.getMessage());
            return null;
        }
    }

    private static OrderType orderType(Message message) throws FieldNotFound {
        if (!message.isSetField(OrdType.FIELD)) {
            return null;
        }
        char code = message.getChar(OrdType.FIELD);
        for (OrderType type : OrderType.values()) {
            if (type.fixCode() == code) {
                return type;
            }
        }
        return null;
    }

    private static TimeInForce timeInForce(char code) {
        for (TimeInForce tif : TimeInForce.values()) {
            if (tif.fixCode() == code) {
                return tif;
            }
        }
        return null;
    }

    /** The platform's report of a venue ExecutionReport; a contradiction is rejected at session level. */
    private ExecutionReport map(Message message, TrackedOrder order, long clientOrderId, long origClientOrderId,
                                InstrumentScales.Scales scale) throws FieldNotFound, IncorrectTagValue {
        int tag = LeavesQty.FIELD;
        try {
            long leaves = FixCodes.quantity(message.getDecimal(LeavesQty.FIELD), scale.quantity());
            tag = CumQty.FIELD;
            long cumulative = FixCodes.quantity(message.getDecimal(CumQty.FIELD), scale.quantity());
            char execTransType = message.isSetField(ExecTransType.FIELD) ? message.getChar(ExecTransType.FIELD) : 0;
            tag = quickfix.field.ExecType.FIELD;
            ExecType execType = FixCodes.execType(message.getChar(quickfix.field.ExecType.FIELD), execTransType,
                    leaves);
            if (execType == null) {
                throw new IllegalArgumentException("exec type " + message.getChar(quickfix.field.ExecType.FIELD)
                        + " (trade correction or bust) is not supported");
            }
            tag = AvgPx.FIELD;
            long average = cumulative == 0 || !message.isSetField(AvgPx.FIELD) ? FixedPoint.NULL
                    : FixCodes.price(message.getDecimal(AvgPx.FIELD), scale.price());
            long lastPrice = FixedPoint.NULL;
            long lastQuantity = 0;
            Liquidity liquidity = Liquidity.NONE;
            if (execType.isFill()) {
                tag = LastPx.FIELD;
                lastPrice = FixedPoint.fromBigDecimal(message.getDecimal(LastPx.FIELD), scale.price());
                tag = LastShares.FIELD;
                lastQuantity = FixCodes.quantity(message.getDecimal(LastShares.FIELD), scale.quantity());
                liquidity = FixCodes.liquidity(message.isSetField(LastLiquidityInd.FIELD)
                        ? message.getInt(LastLiquidityInd.FIELD) : -1);
            }
            tag = OrdStatus.FIELD;
            OrderStatus status = FixCodes.orderStatus(message.getChar(OrdStatus.FIELD), cumulative);
            RejectReason rejectReason = execType == ExecType.REJECTED
                    ? FixCodes.orderRejectReason(message.isSetField(OrdRejReason.FIELD)
                            ? message.getInt(OrdRejReason.FIELD) : -1)
                    : RejectReason.NONE;
            CancelReason cancelReason = switch (execType) {
                case CANCELED -> origClientOrderId > 0 ? CancelReason.USER
                        : order.timeInForce == TimeInForce.IOC ? CancelReason.IOC_REMAINDER
                        : order.timeInForce == TimeInForce.FOK ? CancelReason.FOK_NOT_FILLED
                        : CancelReason.VENUE;
                case EXPIRED -> CancelReason.EXPIRED;
                default -> CancelReason.NONE;
            };
            String text = message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : null;
            if (execType == ExecType.ORDER_STATUS && status == OrderStatus.REJECTED && message.isSetField(
                    OrdRejReason.FIELD) && message.getInt(OrdRejReason.FIELD) == OrdRejReason.UNKNOWN_ORDER) {
                text = text == null ? "unknown order" : "unknown order: " + text;
            }
            tag = OrderID.FIELD;
            long orderId = FixCodes.clientOrderId(message.getString(OrderID.FIELD));
            long transactTime = message.isSetField(TransactTime.FIELD)
                    ? FixCodes.epochNanos(message.getUtcTimeStamp(TransactTime.FIELD))
                    : FixCodes.epochNanos(message.getHeader().getUtcTimeStamp(SendingTime.FIELD));
            return new ExecutionReport(nextExecId.incrementAndGet(), clientOrderId, origClientOrderId, orderId,
                    order.account, order.strategy, order.instrument, settings.venue(), order.side, execType, status,
                    rejectReason, cancelReason, liquidity, text, lastPrice, lastQuantity, leaves, cumulative,
                    average, transactTime, nowNanos());
        } catch (ArithmeticException | IllegalArgumentException e) {
            stats.reportsRejected.increment();
            problem("execution report for order " + clientOrderId + " rejected: " + e.getMessage());
            throw new IncorrectTagValue(tag);
        }
    }

    /** Updates the bookkeeping with a report (under the lock). */
    private void apply(ExecutionReport report, TrackedOrder order, Message message, InstrumentScales.Scales scale)
            throws FieldNotFound {
        order.status = report.status();
        order.leavesQuantity = report.leavesQuantity();
        order.cumulativeQuantity = report.cumulativeQuantity();
        order.averagePrice = report.averagePrice();
        if (report.orderId() > 0) {
            order.orderId = report.orderId();
        }
        PendingRequest request = pending.get(report.clientOrderId());
        switch (report.execType()) {
            case REPLACED -> {
                order.clientOrderId = report.clientOrderId();
                if (request != null) {
                    order.price = request.price();
                    order.quantity = request.quantity();
                }
                if (message.isSetField(Price.FIELD) && order.type != null && order.type.hasLimitPrice()) {
                    order.price = FixCodes.price(message.getDecimal(Price.FIELD), scale.price());
                }
                if (message.isSetField(OrderQty.FIELD)) {
                    order.quantity = FixCodes.quantity(message.getDecimal(OrderQty.FIELD), scale.quantity());
                }
                working.remove(report.origClientOrderId());
                working.put(report.clientOrderId(), order);
                pending.remove(report.clientOrderId());
            }
            case CANCELED, REJECTED -> pending.remove(report.clientOrderId());
            case ORDER_STATUS -> {
                if (report.status() == OrderStatus.REJECTED) {
                    working.remove(report.clientOrderId());
                    return;
                }
            }
            default -> {
            }
        }
        if (report.status().isFinished()) {
            working.values().removeIf(o -> o == order);
            finished.put(order.clientOrderId, order);
        }
    }

    private void onCancelReject(Message message) throws FieldNotFound {
        stats.cancelRejectsReceived.increment();
        long clientOrderId = FixCodes.clientOrderId(message.getString(ClOrdID.FIELD));
        long origClientOrderId = FixCodes.clientOrderId(message.getString(OrigClOrdID.FIELD));
        int reason = message.isSetField(CxlRejReason.FIELD) ? message.getInt(CxlRejReason.FIELD) : -1;
        String text = "venue refused the " + (message.getChar(quickfix.field.CxlRejResponseTo.FIELD) == '2'
                ? "replace" : "cancel") + (message.isSetField(Text.FIELD) ? ": " + message.getString(Text.FIELD) : "")
                + " (venue order status " + message.getChar(OrdStatus.FIELD) + ", reason " + reason + ")";
        ExecutionReport report = refuseRequest(clientOrderId, origClientOrderId, FixCodes.cancelRejectReason(reason),
                text);
        deliver(report);
    }

    private void onBusinessReject(Message message) throws FieldNotFound {
        stats.businessRejectsReceived.increment();
        String refType = message.getString(RefMsgType.FIELD);
        String text = "business reject of " + refType + ", reason " + message.getInt(
                quickfix.field.BusinessRejectReason.FIELD) + (message.isSetField(Text.FIELD)
                ? ": " + message.getString(Text.FIELD) : "");
        long clientOrderId = message.isSetField(BusinessRejectRefID.FIELD)
                ? FixCodes.clientOrderId(message.getString(BusinessRejectRefID.FIELD)) : 0;
        if (clientOrderId == 0 && message.isSetField(RefSeqNum.FIELD)) {
            SentRequest sent;
            synchronized (lock) {
                sent = sentBySeqNum.get(message.getInt(RefSeqNum.FIELD));
            }
            clientOrderId = sent == null ? 0 : sent.clientOrderId();
        }
        problem(text + (clientOrderId > 0 ? " (order request " + clientOrderId + ")" : ""));
        deliver(rejectRequest(clientOrderId, refType, text));
    }

    private void onSessionReject(Message message) throws FieldNotFound {
        stats.sessionRejectsReceived.increment();
        int refSeqNum = message.getInt(RefSeqNum.FIELD);
        String text = "session reject of our message " + refSeqNum
                + (message.isSetField(SessionRejectReason.FIELD)
                ? ", reason " + message.getInt(SessionRejectReason.FIELD) : "")
                + (message.isSetField(Text.FIELD) ? ": " + message.getString(Text.FIELD) : "");
        SentRequest sent;
        synchronized (lock) {
            sent = sentBySeqNum.get(refSeqNum);
        }
        problem(text + (sent != null ? " (order request " + sent.clientOrderId() + ")" : ""));
        if (sent != null) {
            deliver(rejectRequest(sent.clientOrderId(), String.valueOf(sent.msgType()), text));
        }
    }

    /** A REJECTED report for a request the venue refused, or {@code null} if it is not one of ours. */
    private ExecutionReport rejectRequest(long clientOrderId, String msgType, String text) {
        if (clientOrderId == 0) {
            return null;
        }
        if (MsgType.ORDER_SINGLE.equals(msgType)) {
            synchronized (lock) {
                TrackedOrder order = working.get(clientOrderId);
                if (order == null || order.status != OrderStatus.PENDING_NEW) {
                    LOG.warn("FIX venue {}: reject of new order {} ignored: the order is {}", settings.venue(),
                            clientOrderId, order == null ? "unknown" : order.status);
                    return null;
                }
                working.remove(clientOrderId);
                order.status = OrderStatus.REJECTED;
                order.leavesQuantity = 0;
                finished.put(clientOrderId, order);
                return new ExecutionReport(nextExecId.incrementAndGet(), clientOrderId, 0, 0, order.account,
                        order.strategy, order.instrument, settings.venue(), order.side, ExecType.REJECTED,
                        OrderStatus.REJECTED, RejectReason.VENUE_REJECT, CancelReason.NONE, Liquidity.NONE, text,
                        FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, nowNanos(), nowNanos());
            }
        }
        if (MsgType.ORDER_CANCEL_REQUEST.equals(msgType) || MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(msgType)) {
            return refuseRequest(clientOrderId, 0, RejectReason.VENUE_REJECT, text);
        }
        LOG.warn("FIX venue {}: {} (request {} gets no answer)", settings.venue(), text, clientOrderId);
        synchronized (lock) {
            pending.remove(clientOrderId);
        }
        return null;
    }

    /** A REJECTED report for a refused cancel or replace: the order stays as it was. */
    private ExecutionReport refuseRequest(long clientOrderId, long origClientOrderId, RejectReason reason,
                                          String text) {
        synchronized (lock) {
            PendingRequest request = pending.remove(clientOrderId);
            long orig = origClientOrderId > 0 ? origClientOrderId
                    : request != null ? request.origClientOrderId() : 0;
            TrackedOrder order = orig > 0 ? find(orig, 0) : null;
            if (clientOrderId == 0 || orig == 0 || orig == clientOrderId || order == null) {
                drop("refusal of request " + clientOrderId + " for order " + orig + " is not about an order the"
                        + " gateway knows: " + text);
                return null;
            }
            OrderStatus status = order.statusAfterRefusedRequest();
            order.status = status;
            return new ExecutionReport(nextExecId.incrementAndGet(), clientOrderId, orig, order.orderId,
                    order.account, order.strategy, order.instrument, settings.venue(), order.side,
                    ExecType.REJECTED, status, reason, CancelReason.NONE, Liquidity.NONE, text, FixedPoint.NULL, 0,
                    status.isFinished() ? 0 : order.leavesQuantity, order.cumulativeQuantity,
                    order.cumulativeQuantity > 0 ? order.averagePrice : FixedPoint.NULL, nowNanos(), nowNanos());
        }
    }

    private void deliver(ExecutionReport report) {
        if (report != null) {
            venueSession.dispatch(report);
        }
    }

    private void drop(String why) {
        stats.messagesDropped.increment();
        problem(why);
    }

    private void problem(String why) {
        venueSession.problem(why);
        LOG.warn("FIX venue {}: {}", settings.venue(), why);
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    // ---------------------------------------------------------------- state

    private void messageFlowing() {
        if (!gapOpen) {
            venueSession.changeState(ConnectionState.DEGRADED, ConnectionState.LOGGED_ON, "messages flowing again");
        }
    }

    /** QuickFIX/J's callbacks: the application and the session state listener. */
    private final class Callbacks implements Application, SessionStateListener {

        @Override
        public void onCreate(SessionID id) {
        }

        @Override
        public void onLogon(SessionID id) {
            venueSession.changeState(gapOpen ? ConnectionState.DEGRADED : ConnectionState.LOGGED_ON, "logon");
        }

        @Override
        public void onLogout(SessionID id) {
            venueSession.changeState(ConnectionState.DOWN, "logout");
        }

        @Override
        public void toAdmin(Message message, SessionID id) {
            try {
                String type = message.getHeader().getString(MsgType.FIELD);
                if (MsgType.REJECT.equals(type)) {
                    stats.sessionRejectsSent.increment();
                    problem("rejected the venue's message " + message.getInt(RefSeqNum.FIELD) + " at session level"
                            + (message.isSetField(Text.FIELD) ? ": " + message.getString(Text.FIELD) : ""));
                } else if (MsgType.LOGOUT.equals(type) && message.isSetField(Text.FIELD)) {
                    problem("logout: " + message.getString(Text.FIELD));
                }
            } catch (FieldNotFound e) {
                LOG.debug("FIX venue {}: admin message without {}", settings.venue(), e.field);
            }
        }

        @Override
        public void fromAdmin(Message message, SessionID id) throws FieldNotFound {
            String type = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.REJECT.equals(type)) {
                onSessionReject(message);
            } else if (MsgType.LOGOUT.equals(type) && message.isSetField(Text.FIELD)) {
                problem("venue logout: " + message.getString(Text.FIELD));
            }
            messageFlowing();
        }

        @Override
        public void toApp(Message message, SessionID id) throws DoNotSend {
            try {
                if (message.getHeader().isSetField(PossDupFlag.FIELD)
                        && message.getHeader().getBoolean(PossDupFlag.FIELD)) {
                    if (MsgType.ORDER_STATUS_REQUEST.equals(message.getHeader().getString(MsgType.FIELD))) {
                        // a reconciliation waits for its answer: a status request sent while the venue's resend
                        // request was pending would otherwise vanish in the gap fill
                        return;
                    }
                    // a resent order request is stale (the core has moved on, e.g. timed it out): gap-fill it
                    LOG.warn("FIX venue {}: not resending {} {} (stale order request; gap-filled instead)",
                            settings.venue(), message.getHeader().getString(MsgType.FIELD),
                            message.isSetField(ClOrdID.FIELD) ? message.getString(ClOrdID.FIELD) : "");
                    throw new DoNotSend();
                }
                if (message.isSetField(ClOrdID.FIELD)) {
                    SentRequest sent = new SentRequest(FixCodes.clientOrderId(message.getString(ClOrdID.FIELD)),
                            message.getHeader().getString(MsgType.FIELD).charAt(0));
                    synchronized (lock) {
                        sentBySeqNum.put(message.getHeader().getInt(MsgSeqNum.FIELD), sent);
                    }
                }
            } catch (FieldNotFound e) {
                LOG.debug("FIX venue {}: outgoing message without {}", settings.venue(), e.field);
            }
        }

        @Override
        public void fromApp(Message message, SessionID id) throws FieldNotFound, IncorrectTagValue,
                UnsupportedMessageType {
            messageFlowing();
            cracker.crack(message, id);
        }

        @Override
        public void onConnect() {
            gapOpen = false;
            venueSession.changeState(ConnectionState.CONNECTED, "connected to " + settings.host() + ":"
                    + settings.port());
        }

        @Override
        public void onConnectException(Exception e) {
            problem("cannot connect to " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }

        @Override
        public void onDisconnect() {
            venueSession.changeState(ConnectionState.DOWN, "disconnect");
        }

        @Override
        public void onMissedHeartBeat() {
            venueSession.changeState(ConnectionState.LOGGED_ON, ConnectionState.DEGRADED, "missed heartbeat");
        }

        @Override
        public void onHeartBeatTimeout() {
            problem("heartbeat timeout");
        }

        @Override
        public void onResendRequestSent(int beginSeqNo, int endSeqNo, int currentEndSeqNo) {
            gapOpen = true;
            venueSession.changeState(ConnectionState.LOGGED_ON, ConnectionState.DEGRADED, "sequence gap: resend of "
                    + beginSeqNo + ".." + endSeqNo + " requested");
        }

        @Override
        public void onResendRequestSatisfied(int beginSeqNo, int endSeqNo) {
            gapOpen = false;
            venueSession.changeState(ConnectionState.DEGRADED, ConnectionState.LOGGED_ON, "resend of " + beginSeqNo
                    + ".." + endSeqNo + " done");
        }
    }

    /** The application messages the gateway handles, found by QuickFIX/J's {@link MessageCracker}. */
    public final class Handlers {

        /**
         * FIX 4.4 ExecutionReport.
         *
         * @param message the message
         * @param id      the session
         * @throws FieldNotFound     if a required field is missing
         * @throws IncorrectTagValue if the report contradicts itself
         */
        @MessageCracker.Handler
        public void onMessage(quickfix.fix44.ExecutionReport message, SessionID id) throws FieldNotFound,
                IncorrectTagValue {
            onExecutionReport(message);
        }

        /**
         * FIX 4.2 ExecutionReport.
         *
         * @param message the message
         * @param id      the session
         * @throws FieldNotFound     if a required field is missing
         * @throws IncorrectTagValue if the report contradicts itself
         */
        @MessageCracker.Handler
        public void onMessage(quickfix.fix42.ExecutionReport message, SessionID id) throws FieldNotFound,
                IncorrectTagValue {
            onExecutionReport(message);
        }

        /**
         * FIX 4.4 OrderCancelReject.
         *
         * @param message the message
         * @param id      the session
         * @throws FieldNotFound if a required field is missing
         */
        @MessageCracker.Handler
        public void onMessage(quickfix.fix44.OrderCancelReject message, SessionID id) throws FieldNotFound {
            onCancelReject(message);
        }

        /**
         * FIX 4.2 OrderCancelReject.
         *
         * @param message the message
         * @param id      the session
         * @throws FieldNotFound if a required field is missing
         */
        @MessageCracker.Handler
        public void onMessage(quickfix.fix42.OrderCancelReject message, SessionID id) throws FieldNotFound {
            onCancelReject(message);
        }

        /**
         * FIX 4.4 BusinessMessageReject.
         *
         * @param message the message
         * @param id      the session
         * @throws FieldNotFound if a required field is missing
         */
        @MessageCracker.Handler
        public void onMessage(quickfix.fix44.BusinessMessageReject message, SessionID id) throws FieldNotFound {
            onBusinessReject(message);
        }

        /**
         * FIX 4.2 BusinessMessageReject.
         *
         * @param message the message
         * @param id      the session
         * @throws FieldNotFound if a required field is missing
         */
        @MessageCracker.Handler
        public void onMessage(quickfix.fix42.BusinessMessageReject message, SessionID id) throws FieldNotFound {
            onBusinessReject(message);
        }
    }
}
