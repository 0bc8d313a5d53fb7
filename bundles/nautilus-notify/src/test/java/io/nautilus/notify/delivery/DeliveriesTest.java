package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.config.RetryConfig;
import io.nautilus.notify.engine.Outgoing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static io.nautilus.notify.delivery.TestAlerts.FAST_RETRY;
import static io.nautilus.notify.delivery.TestAlerts.firing;
import static io.nautilus.notify.delivery.TestAlerts.incident;
import static io.nautilus.notify.delivery.TestAlerts.receiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The delivery side against a scripted channel: order, retries, dead letters, isolation, counts, tests. */
class DeliveriesTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<DeliveryView> attempts = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_000);
    private final Deliveries deliveries = new Deliveries(transport, (outgoing, attempt) -> attempts.add(attempt),
            ids::incrementAndGet);

    @AfterEach
    void close() {
        transport.release();
        deliveries.close();
    }

    @Test
    void deliversOnceInOrderAfterTheChannelComesBack() {
        deliveries.configure(List.of(receiver("ops", "webhook", "http://x/hook", Map.of(), Map.of(), FAST_RETRY)));
        transport.behaviour.put("ops", n -> DeliveryResult.retryable("HTTP 503"));
        for (long id = 1; id <= 5; id++) {
            deliveries.dispatch(firing(id, "ops", incident(id, "k" + id, Severity.CRITICAL, "text " + id)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> failures("ops") >= 3);
        transport.behaviour.put("ops", n -> DeliveryResult.delivered("ok"));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.receivers().get(0).delivered() == 5);
        assertThat(transport.delivered("ops")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(attempts).filteredOn(a -> a.outcome() == DeliveryResult.Outcome.RETRYABLE_FAILURE)
                .allSatisfy(a -> assertThat(a.notificationId()).isEqualTo(1L));
        assertThat(attempts).filteredOn(a -> a.notificationId() == 1 && a.outcome() == DeliveryResult.Outcome.DELIVERED)
                .singleElement().satisfies(a -> assertThat(a.attempt()).isGreaterThanOrEqualTo(4));
        ReceiverView view = deliveries.receivers().get(0);
        assertThat(view.delivered()).isEqualTo(5);
        assertThat(view.failed()).isGreaterThanOrEqualTo(3);
        assertThat(view.queued()).isZero();
        assertThat(view.lastError()).isEqualTo("HTTP 503");
        assertThat(deliveries.deadLetters()).isEmpty();
    }

    @Test
    void permanentFailureGoesToTheDeadLetterListAndTheNextMessageGoesOn() {
        deliveries.configure(List.of(receiver("ops", "email", "smtp://x", Map.of(), Map.of(), FAST_RETRY)));
        transport.behaviour.put("ops", n -> n.id() == 1 ? DeliveryResult.failed("rejected address: bad@@x")
                : DeliveryResult.delivered(""));
        deliveries.dispatch(firing(1, "ops", incident(1, "a", Severity.WARNING, "first")));
        deliveries.dispatch(firing(2, "ops", incident(2, "b", Severity.WARNING, "second")));

        await().atMost(Duration.ofSeconds(10)).until(() -> transport.delivered("ops").contains(2L));
        assertThat(deliveries.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.notificationId()).isEqualTo(1);
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.deadLetter()).isTrue();
            assertThat(d.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
            assertThat(d.detail()).isEqualTo("rejected address: bad@@x");
            assertThat(d.alertIds()).containsExactly(1L);
        });
        assertThat(deliveries.receivers().get(0).deadLetters()).isEqualTo(1);
    }

    @Test
    void retriesStopAtTheLastAttempt() {
        RetryConfig three = new RetryConfig(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        deliveries.configure(List.of(receiver("ops", "webhook", "http://x", Map.of(), Map.of(), three)));
        transport.behaviour.put("ops", n -> DeliveryResult.retryable("connection refused"));
        deliveries.dispatch(firing(7, "ops", incident(7, "a", Severity.CRITICAL, "x")));

        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries.deadLetters().isEmpty());
        assertThat(attempts).extracting(DeliveryView::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(DeliveryView::deadLetter).containsExactly(false, false, true);
    }

    @Test
    void retriesStopWhenTheRetryTimeRunsOut() {
        RetryConfig short_ = new RetryConfig(1_000, Duration.ofMillis(20), Duration.ofMillis(40),
                Duration.ofMillis(300), Duration.ofSeconds(5));
        deliveries.configure(List.of(receiver("ops", "webhook", "http://x", Map.of(), Map.of(), short_)));
        transport.behaviour.put("ops", n -> DeliveryResult.retryable("HTTP 502"));
        deliveries.dispatch(firing(8, "ops", incident(8, "a", Severity.CRITICAL, "x")));

        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries.deadLetters().isEmpty());
        DeliveryView last = deliveries.deadLetters().get(0);
        assertThat(last.attempt()).isGreaterThan(1).isLessThan(1_000);
        assertThat(last.detail()).isEqualTo("HTTP 502");
        assertThat(attempts).hasSize(last.attempt());
    }

    @Test
    void aReceiverFixedWhileRetryingDeliversWithItsNewSettings() {
        deliveries.configure(List.of(receiver("ops", "webhook", "http://wrong", Map.of(), Map.of(), FAST_RETRY)));
        transport.byUrl = true;
        transport.behaviour.put("http://wrong", n -> DeliveryResult.retryable("UnknownHostException: wrong"));
        transport.behaviour.put("http://right", n -> DeliveryResult.delivered("ok"));
        deliveries.dispatch(firing(1, "ops", incident(1, "a", Severity.CRITICAL, "x")));
        await().atMost(Duration.ofSeconds(10)).until(() -> failures("ops") >= 2);

        deliveries.configure(List.of(receiver("ops", "webhook", "http://right", Map.of(), Map.of(), FAST_RETRY)));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.receivers().get(0).delivered() == 1);
        assertThat(transport.delivered("ops")).containsExactly(1L);
        assertThat(deliveries.receivers().get(0).address()).isEqualTo("http://right");
    }

    @Test
    void backoffDoublesUpToTheLongest() {
        RetryConfig retry = new RetryConfig(30, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofSeconds(10));
        assertThat(List.of(1, 2, 3, 5, 6, 100)).map(a -> ReceiverWorker.backoffNanos(retry, a) / 1_000_000_000L)
                .containsExactly(1L, 2L, 4L, 16L, 30L, 30L);
    }

    @Test
    void aStuckReceiverDoesNotDelayAnother() {
        deliveries.configure(List.of(
                receiver("slow", "webhook", "http://slow", Map.of(), Map.of(), FAST_RETRY),
                receiver("fast", "email", "smtp://fast", Map.of(), Map.of(), FAST_RETRY)));
        transport.behaviour.put("slow", n -> transport.block());
        transport.behaviour.put("fast", n -> DeliveryResult.delivered(""));
        for (long id = 1; id <= 3; id++) {
            deliveries.dispatch(firing(id, "slow", incident(id, "s", Severity.CRITICAL, "x")));
            deliveries.dispatch(firing(10 + id, "fast", incident(id, "s", Severity.CRITICAL, "x")));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> transport.delivered("fast").size() == 3);
        assertThat(transport.delivered("slow")).isEmpty();
        assertThat(deliveries.receivers()).filteredOn(r -> r.name().equals("slow")).singleElement()
                .satisfies(r -> assertThat(r.queued()).isEqualTo(3));
    }

    @Test
    void unknownReceiverIsADeadLetterAtOnce() {
        deliveries.configure(List.of());
        deliveries.dispatch(firing(3, "nobody", incident(3, "a", Severity.INFO, "x")));

        assertThat(deliveries.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
            assertThat(d.detail()).isEqualTo("no receiver named 'nobody' is configured");
        });
    }

    @Test
    void removedReceiverGivesUpWhatItHeld() {
        deliveries.configure(List.of(receiver("ops", "webhook", "http://x", Map.of(), Map.of(), FAST_RETRY)));
        transport.behaviour.put("ops", n -> DeliveryResult.retryable("HTTP 503"));
        deliveries.dispatch(firing(1, "ops", incident(1, "a", Severity.CRITICAL, "x")));
        deliveries.dispatch(firing(2, "ops", incident(2, "b", Severity.CRITICAL, "y")));
        await().atMost(Duration.ofSeconds(10)).until(() -> failures("ops") >= 1);

        deliveries.configure(List.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.deadLetters().size() == 2);
        assertThat(deliveries.deadLetters()).extracting(DeliveryView::detail).allSatisfy(detail ->
                assertThat(detail).startsWith("receiver ops removed from the configuration"));
    }

    @Test
    void secretsAreMaskedInFailureDetails() {
        deliveries.configure(List.of(receiver("ops", "sms", "http://x", Map.of("username", "AC1"),
                Map.of("password", "hunter2-token"), FAST_RETRY)));
        transport.behaviour.put("ops", n -> DeliveryResult.failed("HTTP 401 for AC1:hunter2-token"));
        deliveries.dispatch(firing(1, "ops", incident(1, "a", Severity.CRITICAL, "x")));

        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries.deadLetters().isEmpty());
        assertThat(deliveries.deadLetters().get(0).detail()).isEqualTo("HTTP 401 for AC1:***");
        assertThat(deliveries.receivers().get(0).lastError()).doesNotContain("hunter2");
    }

    @Test
    void testMessageGoesPastTheQueueAndIsReported() {
        deliveries.configure(List.of(receiver("ops", "webhook", "http://x/hooks/abc/def", Map.of(), Map.of(),
                FAST_RETRY)));
        transport.behaviour.put("ops", n -> DeliveryResult.delivered("ref-1"));

        DeliveryView view = deliveries.test("ops", "alice", Duration.ofSeconds(5));

        assertThat(view.kind()).isEqualTo(Notification.Kind.TEST);
        assertThat(view.notificationId()).isEqualTo(1_001);
        assertThat(view.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(view.detail()).isEqualTo("ref-1");
        assertThat(attempts).containsExactly(view);
        assertThat(transport.sent.get(0).body()).contains("\"user\": \"alice\"").contains("\"kind\": \"TEST\"");
        assertThat(deliveries.receivers().get(0).address()).isEqualTo("http://x/hooks/***");
    }

    @Test
    void testOfAnUnknownReceiverIsRefused() {
        deliveries.configure(List.of(receiver("ops", "webhook", "", Map.of(), Map.of(), FAST_RETRY)));

        assertThatThrownBy(() -> deliveries.test("nope", "alice", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no receiver named 'nope'; configured: ops");
        assertThat(deliveries.test("ops", "alice", Duration.ofSeconds(1)).detail())
                .isEqualTo("receiver ops has no url: set receiver.ops.url in etc/io.nautilus.notify.cfg");
    }

    @Test
    void summaryCountsWhatWasRolledUp() {
        deliveries.configure(List.of(receiver("ops", "email", "smtp://x", Map.of(), Map.of(), FAST_RETRY)));
        transport.behaviour.put("ops", n -> DeliveryResult.delivered(""));
        deliveries.dispatch(new Outgoing(9, "ops", Notification.Kind.SUMMARY, "", List.of(
                incident(1, "a", Severity.CRITICAL, "x")), 42, Deliveries.nowNanos()));

        await().atMost(Duration.ofSeconds(10)).until(() -> transport.delivered("ops").size() == 1);
        assertThat(deliveries.receivers().get(0).rolledUp()).isEqualTo(42);
        assertThat(transport.sent.get(0).subject()).isEqualTo("[SUMMARY] 42 notifications held back by the rate limit");
    }

    private long failures(String receiver) {
        return attempts.stream().filter(a -> a.receiver().equals(receiver) && !a.outcome().equals(
                DeliveryResult.Outcome.DELIVERED)).count();
    }

    /** A channel whose answer per receiver the test sets. */
    private static final class ScriptedTransport implements ChannelTransport {
        final Map<String, Function<Notification, DeliveryResult>> behaviour = new ConcurrentHashMap<>();
        final List<Notification> sent = new CopyOnWriteArrayList<>();
        volatile boolean byUrl;
        private final List<Notification> deliveredLog = new CopyOnWriteArrayList<>();
        private final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public DeliveryResult send(Notification notification, ReceiverConfig receiver, int attempt,
                                   Duration timeout) {
            sent.add(notification);
            DeliveryResult result = behaviour.getOrDefault(byUrl ? receiver.url() : receiver.name(),
                            n -> DeliveryResult.retryable("no script"))
                    .apply(notification);
            if (result.isDelivered()) {
                deliveredLog.add(notification);
            }
            return result;
        }

        @Override
        public boolean hasRoute(String channel) {
            return true;
        }

        List<Long> delivered(String receiver) {
            return deliveredLog.stream().filter(n -> n.receiver().equals(receiver)).map(Notification::id).toList();
        }

        DeliveryResult block() {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryResult.retryable("released");
        }

        void release() {
            gate.countDown();
        }
    }
}
