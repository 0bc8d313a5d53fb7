package io.nautilus.events.internal;

/** The event streams of the {@code nautilus-events} component, one per endpoint path. */
public enum EventKind {

    /** Every execution report the core published. */
    EXECUTIONS("executions", "execution"),
    /** Execution reports that carry a fill (partial or complete). */
    FILLS("fills", "fill"),
    /** Bars completed by the market-data engine. */
    BARS("bars", "bar");

    private final String path;
    private final String eventType;

    EventKind(String path, String eventType) {
        this.path = path;
        this.eventType = eventType;
    }

    /** @return the endpoint path, e.g. {@code fills} */
    public String path() {
        return path;
    }

    /** @return the value of the {@code NautilusEventType} header and the JSON {@code event} key, e.g. {@code fill} */
    public String eventType() {
        return eventType;
    }

    /**
     * The stream an endpoint path names.
     *
     * @param path the path after the scheme
     * @return the stream
     * @throws IllegalArgumentException if the path names none
     */
    public static EventKind ofPath(String path) {
        String name = path == null ? "" : path.startsWith("//") ? path.substring(2) : path;
        for (EventKind kind : values()) {
            if (kind.path.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(EventsComponent.SCHEME + ":" + name + ": unknown event stream '" + name
                + "'; use nautilus-events:executions, nautilus-events:fills or nautilus-events:bars");
    }
}
