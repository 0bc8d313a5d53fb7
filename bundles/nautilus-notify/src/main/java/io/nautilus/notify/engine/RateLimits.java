package io.nautilus.notify.engine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.nautilus.notify.config.NotifyConfig;
import io.nautilus.notify.config.RateLimit;
import io.nautilus.notify.config.ReceiverConfig;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The token buckets, one per receiver and one per channel (Bucket4j, greedy refill, on the engine's clock), and each
 * receiver's overflow: what did not fit, waiting to go out as one summary. Engine thread only.
 */
final class RateLimits {

    /** How many incidents a summary names at most (the count says how many notifications it stands for). */
    static final int SUMMARY_ALERTS = 100;

    /** What a receiver's rate limits held back since its last summary. */
    static final class Lane extends Timed {
        final String receiver;
        int rolledUp;
        final LinkedHashMap<Long, Incident> incidents = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Incident> eldest) {
                return size() > SUMMARY_ALERTS;
            }
        };

        Lane(String receiver) {
            this.receiver = receiver;
        }
    }

    private final TimeMeter meter;
    private final Map<String, Bucket> receiverBuckets = new HashMap<>();
    private final Map<String, RateLimit> receiverRates = new HashMap<>();
    private final Map<String, Bucket> channelBuckets = new HashMap<>();
    private final Map<String, RateLimit> channelRates = new HashMap<>();
    private final Map<String, Lane> lanes = new HashMap<>();

    RateLimits(LongSupplier clock) {
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes new limits; a bucket whose limit did not change keeps its tokens. */
    void configure(NotifyConfig config) {
        Map<String, RateLimit> wantedReceivers = new HashMap<>();
        for (ReceiverConfig r : config.receivers().values()) {
            wantedReceivers.put(r.name(), r.rate());
        }
        update(receiverBuckets, receiverRates, wantedReceivers);
        update(channelBuckets, channelRates, config.channelRates());
    }

    private void update(Map<String, Bucket> buckets, Map<String, RateLimit> rates, Map<String, RateLimit> wanted) {
        buckets.keySet().removeIf(name -> !wanted.containsKey(name) || !wanted.get(name).equals(rates.get(name)));
        rates.keySet().retainAll(buckets.keySet());
        for (Map.Entry<String, RateLimit> e : wanted.entrySet()) {
            RateLimit limit = e.getValue();
            if (!limit.unlimited() && !buckets.containsKey(e.getKey())) {
                buckets.put(e.getKey(), Bucket.builder()
                        .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                        .withCustomTimePrecision(meter)
                        .withSynchronizationStrategy(SynchronizationStrategy.NONE)
                        .build());
                rates.put(e.getKey(), limit);
            }
        }
    }

    /** Takes one token from the receiver's bucket and its channel's, or none when either is empty. */
    boolean tryTake(ReceiverConfig receiver) {
        Bucket own = receiverBuckets.get(receiver.name());
        Bucket channel = channelBuckets.get(receiver.channel());
        if ((own != null && own.getAvailableTokens() < 1) || (channel != null && channel.getAvailableTokens() < 1)) {
            return false;
        }
        if (own != null) {
            own.tryConsume(1);
        }
        if (channel != null) {
            channel.tryConsume(1);
        }
        return true;
    }

    /** How long until both the receiver's and its channel's buckets hold a token, in nanoseconds (0: now). */
    long nanosUntilToken(ReceiverConfig receiver) {
        return Math.max(wait(receiverBuckets.get(receiver.name())), wait(channelBuckets.get(receiver.channel())));
    }

    private static long wait(Bucket bucket) {
        return bucket == null ? 0 : Math.max(0, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** The receiver's overflow lane, created empty when it has none. */
    Lane lane(String receiver) {
        return lanes.computeIfAbsent(receiver, Lane::new);
    }

    /** @return the receiver's overflow lane if it holds something, else null */
    Lane pending(String receiver) {
        Lane lane = lanes.get(receiver);
        return lane == null || lane.rolledUp == 0 ? null : lane;
    }
}
