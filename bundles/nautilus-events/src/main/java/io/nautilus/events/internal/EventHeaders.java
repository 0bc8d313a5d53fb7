package io.nautilus.events.internal;

/** The Camel message headers of {@code nautilus-events} exchanges. */
public final class EventHeaders {

    /** The instrument id (text): the Kafka key in the example route, so events of one instrument keep their order. */
    public static final String INSTRUMENT = "NautilusInstrument";
    /** The core's journal sequence number of the command that produced the report (long); absent on bars. */
    public static final String CORE_SEQ = "NautilusCoreSeq";
    /** {@code execution}, {@code fill} or {@code bar}. */
    public static final String EVENT_TYPE = "NautilusEventType";

    private EventHeaders() {
    }
}
