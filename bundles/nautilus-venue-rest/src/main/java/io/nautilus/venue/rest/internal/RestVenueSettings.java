package io.nautilus.venue.rest.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One REST/WebSocket venue's validated settings, built from {@link RestVenueConfig} or directly in tests.
 *
 * @param venue              the venue id the gateway is registered under
 * @param baseUri            the REST base, e.g. {@code https://paper-api.alpaca.markets} (without {@code /v2})
 * @param streamUri          the {@code trade_updates} WebSocket, e.g. {@code wss://paper-api.alpaca.markets/stream}
 * @param keyId              the API key id (sent as {@code APCA-API-KEY-ID}; may be logged)
 * @param secret             the API secret (sent as {@code APCA-API-SECRET-KEY}; never logged, not in
 *                           {@link #toString()})
 * @param requestsPerSecond  the venue's request rate limit, greater than zero
 * @param burst              requests that may go at once, 1 or more
 * @param queueCapacity      commands that may wait for a token; more are rejected {@code THROTTLED}, 1 or more
 * @param maxQueueWait       a command that waited longer is rejected {@code THROTTLED} instead of sent late
 * @param connectTimeout     TCP/TLS connect timeout for REST and the stream
 * @param requestTimeout     time for a REST response; a timed-out order is looked up before any resend
 * @param statusRetries      status look-ups after an uncertain outcome (timeout, I/O error, 5xx), 1 or more
 * @param reconnectInitial   the stream's first reconnect delay
 * @param reconnectMax       the stream's longest reconnect delay (the delay doubles up to it)
 * @param symbols            instrument id to venue symbol, overriding the instrument definitions' symbols
 */
public record RestVenueSettings(VenueId venue, URI baseUri, URI streamUri, String keyId, String secret,
                                double requestsPerSecond, int burst, int queueCapacity, Duration maxQueueWait,
                                Duration connectTimeout, Duration requestTimeout, int statusRetries,
                                Duration reconnectInitial, Duration reconnectMax,
                                Map<InstrumentId, String> symbols) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the setting and the value when one is out of range
     */
    public RestVenueSettings {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(streamUri, "streamUri");
        keyId = Objects.requireNonNullElse(keyId, "");
        secret = Objects.requireNonNullElse(secret, "");
        symbols = Map.copyOf(Objects.requireNonNullElse(symbols, Map.of()));
        String where = "venue " + venue + ": ";
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException(where + "base.url '" + baseUri + "' must be an http or https URL");
        }
        if (!"ws".equals(streamUri.getScheme()) && !"wss".equals(streamUri.getScheme())) {
            throw new IllegalArgumentException(where + "stream.url '" + streamUri + "' must be a ws or wss URL");
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(where + "requests.per.second " + requestsPerSecond
                    + " must be greater than 0");
        }
        if (burst < 1 || queueCapacity < 1 || statusRetries < 1) {
            throw new IllegalArgumentException(where + "burst (" + burst + "), queue.capacity (" + queueCapacity
                    + ") and status.retries (" + statusRetries + ") must each be 1 or more");
        }
        requirePositive(where, "queue.max.wait.ms", maxQueueWait);
        requirePositive(where, "connect.timeout.ms", connectTimeout);
        requirePositive(where, "request.timeout.ms", requestTimeout);
        requirePositive(where, "reconnect.initial.ms", reconnectInitial);
        requirePositive(where, "reconnect.max.ms", reconnectMax);
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException(where + "reconnect.max.ms " + reconnectMax.toMillis()
                    + " must not be below reconnect.initial.ms " + reconnectInitial.toMillis());
        }
    }

    private static void requirePositive(String where, String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(where + name + " " + value.toMillis() + " must be greater than 0");
        }
    }

    /**
     * Settings with Alpaca's defaults (200 requests a minute) for a venue, base URL and stream URL.
     *
     * @param venue     the venue id
     * @param baseUri   the REST base URL
     * @param streamUri the WebSocket URL
     * @param keyId     the key id
     * @param secret    the secret
     * @return the settings
     */
    public static RestVenueSettings defaults(VenueId venue, URI baseUri, URI streamUri, String keyId, String secret) {
        return new RestVenueSettings(venue, baseUri, streamUri, keyId, secret, 3.0, 5, 100, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofMillis(500), Duration.ofSeconds(30),
                Map.of());
    }

    /**
     * A copy with another rate limit and queue.
     *
     * @param rate     requests per second
     * @param burstSize the burst
     * @param capacity  the queue capacity
     * @param maxWait   the longest a command may wait in the queue
     * @return the copy
     */
    public RestVenueSettings withThrottle(double rate, int burstSize, int capacity, Duration maxWait) {
        return new RestVenueSettings(venue, baseUri, streamUri, keyId, secret, rate, burstSize, capacity, maxWait,
                connectTimeout, requestTimeout, statusRetries, reconnectInitial, reconnectMax, symbols);
    }

    /**
     * A copy with other timeouts and reconnect back-off.
     *
     * @param request the REST response timeout
     * @param initial the first reconnect delay
     * @param max     the longest reconnect delay
     * @return the copy
     */
    public RestVenueSettings withTimeouts(Duration request, Duration initial, Duration max) {
        return new RestVenueSettings(venue, baseUri, streamUri, keyId, secret, requestsPerSecond, burst,
                queueCapacity, maxQueueWait, connectTimeout, request, statusRetries, initial, max, symbols);
    }

    /**
     * A copy with a symbol mapping.
     *
     * @param mapping instrument id to venue symbol
     * @return the copy
     */
    public RestVenueSettings withSymbols(Map<InstrumentId, String> mapping) {
        return new RestVenueSettings(venue, baseUri, streamUri, keyId, secret, requestsPerSecond, burst,
                queueCapacity, maxQueueWait, connectTimeout, requestTimeout, statusRetries, reconnectInitial,
                reconnectMax, mapping);
    }

    /**
     * Parses a symbol mapping: {@code INSTRUMENT=SYMBOL} pairs separated by commas, e.g.
     * {@code SIM-ACME=ACME, BTC-USD.ALPACA=BTC/USD}.
     *
     * @param text the mapping, may be empty
     * @return instrument id to venue symbol
     * @throws IllegalArgumentException naming the entry that is not {@code INSTRUMENT=SYMBOL}
     */
    public static Map<InstrumentId, String> parseSymbols(String text) {
        Map<InstrumentId, String> mapping = new LinkedHashMap<>();
        if (text == null) {
            return mapping;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1 || entry.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("symbols entry '" + entry.strip()
                        + "' is not INSTRUMENT=SYMBOL (e.g. SIM-ACME=ACME)");
            }
            mapping.put(InstrumentId.of(entry.substring(0, eq).strip()), entry.substring(eq + 1).strip());
        }
        return mapping;
    }

    /**
     * The settings without the secret.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "venue " + venue + " (REST " + baseUri + ", stream " + streamUri + ", key id " + keyId
                + ", secret " + (secret.isEmpty() ? "not set" : "set") + ", " + requestsPerSecond + " req/s burst "
                + burst + ", queue " + queueCapacity + ")";
    }
}
