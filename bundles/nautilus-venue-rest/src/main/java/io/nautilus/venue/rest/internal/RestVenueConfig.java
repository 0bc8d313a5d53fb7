package io.nautilus.venue.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One REST/WebSocket venue's configuration: factory PID {@code io.nautilus.venue.rest}, one file per venue,
 * {@code etc/io.nautilus.venue.rest-<venue>.cfg}.
 */
@ObjectClassDefinition(name = "Nautilus REST/WebSocket venue",
        description = "A venue gateway for a broker with Alpaca's trading API: orders over REST, execution reports"
                + " from the trade_updates WebSocket stream.")
public @interface RestVenueConfig {

    /** @return the venue id */
    @AttributeDefinition(name = "venue.id", description = "Venue id the gateway is registered under (service"
            + " property venue.id), e.g. ALPACA.")
    String venue_id();

    /** @return the REST base URL */
    @AttributeDefinition(description = "REST base URL without /v2: https://paper-api.alpaca.markets (paper) or"
            + " https://api.alpaca.markets (live).")
    String base_url() default "https://paper-api.alpaca.markets";

    /** @return the stream URL */
    @AttributeDefinition(description = "trade_updates WebSocket URL: wss://paper-api.alpaca.markets/stream or"
            + " wss://api.alpaca.markets/stream.")
    String stream_url() default "wss://paper-api.alpaca.markets/stream";

    /** @return the key id */
    @AttributeDefinition(description = "API key id (header APCA-API-KEY-ID).")
    String key_id() default "";

    /** @return the secret */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "API secret key (header"
            + " APCA-API-SECRET-KEY); never logged. Prefer ${env:NAME} in the .cfg file to keep it out of etc/.")
    String secret() default "";

    /** @return the request rate limit */
    @AttributeDefinition(description = "The venue's request limit in requests per second (Alpaca: 200 a minute,"
            + " about 3.3).", min = "0.01")
    double requests_per_second() default 3.0;

    /** @return the burst */
    @AttributeDefinition(description = "Requests that may go at once after a quiet period (token bucket size).",
            min = "1")
    int burst() default 5;

    /** @return the queue capacity */
    @AttributeDefinition(description = "Commands that may wait for the rate limit; when full, new commands are"
            + " rejected THROTTLED at once.", min = "1")
    int queue_capacity() default 100;

    /** @return the longest wait in the queue */
    @AttributeDefinition(description = "Milliseconds a command may wait for the rate limit; after that it is"
            + " rejected THROTTLED instead of being sent late.", min = "1")
    long queue_max_wait_ms() default 10_000;

    /** @return the connect timeout */
    @AttributeDefinition(description = "Connect timeout in milliseconds (REST and stream).", min = "1")
    long connect_timeout_ms() default 5_000;

    /** @return the request timeout */
    @AttributeDefinition(description = "REST response timeout in milliseconds; a timed-out order is looked up by"
            + " its client order id before it is ever resent.", min = "1")
    long request_timeout_ms() default 5_000;

    /** @return the status look-up attempts */
    @AttributeDefinition(description = "Attempts of a status look-up or cancel after a timeout, I/O error or 5xx.",
            min = "1")
    int status_retries() default 3;

    /** @return the first reconnect delay */
    @AttributeDefinition(description = "First stream reconnect delay in milliseconds; doubles up to"
            + " reconnect.max.ms, reset once the stream listens again.", min = "1")
    long reconnect_initial_ms() default 500;

    /** @return the longest reconnect delay */
    @AttributeDefinition(description = "Longest stream reconnect delay in milliseconds.", min = "1")
    long reconnect_max_ms() default 30_000;

    /** @return the symbol mapping */
    @AttributeDefinition(description = "Venue symbols where they differ from the instrument definitions' symbol:"
            + " INSTRUMENT=SYMBOL pairs, comma-separated (e.g. SIM-ACME=ACME, BTC-USD.ALPACA=BTC/USD).",
            required = false)
    String symbols() default "";
}
