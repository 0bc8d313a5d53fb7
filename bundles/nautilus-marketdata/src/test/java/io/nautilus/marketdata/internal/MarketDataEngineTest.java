package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.MarketDataListener;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.nautilus.marketdata.internal.Fixtures.BTC;
import static io.nautilus.marketdata.internal.Fixtures.EUR;
import static org.assertj.core.api.Assertions.assertThat;

class MarketDataEngineTest {

    private static final long WAIT_SECONDS = 20;

    private MarketDataEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private MarketDataEngine start(MarketDataConfig config) {
        engine = new MarketDataEngine(List.of(BTC, EUR), config);
        return engine;
    }

    private FeedStats stats(String feed) {
        assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        return engine.feedStats().stream().filter(s -> s.feedId().equals(feed)).findFirst().orElseThrow();
    }

    @Test
    void aDirectSubscriberGetsEveryUpdateInOrderOnTheEngineThreadAndAFailingOneKeepsItsSubscription() {
        start(MarketDataConfig.defaults());
        java.util.List<Long> bids = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        io.nautilus.marketdata.api.Subscription direct = engine.subscribeDirect("direct",
                new io.nautilus.marketdata.api.MarketDataSubscriber() {
                    @Override
                    public void onQuote(io.nautilus.api.marketdata.Quote quote) {
                        threads.add(Thread.currentThread().getName());
                        bids.add(quote.bidPrice());
                        if (quote.bidPrice() == 10_005) {
                            throw new IllegalStateException("a subscriber bug");
                        }
                    }
                });
        for (int i = 0; i < 2_000; i++) {
            engine.quote("a", "XBTUSD", i + 1, FixedPointText.of(10_000 + i % 20), "1",
                    FixedPointText.of(10_100 + i % 20), "1", 10 + i, 10 + i);
        }

        assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        assertThat(bids).hasSize(2_000);
        for (int i = 0; i < 2_000; i++) {
            assertThat(bids.get(i)).isEqualTo(10_000 + i % 20);
        }
        assertThat(threads).hasSize(1).noneMatch(name -> name.equals(Thread.currentThread().getName()));
        assertThat(direct.stats().delivered()).isEqualTo(2_000);
        assertThat(direct.stats().conflated()).isZero();
        assertThat(engine.subscriptionStats()).extracting(io.nautilus.marketdata.api.SubscriptionStats::name)
                .contains("direct");
        direct.close();
        engine.quote("a", "XBTUSD", 3_000, "101.00", "1", "102.00", "1", 5_000, 5_000);
        assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        assertThat(bids).hasSize(2_000);
        assertThat(engine.subscriptionStats()).isEmpty();
    }

    /** Prices at scale 2 as decimal text. */
    private static final class FixedPointText {
        static String of(long units) {
            return io.nautilus.api.instrument.FixedPoint.format(units, 2);
        }
    }

    @Test
    void unknownInstrumentAndUnnormalisableValuesAreRejectedAndCountedPerFeed() {
        start(MarketDataConfig.defaults());
        engine.trade("a", "DOGEUSD", 1, "1", "1", null, null, 10, 10);
        engine.trade("a", "XBTUSD", 2, "101.255", "1", null, null, 10, 10);
        engine.quote("b", "XBTUSD", 1, "abc", "1", "101", "1", 10, 10);
        engine.trade("b", "XBTUSD", 2, Double.NaN, 1, null, null, 10, 10);

        FeedStats a = stats("a");
        FeedStats b = stats("b");
        assertThat(a.rejected(ValidationReason.UNKNOWN_INSTRUMENT)).isEqualTo(1);
        assertThat(a.rejected(ValidationReason.INVALID_VALUE)).isEqualTo(1);
        assertThat(a.lastError()).contains("101.255").contains("scale 2");
        assertThat(b.rejected(ValidationReason.INVALID_VALUE)).isEqualTo(2);
        assertThat(b.accepted()).isZero();
        assertThat(engine.snapshot().trades()).isEmpty();
        assertThat(engine.handlerErrors()).isZero();
    }

    @Test
    void acceptedTicksBecomeTheLastQuoteAndTradeAndRejectedOnesDoNot() {
        start(MarketDataConfig.defaults());
        engine.quote("a", "XBTUSD", 1, "100.00", "1.5", "100.10", "2", 10, 10);
        engine.quote("a", "XBTUSD", 2, "100.20", "1", "100.10", "1", 11, 11); // crossed: rejected
        engine.trade("a", "EUR-USD", 1, 1.0851, 1000, Side.BUY, "t1", 12, 12); // by instrument id
        engine.trade("a", "EUR-USD", 1, 1.0852, 1000, Side.BUY, "t2", 13, 13); // duplicate: rejected

        assertThat(stats("a").rejected()).containsOnly(Map.entry(ValidationReason.CROSSED_QUOTE, 1L),
                Map.entry(ValidationReason.DUPLICATE, 1L));
        assertThat(engine.lastQuote(BTC.id())).isEqualTo(new Quote(BTC.id(), 10_000, 15_000, 10_010, 20_000, 10));
        assertThat(engine.lastTrade(EUR.id())).isEqualTo(new Trade(EUR.id(), 10_851, 1000, Side.BUY, "t1", 12));
        assertThat(engine.lastQuote(InstrumentId.of("NOPE"))).isNull();
        assertThat(engine.snapshot().quotes()).containsOnlyKeys(BTC.id());
    }

    @Test
    void flaggedTicksReachSubscribersMarkedAndBarsAreFannedOut() throws InterruptedException {
        start(MarketDataConfig.defaults().withLimits(0, 100).with(ValidationReason.PRICE_JUMP, ValidationAction.FLAG)
                .withBars(BarSpec.ticks(2)));
        List<Object> seen = new CopyOnWriteArrayList<>();
        CountDownLatch bar = new CountDownLatch(1);
        engine.subscribe("flags", new MarketDataSubscriber() {
            @Override
            public void onTrade(Trade trade) {
                seen.add(trade.price());
            }

            @Override
            public void onFlaggedTrade(Trade trade, ValidationReason reason) {
                seen.add(reason + "@" + trade.price());
            }

            @Override
            public void onBar(BarSpec spec, Bar b) {
                seen.add(b);
                bar.countDown();
            }
        });
        engine.trade("a", "XBTUSD", 0, "100", "1", null, null, 10, 10);
        engine.trade("a", "XBTUSD", 0, "110", "1", null, null, 20, 20);

        assertThat(bar.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly(10_000L, "PRICE_JUMP@11000",
                new Bar(BTC.id(), 10, 21, 10_000, 11_000, 10_000, 11_000, 20_000, 2));
        assertThat(stats("a").flagged(ValidationReason.PRICE_JUMP)).isEqualTo(1);
    }

    @Test
    void aClosedSubscriptionReceivesNothingMoreAndLeavesTheStats() throws InterruptedException {
        start(MarketDataConfig.defaults());
        AtomicLong quotes = new AtomicLong();
        CountDownLatch first = new CountDownLatch(1);
        Subscription subscription = engine.subscribe("closing", new MarketDataSubscriber() {
            @Override
            public void onQuote(Quote quote) {
                quotes.incrementAndGet();
                first.countDown();
            }
        });
        engine.quote("a", "XBTUSD", 1, "100", "1", "101", "1", 1, 1);
        assertThat(first.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        subscription.close();
        subscription.close();
        engine.quote("a", "XBTUSD", 2, "100", "1", "101", "1", 2, 2);
        assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        assertThat(engine.subscriptionStats()).isEmpty();
        assertThat(quotes.get()).isEqualTo(1);
    }

    @Test
    void aFeedServiceListenerIsValidatedAndCountedUnderItsFeedId() {
        start(MarketDataConfig.defaults());
        MarketDataListener listener = engine.listenerFor("spi");
        listener.onQuote(new Quote(BTC.id(), 10_000, 1, 10_010, 1, 5));
        listener.onQuote(new Quote(BTC.id(), 10_020, 1, 10_010, 1, 6)); // crossed
        listener.onTrade(new Trade(InstrumentId.of("NOPE"), 1, 1, null, null, 7));

        FeedStats spi = stats("spi");
        assertThat(spi.accepted()).isEqualTo(1);
        assertThat(spi.rejected()).containsOnly(Map.entry(ValidationReason.CROSSED_QUOTE, 1L),
                Map.entry(ValidationReason.UNKNOWN_INSTRUMENT, 1L));
        assertThat(engine.lastQuote(BTC.id())).isEqualTo(new Quote(BTC.id(), 10_000, 1, 10_010, 1, 5));
    }

    @Test
    void aSlowSubscriberIsConflatedWithoutSlowingTheFeedOrAFastSubscriber() throws InterruptedException {
        start(MarketDataConfig.defaults().withQueueCapacity(64));
        int ticks = 20_000;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        Map<InstrumentId, Long> slowLatest = new ConcurrentHashMap<>();
        Map<InstrumentId, Long> slowSeq = new ConcurrentHashMap<>();
        AtomicLong slowBackwards = new AtomicLong();
        Map<InstrumentId, Long> fastLatest = new ConcurrentHashMap<>();
        CountDownLatch fastSawLast = new CountDownLatch(2);
        CountDownLatch slowSawLast = new CountDownLatch(2);

        engine.subscribe("fast", new MarketDataSubscriber() {
            @Override
            public void onQuote(Quote quote) {
                fastLatest.put(quote.instrument(), quote.bidPrice());
                long lastOfInstrument = quote.instrument().equals(BTC.id()) ? ticks - 2 : ticks - 1;
                if (quote.timestampNanos() == lastOfInstrument) {
                    fastSawLast.countDown();
                }
            }
        });
        Subscription slow = engine.subscribe("slow", new MarketDataSubscriber() {
            @Override
            public void onQuote(Quote quote) {
                slowStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Long previous = slowSeq.put(quote.instrument(), quote.timestampNanos());
                if (previous != null && previous >= quote.timestampNanos()) {
                    slowBackwards.incrementAndGet();
                }
                slowLatest.put(quote.instrument(), quote.bidPrice());
                long lastOfInstrument = quote.instrument().equals(BTC.id()) ? ticks - 2 : ticks - 1;
                if (quote.timestampNanos() == lastOfInstrument) {
                    slowSawLast.countDown();
                }
            }
        });

        for (int i = 0; i < ticks; i++) {
            String symbol = i % 2 == 0 ? "XBTUSD" : "EURUSD";
            String bid = Integer.toString(1000 + i);
            String ask = Integer.toString(1001 + i);
            engine.quote("f", symbol, i + 1, bid, "1", ask, "1", i, i);
        }
        // the feed published everything and the fast subscriber reached the latest quotes while the slow one is
        // still stuck in its first callback
        assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        assertThat(fastSawLast.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(slowStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(slowSeq).isEmpty();
        assertThat(fastLatest).containsEntry(EUR.id(), (1000L + ticks - 1) * 10_000);
        SubscriptionStats stuck = slow.stats();
        assertThat(stuck.delivered()).isZero();
        assertThat(stuck.conflated()).isPositive();
        SubscriptionStats fast = engine.subscriptionStats().stream().filter(s -> s.name().equals("fast"))
                .findFirst().orElseThrow();
        assertThat(fast.delivered() + fast.conflated()).isGreaterThanOrEqualTo(stuck.conflated());

        release.countDown();
        assertThat(slowSawLast.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("slow subscriber reached the last quotes; stats %s, seen %s", slow.stats(), slowSeq).isTrue();
        assertThat(slowLatest).containsEntry(BTC.id(), 1000L * 100 + (ticks - 2) * 100L)
                .containsEntry(EUR.id(), (1000L + ticks - 1) * 10_000);
        assertThat(slowBackwards.get()).isZero();
        assertThat(slow.stats().delivered() + slow.stats().conflated()).isLessThanOrEqualTo(ticks);
        assertThat(slow.stats().delivered()).isLessThan(ticks);
    }

    @Test
    void theLastFiftyCompletedBarsAreKeptPerInstrumentAndSpecOldestFirst() {
        BarSpec perTrade = BarSpec.ticks(1);
        BarSpec pairs = BarSpec.ticks(2);
        start(MarketDataConfig.defaults().withBars(perTrade, pairs));
        for (int i = 1; i <= 60; i++) {
            engine.trade("a", "XBTUSD", i, Integer.toString(100 + i), "1", null, null, i, i);
        }
        engine.trade("a", "EURUSD", 1, "1.0851", "5", null, null, 61, 61);
        assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();

        assertThat(engine.barSpecs()).containsExactly(perTrade, pairs);
        List<Bar> kept = engine.bars(BTC.id(), perTrade, 100);
        assertThat(kept).hasSize(MarketDataEngine.BAR_HISTORY);
        assertThat(kept.get(0)).isEqualTo(new Bar(BTC.id(), 11, 12, 11_100, 11_100, 11_100, 11_100, 10_000, 1));
        assertThat(kept.get(49).close()).isEqualTo(16_000);
        assertThat(engine.bars(BTC.id(), pairs, 2)).containsExactly(
                new Bar(BTC.id(), 57, 59, 15_700, 15_800, 15_700, 15_800, 20_000, 2),
                new Bar(BTC.id(), 59, 61, 15_900, 16_000, 15_900, 16_000, 20_000, 2));
        assertThat(engine.bars(EUR.id(), perTrade, 10)).containsExactly(
                new Bar(EUR.id(), 61, 62, 10_851, 10_851, 10_851, 10_851, 5, 1));
        assertThat(engine.bars(EUR.id(), pairs, 10)).isEmpty();
        assertThat(engine.bars(InstrumentId.of("NOPE"), perTrade, 10)).isEmpty();
        assertThat(engine.bars(BTC.id(), BarSpec.ticks(3), 10)).isEmpty();
    }
}
