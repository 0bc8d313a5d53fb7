package io.nautilus.venue.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.venue.rest.internal.RestVenueGateway.RequestKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alpaca's decimals, statuses, ids and error mapping. */
class AlpacaCodecTest {

    @Test
    void decimalsAreWrittenPlainAndReadAtTheInstrumentsScale() {
        assertThat(AlpacaCodec.decimal(10_125, 2)).isEqualTo("101.25");
        assertThat(AlpacaCodec.decimal(10_000, 2)).isEqualTo("100");
        assertThat(AlpacaCodec.decimal(5, 1)).isEqualTo("0.5");
        assertThat(AlpacaCodec.quantity(new TextNode("12.50"), 2, 0)).isEqualTo(1_250);
        assertThat(AlpacaCodec.price(new TextNode("101.275"), 2)).isEqualTo(10_128); // half even
        assertThat(AlpacaCodec.price(null, 2)).isEqualTo(FixedPoint.NULL);
        assertThatThrownBy(() -> AlpacaCodec.quantity(new TextNode("1.5"), 0, 0))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void venueStatusesMapToTheplatformsAndIdsAreStable() {
        assertThat(AlpacaCodec.status("partially_filled", 1)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(AlpacaCodec.status("accepted", 0)).isEqualTo(OrderStatus.NEW);
        assertThat(AlpacaCodec.status("replaced", 0)).isEqualTo(OrderStatus.CANCELED);
        assertThat(AlpacaCodec.status("done_for_day", 0)).isEqualTo(OrderStatus.DONE_FOR_DAY);
        String uuid = "61e69015-8549-4bfd-b9c3-01e75843f47d";
        assertThat(AlpacaCodec.orderIdOf(uuid)).isPositive().isEqualTo(AlpacaCodec.orderIdOf(uuid));
        assertThat(AlpacaCodec.orderIdOf(null)).isZero();
    }

    @Test
    void httpStatusesMapToRejectReasons() {
        assertThat(RestVenueGateway.rejectReasonOf(403, RequestKind.NEW)).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(RestVenueGateway.rejectReasonOf(422, RequestKind.NEW)).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(RestVenueGateway.rejectReasonOf(422, RequestKind.CANCEL)).isEqualTo(RejectReason.ORDER_FINISHED);
        assertThat(RestVenueGateway.rejectReasonOf(404, RequestKind.REPLACE)).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(RestVenueGateway.rejectReasonOf(429, RequestKind.NEW)).isEqualTo(RejectReason.THROTTLED);
        assertThat(RestVenueGateway.rejectReasonOf(503, RequestKind.NEW)).isEqualTo(RejectReason.VENUE_UNAVAILABLE);
        assertThat(new AlpacaCodec(new ObjectMapper()).errorMessage("{\"code\":40310000,\"message\":\"insufficient"
                + " buying power\"}")).isEqualTo("insufficient buying power (code 40310000)");
    }

    @Test
    void settingsNeverShowTheSecret() {
        RestVenueSettings settings = RestVenueSettings.defaults(io.nautilus.api.VenueId.of("ALPACA"),
                java.net.URI.create("https://paper-api.alpaca.markets"),
                java.net.URI.create("wss://paper-api.alpaca.markets/stream"), "PK1", "very-secret");
        assertThat(settings.toString()).doesNotContain("very-secret").contains("secret set");
        assertThatThrownBy(() -> RestVenueSettings.parseSymbols("SIM-ACME"))
                .hasMessageContaining("'SIM-ACME' is not INSTRUMENT=SYMBOL");
    }
}
