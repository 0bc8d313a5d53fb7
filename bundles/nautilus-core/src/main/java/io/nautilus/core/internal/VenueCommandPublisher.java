package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.api.VenueCommand;
import io.nautilus.core.api.VenueOrderRouter;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands the venue commands a processed command produced (an order routed to an external venue, a pending cancel or
 * replace of one) to every {@link VenueOrderRouter} service, on the pipeline's publish thread. A router that throws
 * is logged and the others still get the command.
 */
final class VenueCommandPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(VenueCommandPublisher.class);
    /** Venue of an instrument the instruments configuration gives none. */
    static final String DEFAULT_VENUE = "SIM";

    private final List<VenueOrderRouter> routers = new CopyOnWriteArrayList<>();

    /** @param router a router service that came */
    void add(VenueOrderRouter router) {
        routers.add(router);
    }

    /** @param router a router service that went */
    void remove(VenueOrderRouter router) {
        routers.remove(router);
    }

    /** @return whether any router listens (else nothing needs to be built) */
    boolean hasRouters() {
        return !routers.isEmpty();
    }

    /**
     * Publishes the venue commands of a processed command (publish thread).
     *
     * @param c the processed command with its events
     * @param engine the running engine (its registry and the venues chosen for orders)
     * @param venues the configured venue of each symbol
     */
    void publish(Command c, TradingEngine engine, Map<String, String> venues) {
        Events e = c.events;
        Registry.View view = engine.registry().view();
        for (int i = 0, n = e.size(); i < n; i++) {
            byte type = e.type(i);
            if (type != Events.ROUTED && type != Events.PENDING_CANCEL && type != Events.PENDING_REPLACE) {
                continue;
            }
            Registry.AccountDef account = view.account(e.account(i));
            Registry.InstrumentDef instrument = view.instrument(e.instrument(i));
            if (account == null || instrument == null) {
                continue;
            }
            VenueCommand command;
            AccountId accountId = AccountId.of(account.name());
            InstrumentId instrumentId = InstrumentId.of(instrument.symbol());
            String chosen = engine.matching().venueName(e.reason(i));
            VenueId venue = VenueId.of(chosen != null ? chosen
                    : venues.getOrDefault(instrument.symbol(), DEFAULT_VENUE));
            long orderId = e.orderId(i);
            if (type == Events.ROUTED) {
                boolean own = c.op == Op.NEW && c.orderId == orderId;
                command = new VenueCommand(VenueCommand.Kind.NEW, orderId, own ? c.clientOrderId : 0, accountId,
                        instrumentId, venue, e.side(i), own ? c.type : null, own ? c.tif : null, e.price(i),
                        own ? c.stopPrice : 0, e.qty(i), e.leaves(i), own ? c.flags : 0, own ? c.expiry : 0);
            } else if (type == Events.PENDING_CANCEL) {
                command = new VenueCommand(VenueCommand.Kind.CANCEL, orderId, 0, accountId, instrumentId, venue,
                        e.side(i), null, null, e.price(i), 0, e.qty(i), e.leaves(i), 0, 0);
            } else {
                command = new VenueCommand(VenueCommand.Kind.REPLACE, orderId, 0, accountId, instrumentId, venue,
                        e.side(i), null, null, e.price(i), 0, e.qty(i), e.leaves(i), 0, 0);
            }
            for (VenueOrderRouter router : routers) {
                try {
                    router.route(command);
                } catch (RuntimeException ex) {
                    LOG.error("venue router {} failed on {}", router, command, ex);
                }
            }
        }
    }
}
