package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.notify.config.RateLimit;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.config.RetryConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How route outcomes are classified, and how receivers' addresses are masked. */
class FailuresTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() {
        context.stop();
    }

    private Exchange withStatus(int status) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return exchange;
    }

    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "202,DELIVERED", "400,PERMANENT_FAILURE", "401,PERMANENT_FAILURE",
            "404,PERMANENT_FAILURE", "408,RETRYABLE_FAILURE", "429,RETRYABLE_FAILURE", "500,RETRYABLE_FAILURE",
            "503,RETRYABLE_FAILURE", "302,RETRYABLE_FAILURE"})
    void httpStatusDecides(int status, DeliveryResult.Outcome outcome) {
        assertThat(Failures.outcome(withStatus(status)).outcome()).isEqualTo(outcome);
    }

    @Test
    void aThrownFailureWithAStatusCodeIsReadLikeTheHeader() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(new RuntimeException("route failed", new StatusFailure(410)));

        DeliveryResult result = Failures.outcome(exchange);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).isEqualTo("HTTP 410: StatusFailure: status 410");
    }

    @Test
    void aMailServerSayingTryLaterIsRetryable() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(new RuntimeException(new SendFailedException(new SMTPAddressFailedException(451))));

        assertThat(Failures.outcome(exchange).outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE_FAILURE);
    }

    @Test
    void aMailServerRefusingTheAddressIsPermanent() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(new RuntimeException(new SendFailedException(new SMTPAddressFailedException(550))));

        DeliveryResult result = Failures.outcome(exchange);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).isEqualTo("SendFailedException: Invalid Addresses");
    }

    @Test
    void anythingElseIsRetryableWithTheRootCause() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(new RuntimeException("wrapper", new java.net.ConnectException("Connection\nrefused")));

        DeliveryResult result = Failures.outcome(exchange);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE_FAILURE);
        assertThat(result.detail()).isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void aRouteReferenceIsTheDetailOfADelivery() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(NotifyHeaders.REFERENCE, "msg-77");

        assertThat(Failures.outcome(exchange)).isEqualTo(DeliveryResult.delivered("msg-77"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://hooks.slack.com/services/T0/B0/XYZ|https://hooks.slack.com/services/***",
            "http://127.0.0.1:8080/hook|http://127.0.0.1:8080/hook",
            "https://user:pw@example.com/a/b?token=abc&x=1|https://example.com/a/***?token=***&x=1",
            "smtp://mail:587?to=ops@example.com&password=RAW(se&cret)|smtp://mail:587?to=ops@example.com&password=***"})
    void addressesAreMasked(String url, String shown) {
        assertThat(ReceiverAddress.masked(url)).isEqualTo(shown);
    }

    @Test
    void anSmsAddressShowsItsRecipient() {
        ReceiverConfig sms = new ReceiverConfig("sms", "sms", "https://api.twilio.com/2010-04-01/Accounts/AC1/M.json",
                Map.of("to", "+15551230000"), Map.of("password", "t"), RateLimit.UNLIMITED, RetryConfig.DEFAULT);

        assertThat(ReceiverAddress.masked(sms)).isEqualTo("to +15551230000 via https://api.twilio.com/2010-04-01/***");
    }

    /** Shaped like camel-http's HttpOperationFailedException. */
    static final class StatusFailure extends Exception {
        private final int status;

        StatusFailure(int status) {
            super("status " + status);
            this.status = status;
        }

        public int getStatusCode() {
            return status;
        }
    }

    /** Named and shaped like jakarta.mail's. */
    static final class SendFailedException extends Exception {
        SendFailedException(Throwable next) {
            super("Invalid Addresses", next);
        }
    }

    /** Named and shaped like Angus Mail's. */
    static final class SMTPAddressFailedException extends Exception {
        private final int code;

        SMTPAddressFailedException(int code) {
            super(code + " mailbox unavailable");
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }
}
