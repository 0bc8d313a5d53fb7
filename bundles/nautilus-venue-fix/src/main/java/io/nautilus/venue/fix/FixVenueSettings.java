package io.nautilus.venue.fix;

import io.nautilus.api.VenueId;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The validated configuration of one FIX venue session and the QuickFIX/J {@link SessionSettings} it becomes.
 *
 * @param venue                the venue id
 * @param beginString          {@code FIX.4.2} or {@code FIX.4.4}
 * @param host                 the venue's host
 * @param port                 the venue's port, 1 to 65535
 * @param senderCompId         our SenderCompID (49)
 * @param targetCompId         the venue's TargetCompID (56)
 * @param heartbeatSeconds     HeartBtInt (108), 1 to 3600
 * @param sessionStart         daily start, or {@code null} for an always-on session
 * @param sessionEnd           daily end, or {@code null} for an always-on session
 * @param timeZone             the schedule's time zone
 * @param dataDictionary       the data dictionary file or class-path resource
 * @param validateIncoming     whether incoming messages are validated against the dictionary
 * @param storePath            the file store's directory
 * @param storeSync            whether the store syncs every write
 * @param reconnectInterval    QuickFIX/J's ReconnectInterval, e.g. {@code 1;2;5;3x10}
 * @param logonTimeoutSeconds  seconds to wait for the Logon answer
 * @param logoutTimeoutSeconds seconds to wait for the Logout answer
 * @param resetOnLogon         ResetSeqNumFlag on every logon
 * @param resetOnLogout        reset sequence numbers after a logout
 * @param resetOnDisconnect    reset sequence numbers after a disconnect
 * @param connectOnStart       connect as soon as the session is configured
 * @param sendAccount          send the order's account as Account (1)
 */
public record FixVenueSettings(VenueId venue, String beginString, String host, int port, String senderCompId,
                               String targetCompId, int heartbeatSeconds, LocalTime sessionStart,
                               LocalTime sessionEnd, ZoneId timeZone, String dataDictionary,
                               boolean validateIncoming, Path storePath, boolean storeSync,
                               String reconnectInterval, int logonTimeoutSeconds, int logoutTimeoutSeconds,
                               boolean resetOnLogon, boolean resetOnLogout, boolean resetOnDisconnect,
                               boolean connectOnStart, boolean sendAccount) {

    /** FIX 4.2. */
    public static final String FIX42 = "FIX.4.2";

    /** FIX 4.4. */
    public static final String FIX44 = "FIX.4.4";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** Validates the settings; see {@link #parse(Map)} for the rules and their messages. */
    public FixVenueSettings {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(storePath, "storePath");
        Objects.requireNonNull(dataDictionary, "dataDictionary");
        String prefix = "FIX venue " + venue + ": ";
        if (!FIX42.equals(beginString) && !FIX44.equals(beginString)) {
            throw new IllegalArgumentException(prefix + "begin.string '" + beginString + "' is not FIX.4.2 or FIX.4.4");
        }
        if ((sessionStart == null) != (sessionEnd == null)) {
            throw new IllegalArgumentException(prefix + "session.start and session.end must both be set (a daily"
                    + " schedule) or both be empty (always on)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(prefix + "port " + port + " must be within 1..65535");
        }
        if (heartbeatSeconds < 1 || heartbeatSeconds > 3600) {
            throw new IllegalArgumentException(prefix + "heartbeat.seconds " + heartbeatSeconds
                    + " must be within 1..3600");
        }
        if (logonTimeoutSeconds < 1 || logoutTimeoutSeconds < 1) {
            throw new IllegalArgumentException(prefix + "logon.timeout.seconds " + logonTimeoutSeconds
                    + " and logout.timeout.seconds " + logoutTimeoutSeconds + " must be at least 1");
        }
        try {
            SessionSettings.parseSettingReconnectInterval(reconnectInterval);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(prefix + "reconnect.interval '" + reconnectInterval
                    + "' is not seconds or a back-off such as 1;2;5;3x10");
        }
    }

    /**
     * Reads and validates a Config Admin configuration of factory PID {@code io.nautilus.venue.fix}.
     *
     * @param properties the configuration's properties (strings as written in the .cfg file, or typed values)
     * @param karafData  the {@code karaf.data} directory for the default store path, or {@code null} to use the
     *                   working directory
     * @return the settings
     * @throws IllegalArgumentException naming the property, its value and what is expected, if anything is
     *                                  missing or invalid
     */
    public static FixVenueSettings parse(Map<String, ?> properties, String karafData) {
        Reader in = new Reader(properties);
        String venueText = in.required("venue.id");
        VenueId venue;
        try {
            venue = VenueId.of(venueText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FIX venue configuration: venue.id '" + venueText + "' is not a valid"
                    + " venue id (1 to 64 of letters, digits and . _ - : /)");
        }
        in.venue = venue;
        String beginString = in.optional("begin.string");
        String dictionary = in.optional("data.dictionary");
        if (dictionary.isEmpty()) {
            dictionary = FIX42.equals(beginString) ? "FIX42.xml" : "FIX44.xml";
        }
        String store = in.optional("store.path");
        Path storePath = store.isEmpty()
                ? Path.of(karafData == null ? "data" : karafData, "nautilus", "fix", venue.value())
                : Path.of(store);
        return new FixVenueSettings(venue, beginString, in.required("host"), in.integer("port"),
                in.required("sender.comp.id"), in.required("target.comp.id"), in.integer("heartbeat.seconds"),
                in.time("session.start"), in.time("session.end"), in.zone("session.time.zone"), dictionary,
                in.bool("validate.incoming"), storePath, in.bool("store.sync"), in.optional("reconnect.interval"),
                in.integer("logon.timeout.seconds"), in.integer("logout.timeout.seconds"), in.bool("reset.on.logon"),
                in.bool("reset.on.logout"), in.bool("reset.on.disconnect"), in.bool("connect.on.start"),
                in.bool("send.account"));
    }

    /**
     * The FIX session id.
     *
     * @return BeginString:SenderCompID->TargetCompID
     */
    public SessionID sessionId() {
        return new SessionID(beginString, senderCompId, targetCompId);
    }

    /**
     * Whether the session is FIX 4.2 (else 4.4).
     *
     * @return true for FIX.4.2
     */
    public boolean isFix42() {
        return FIX42.equals(beginString);
    }

    /**
     * The QuickFIX/J settings of the one initiator session.
     *
     * @return fresh settings
     */
    public SessionSettings toSessionSettings() {
        SessionSettings settings = new SessionSettings();
        SessionID id = sessionId();
        settings.setString(id, "ConnectionType", "initiator");
        settings.setString(id, "SocketConnectHost", host);
        settings.setLong(id, "SocketConnectPort", port);
        settings.setLong(id, "HeartBtInt", heartbeatSeconds);
        if (sessionStart == null) {
            settings.setBool(id, "NonStopSession", true);
        } else {
            settings.setString(id, "StartTime", sessionStart.format(TIME));
            settings.setString(id, "EndTime", sessionEnd.format(TIME));
        }
        settings.setString(id, "TimeZone", timeZone.getId());
        settings.setBool(id, "UseDataDictionary", true);
        settings.setString(id, "DataDictionary", dataDictionary);
        settings.setBool(id, "ValidateIncomingMessage", validateIncoming);
        settings.setBool(id, "RejectInvalidMessage", true);
        settings.setString(id, "FileStorePath", storePath.toString());
        settings.setBool(id, "FileStoreSync", storeSync);
        settings.setBool(id, "PersistMessages", true);
        settings.setString(id, "ReconnectInterval", reconnectInterval);
        settings.setLong(id, "LogonTimeout", logonTimeoutSeconds);
        settings.setLong(id, "LogoutTimeout", logoutTimeoutSeconds);
        settings.setBool(id, "ResetOnLogon", resetOnLogon);
        settings.setBool(id, "ResetOnLogout", resetOnLogout);
        settings.setBool(id, "ResetOnDisconnect", resetOnDisconnect);
        return settings;
    }

    /**
     * The defaults of {@link FixVenueConfig}, the one place they are written, by key (DS's mapping: the attribute
     * {@code heartbeat_seconds} is the key {@code heartbeat.seconds}), as text.
     *
     * @return key to default value; keys without a default (required ones) are absent
     */
    static Map<String, String> metatypeDefaults() {
        return DEFAULTS;
    }

    private static final Map<String, String> DEFAULTS = readDefaults();

    private static Map<String, String> readDefaults() {
        Map<String, String> defaults = new HashMap<>();
        for (Method attribute : FixVenueConfig.class.getDeclaredMethods()) {
            Object value = attribute.getDefaultValue();
            if (value != null) {
                defaults.put(attribute.getName().replace('_', '.'), String.valueOf(value));
            }
        }
        return Map.copyOf(defaults);
    }

    /**
     * Reads typed values from Config Admin properties, an absent or blank one as its Metatype default, with messages
     * that name the venue and the property.
     */
    private static final class Reader {
        private final Map<String, ?> properties;
        private VenueId venue;

        Reader(Map<String, ?> properties) {
            this.properties = Objects.requireNonNull(properties, "properties");
        }

        private String where() {
            return venue == null ? "FIX venue configuration: " : "FIX venue " + venue + ": ";
        }

        String optional(String key) {
            Object value = properties.get(key);
            String text = value == null ? "" : String.valueOf(value).strip();
            return text.isEmpty() ? DEFAULTS.getOrDefault(key, "") : text;
        }

        String required(String key) {
            String text = optional(key);
            if (text.isEmpty()) {
                throw new IllegalArgumentException(where() + key + " is required");
            }
            return text;
        }

        int integer(String key) {
            String text = required(key);
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + key + " '" + text + "' is not a whole number");
            }
        }

        boolean bool(String key) {
            String text = required(key);
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "y", "yes" -> true;
                case "false", "n", "no" -> false;
                default -> throw new IllegalArgumentException(where() + key + " '" + text
                        + "' is not true or false");
            };
        }

        LocalTime time(String key) {
            String text = optional(key);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalTime.parse(text, TIME);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where() + key + " '" + text + "' is not a time HH:mm:ss");
            }
        }

        ZoneId zone(String key) {
            String text = required(key);
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where() + key + " '" + text + "' is not a time zone (e.g. UTC"
                        + " or Europe/London)");
            }
        }
    }
}
