package io.nautilus.web.rest;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.MarketSnapshot;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Market data and venues, without the trading core: prices at scale 0 as the shell shows them then. */
class MarketDataResourceTest {

    private static final InstrumentId ACME = InstrumentId.of("SIM-ACME");
    private static final long T = 1_765_000_000_123_456_789L;

    /** One quote of SIM-ACME, no trade; bars of 1m with the requests recorded. */
    static final class MarketData implements MarketDataService, MarketDataAdminService {
        final List<String> barRequests = new ArrayList<>();

        @Override
        public Subscription subscribe(String name, MarketDataSubscriber subscriber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Quote lastQuote(InstrumentId instrument) {
            return snapshot().quotes().get(instrument);
        }

        @Override
        public Trade lastTrade(InstrumentId instrument) {
            return null;
        }

        @Override
        public MarketSnapshot snapshot() {
            return new MarketSnapshot(Map.of(ACME, new Quote(ACME, 10_050, 3, FixedPoint.NULL, 0, T)), Map.of());
        }

        @Override
        public List<FeedStats> feedStats() {
            return List.of();
        }

        @Override
        public List<SubscriptionStats> subscriptionStats() {
            return List.of();
        }

        @Override
        public List<BarSpec> barSpecs() {
            return List.of(BarSpec.time(60_000_000_000L), BarSpec.ticks(100));
        }

        @Override
        public List<Bar> bars(InstrumentId instrument, BarSpec spec, int count) {
            barRequests.add(instrument + " " + spec.label() + " " + count);
            return List.of(new Bar(instrument, T, T + 60_000_000_000L, 100, 110, 90, 105, 7, 3));
        }
    }

    private final MarketData marketData = new MarketData();
    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().mount(new MarketDataResource(), new VenueResource());
        rest.context.with(MarketDataService.class, marketData).with(MarketDataAdminService.class, marketData)
                .with(VenueAdminService.class, new VenueAdminService() {
                    @Override
                    public List<VenueStatus> venues() {
                        return List.of(new VenueStatus(new VenueSessionInfo(VenueId.of("SIM"),
                                ConnectionState.LOGGED_ON, "", 12, 9, 0, ""), 2, 40, 38, 0, "never", false));
                    }

                    @Override
                    public String connect(String venue) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public String disconnect(String venue) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public String reconcile(String venue) {
                        throw new UnsupportedOperationException();
                    }
                });
        rest.start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void quotesWithAnEmptySideAsNull() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/marketdata/quotes", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get(0).path("instrument").asText()).isEqualTo("SIM-ACME");
        assertThat(answer.json().get(0).path("bidPrice").asText()).isEqualTo("10050");
        assertThat(answer.json().get(0).path("askSize").isNull()).isTrue();
        assertThat(answer.json().get(0).path("askPrice").isNull()).isTrue();
        assertThat(answer.json().get(0).path("lastPrice").isNull()).isTrue();
        assertThat(answer.json().get(0).path("time").asText()).isEqualTo("2025-12-06T05:46:40.123456789Z");
        assertThat(rest.get("/api/v1/marketdata/quotes?instrument=SIM-OTHER", "viewer").json()).isEmpty();
    }

    @Test
    void barsOfTheFirstOrTheNamedSpec() throws Exception {
        RestHarness.Answer first = rest.get("/api/v1/marketdata/bars/SIM-ACME", "viewer");
        RestHarness.Answer ticks = rest.get("/api/v1/marketdata/bars/SIM-ACME?spec=ticks:100&limit=5", "viewer");

        assertThat(first.json().path("spec").asText()).isEqualTo("1m");
        assertThat(first.json().path("bars").get(0).path("close").asText()).isEqualTo("105");
        assertThat(ticks.json().path("spec").asText()).isEqualTo("ticks:100");
        assertThat(marketData.barRequests).containsExactly("SIM-ACME 1m 50", "SIM-ACME ticks:100 5");
    }

    @Test
    void anUnknownSpecIsABadRequestNamingTheKnownOnes() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/marketdata/bars/SIM-ACME?spec=5m", "viewer");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).isEqualTo("no bar spec '5m'; the engine builds 1m, ticks:100");
        assertThat(marketData.barRequests).isEmpty();
    }

    @Test
    void venuesWithTheirSessions() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/venues", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get(0).path("venue").asText()).isEqualTo("SIM");
        assertThat(answer.json().get(0).path("state").asText()).isEqualTo("LOGGED_ON");
        assertThat(answer.json().get(0).path("lastStateChange").isNull()).isTrue();
        assertThat(answer.json().get(0).path("workingOrders").asInt()).isEqualTo(2);
    }
}
