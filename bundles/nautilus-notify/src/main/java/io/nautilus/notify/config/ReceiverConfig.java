package io.nautilus.notify.config;

import java.util.Map;
import java.util.Objects;

/**
 * One receiver as configured in {@code etc/io.nautilus.notify.cfg} ({@code receiver.<name>.<setting>}).
 *
 * @param name     the receiver's name, e.g. {@code ops-email}
 * @param channel  the channel whose Camel route delivers ({@code nautilus-notify:<channel>}): {@code email},
 *                 {@code slack}, {@code webhook}, {@code sms}, {@code ui} or an integrator's own
 * @param url      where it delivers: a camel-mail URI for e-mail ({@code smtp://host:port?to=a@b&from=c@d}), the
 *                 HTTP(S) URL for slack, webhook and sms; empty for {@code ui}; empty disables the receiver
 * @param settings the receiver's other plain settings (e.g. {@code to}, {@code from}, {@code username}), never secrets
 * @param secrets  its secrets ({@code password}, {@code secret}, {@code token}): never logged, never shown, never
 *                 in a route file
 * @param rate     its own rate limit (per recipient)
 * @param retry    how failed deliveries are retried
 */
public record ReceiverConfig(String name, String channel, String url, Map<String, String> settings,
                             Map<String, String> secrets, RateLimit rate, RetryConfig retry) {

    /**
     * Checks the receiver.
     *
     * @throws NullPointerException if a component is null
     */
    public ReceiverConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(url, "url");
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(retry, "retry");
    }

    /** @return whether it delivers: the {@code ui} channel always; others once their URL is set */
    public boolean enabled() {
        return "ui".equals(channel) || !url.isBlank();
    }

    @Override
    public String toString() {
        return "ReceiverConfig[" + name + ", channel=" + channel + ", settings=" + settings + ", secrets="
                + secrets.keySet() + "]";
    }
}
