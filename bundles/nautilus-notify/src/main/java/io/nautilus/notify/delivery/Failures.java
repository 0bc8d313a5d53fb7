package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Reads a finished channel route's outcome: an HTTP status (the {@code CamelHttpResponseCode} header, or a failure
 * carrying a status code) of 2xx is delivered, 4xx other than 408 and 429 permanent, any other retryable; a mail
 * address refused or malformed, or credentials refused, is permanent (unless the server answered 4xx, "try later");
 * an endpoint URI that cannot be resolved is permanent; anything else (connection refused, timeouts, ...) retryable.
 * Details are one line.
 */
final class Failures {

    private static final Set<String> PERMANENT_MAIL = Set.of("AddressException", "SendFailedException",
            "SMTPAddressFailedException", "SMTPSendFailedException", "AuthenticationFailedException");
    private static final Set<String> BAD_ENDPOINT = Set.of("ResolveEndpointFailedException",
            "NoSuchEndpointException");
    private static final int MAX_DETAIL = 300;

    private Failures() {
    }

    static DeliveryResult outcome(Exchange exchange) {
        Message message = exchange.getMessage();
        Exception failure = exchange.getException();
        if (failure == null) {
            Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            String reference = message.getHeader(NotifyHeaders.REFERENCE, String.class);
            if (status != null && (status < 200 || status > 299)) {
                String text = message.getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class);
                String body = message.getBody(String.class);
                return status(status, "HTTP " + status + (text == null || text.isBlank() ? "" : " " + text)
                        + (body == null || body.isBlank() ? "" : ": " + body));
            }
            if (reference != null && !reference.isBlank()) {
                return DeliveryResult.delivered(line(reference));
            }
            return DeliveryResult.delivered(status != null ? "HTTP " + status : "");
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Integer status = intProperty(t, "getStatusCode");
            if (status != null && status >= 100) {
                return status(status, "HTTP " + status + ": " + describe(t));
            }
            String name = t.getClass().getSimpleName();
            if (PERMANENT_MAIL.contains(name)) {
                return tryLater(t) ? DeliveryResult.retryable(describe(t)) : DeliveryResult.failed(describe(t));
            }
            if (BAD_ENDPOINT.contains(name)) {
                return DeliveryResult.failed("bad endpoint: " + describe(t));
            }
        }
        return DeliveryResult.retryable(describe(root(failure)));
    }

    static DeliveryResult status(int status, String detail) {
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        return permanent ? DeliveryResult.failed(line(detail)) : DeliveryResult.retryable(line(detail));
    }

    /** Whether a mail server answered 4xx (try later) anywhere in the chain. */
    private static boolean tryLater(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Integer code = intProperty(t, "getReturnCode");
            if (code != null && code >= 400 && code < 500) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return line(t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message));
    }

    static String line(String text) {
        String one = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return one.length() > MAX_DETAIL ? one.substring(0, MAX_DETAIL) + "..." : one;
    }

    private static Integer intProperty(Throwable t, String getter) {
        try {
            Method method = t.getClass().getMethod(getter);
            if (method.getReturnType() == int.class) {
                return (Integer) method.invoke(t);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
