package io.nautilus.venue.fix;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One FIX venue session, a factory configuration {@code etc/io.nautilus.venue.fix-<venue>.cfg}; the component
 * reads and validates the raw properties itself ({@link FixVenueSettings}) so a broken file gets a clear error, and
 * takes the defaults of an absent property from here: they are written nowhere else.
 */
@ObjectClassDefinition(name = "Nautilus FIX venue",
        description = "One QuickFIX/J initiator session (FIX 4.2 or 4.4) to an external venue, registered as the"
                + " venue's VenueGateway service.")
public @interface FixVenueConfig {

    /** @return the venue id, the service property {@code venue.id} */
    @AttributeDefinition(description = "Venue id, e.g. ACME-FIX; the VenueGateway service carries it as venue.id.")
    String venue_id();

    /** @return the FIX version */
    @AttributeDefinition(description = "FIX version of the session.",
            options = {@Option(value = "FIX.4.2", label = "FIX 4.2"), @Option(value = "FIX.4.4", label = "FIX 4.4")})
    String begin_string() default "FIX.4.4";

    /** @return the venue's host */
    @AttributeDefinition(description = "Host name or address of the venue's FIX acceptor.")
    String host();

    /** @return the venue's port */
    @AttributeDefinition(description = "TCP port of the venue's FIX acceptor.", min = "1", max = "65535")
    int port();

    /** @return our comp id */
    @AttributeDefinition(description = "SenderCompID (49): our side of the session.")
    String sender_comp_id();

    /** @return the venue's comp id */
    @AttributeDefinition(description = "TargetCompID (56): the venue's side of the session.")
    String target_comp_id();

    /** @return heartbeat interval in seconds */
    @AttributeDefinition(description = "HeartBtInt (108) in seconds.", min = "1", max = "3600")
    int heartbeat_seconds() default 30;

    /** @return daily session start, empty for always on */
    @AttributeDefinition(description = "Daily session start HH:mm:ss in session.time.zone; empty with"
            + " session.end empty for an always-on session.", required = false)
    String session_start() default "";

    /** @return daily session end, empty for always on */
    @AttributeDefinition(description = "Daily session end HH:mm:ss in session.time.zone; empty with"
            + " session.start empty for an always-on session.", required = false)
    String session_end() default "";

    /** @return the schedule's time zone */
    @AttributeDefinition(description = "Time zone of the session schedule, e.g. UTC or America/Chicago.")
    String session_time_zone() default "UTC";

    /** @return the data dictionary */
    @AttributeDefinition(description = "Data dictionary file validating the venue's messages; empty for"
            + " QuickFIX/J's own FIX42.xml or FIX44.xml.", required = false)
    String data_dictionary() default "";

    /** @return whether incoming messages are validated */
    @AttributeDefinition(description = "Validate incoming messages against the data dictionary (an invalid message"
            + " is rejected at session level and never reaches the order flow).")
    boolean validate_incoming() default true;

    /** @return the file store directory */
    @AttributeDefinition(description = "Directory of the persistent file store (sequence numbers and sent"
            + " messages); empty for ${karaf.data}/nautilus/fix/<venue>.", required = false)
    String store_path() default "";

    /** @return whether the store syncs every write */
    @AttributeDefinition(description = "fsync the store after every message (safe, costs milliseconds a"
            + " message).")
    boolean store_sync() default false;

    /** @return the reconnect back-off */
    @AttributeDefinition(description = "Seconds between reconnect attempts, QuickFIX/J syntax: 5, or a back-off"
            + " such as 1;2;5;3x10 (the last value repeats).")
    String reconnect_interval() default "1;2;5;10;30";

    /** @return logon timeout */
    @AttributeDefinition(description = "Seconds to wait for the venue's Logon answer.", min = "1")
    int logon_timeout_seconds() default 10;

    /** @return logout timeout */
    @AttributeDefinition(description = "Seconds to wait for the venue's Logout answer.", min = "1")
    int logout_timeout_seconds() default 2;

    /** @return reset on logon */
    @AttributeDefinition(description = "ResetSeqNumFlag (141=Y) on every logon: both sides restart at 1 (no"
            + " resend of messages missed while away).")
    boolean reset_on_logon() default false;

    /** @return reset on logout */
    @AttributeDefinition(description = "Reset sequence numbers after a logout.")
    boolean reset_on_logout() default false;

    /** @return reset on disconnect */
    @AttributeDefinition(description = "Reset sequence numbers after a disconnect.")
    boolean reset_on_disconnect() default false;

    /** @return whether to connect when configured */
    @AttributeDefinition(description = "Connect as soon as the configuration is active; false to wait for"
            + " connect().")
    boolean connect_on_start() default true;

    /** @return whether orders carry the account */
    @AttributeDefinition(description = "Send the order's account as Account (1).")
    boolean send_account() default true;
}
