package io.nautilus.web.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's files, from the bundle's {@code web/} folder. A path with {@code ..}, a backslash, a NUL, a hidden
 * segment or an encoded slash is refused (404, like a file that is not there), so no request reads outside
 * {@code web/}; {@code /} is {@code index.html}.
 */
public final class StaticFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final ClassLoader loader;
    private final String root;

    /**
     * @param loader where the files are (the web bundle's class loader)
     * @param root   the folder inside it, e.g. {@code web}
     */
    public StaticFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /**
     * Answers a GET with the file at the request's path, or 404.
     *
     * @param ctx the request
     */
    public void serve(RoutingContext ctx) {
        String raw = ctx.request().path();
        String path = safePath(raw);
        URL url = path == null ? null : loader.getResource(root + "/" + path);
        if (url == null || url.getPath().endsWith("/")) {
            ctx.next();
            return;
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            ctx.next();
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ctx.response().putHeader("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(bytes));
    }

    /**
     * The file a request path names, relative to the root.
     *
     * @param requestPath the request's raw path
     * @return the relative file path, or null when the path is not a plain file path
     */
    static String safePath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) {
            return null;
        }
        String lower = requestPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%2e")
                || requestPath.indexOf('\\') >= 0 || requestPath.indexOf('\0') >= 0) {
            return null;
        }
        String path = requestPath.equals("/") ? "index.html" : requestPath.substring(1);
        if (path.isEmpty() || path.endsWith("/") || path.contains("//")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.contains("%")
                    || segment.chars().anyMatch(c -> c < 0x20)) {
                return null;
            }
        }
        return path;
    }
}
