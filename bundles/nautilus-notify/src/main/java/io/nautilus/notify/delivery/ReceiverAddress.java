package io.nautilus.notify.delivery;

import io.nautilus.notify.config.ReceiverConfig;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receiver's address as listings show it: its URL without user info, with the values of secret-looking query
 * parameters and the path below its first segment masked (webhook paths such as Slack's hold the token), and the
 * {@code to} setting when there is one.
 */
final class ReceiverAddress {

    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:(?://)?)(?:[^@/?#]*@)?([^/?#]*)"
            + "(/[^?#]*)?(\\?[^#]*)?.*$");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&](?:password|passwd|secret|token|key|apikey|api_key|sig|signature|auth[a-z_]*)=)(RAW\\([^)]*\\)|[^&]*)",
            Pattern.CASE_INSENSITIVE);
    private static final String MASK = "***";

    private ReceiverAddress() {
    }

    static String masked(ReceiverConfig receiver) {
        String url = masked(receiver.url());
        String to = receiver.settings().getOrDefault("to", "");
        if (to.isBlank()) {
            return url;
        }
        return url.isEmpty() ? "to " + to : "to " + to + " via " + url;
    }

    static String masked(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            return MASK;
        }
        StringBuilder out = new StringBuilder(m.group(1)).append(m.group(2));
        String path = m.group(3);
        if (path != null && !path.isEmpty()) {
            int second = path.indexOf('/', 1);
            boolean http = m.group(1).toLowerCase(Locale.ROOT).startsWith("http");
            out.append(http && second > 0 && second < path.length() - 1 ? path.substring(0, second + 1) + MASK
                    : path);
        }
        String query = m.group(4);
        if (query != null) {
            out.append(SECRET_PARAMETER.matcher(query).replaceAll("$1" + MASK));
        }
        return out.toString();
    }
}
