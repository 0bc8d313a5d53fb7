package io.nautilus.web.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's files, from the bundle's {@code web/} folder. A path with {@code ..}, a backslash, a NUL, a hidden
 * segment or an encoded slash is refused (404, like a file that is not there), so no request reads outside
 * {@code web/}; {@code /} is {@code index.html}. Each file is read from the bundle once and kept in memory with an
 * {@code ETag}, so the event loop does not read the bundle's jar again and a browser's revalidation gets 304.
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
    /** The files served so far, read once (on the event loop) and kept: only files that exist, so bounded. */
    private final ConcurrentHashMap<String, File> files = new ConcurrentHashMap<>();

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
        if (path == null) {
            ctx.next();
            return;
        }
        File file = files.get(path);
        if (file == null) {
            file = read(path);
            if (file == null) {
                ctx.next();
                return;
            }
            files.putIfAbsent(path, file);
        }
        ctx.response().putHeader("Cache-Control", "no-cache").putHeader("ETag", file.etag());
        if (file.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", file.type()).end(file.bytes());
    }

    /** The file from the bundle, or null when it is not there. */
    private File read(String path) {
        URL url = loader.getResource(root + "/" + path);
        if (url == null || url.getPath().endsWith("/")) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String etag;
        try {
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16)
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        return new File(TYPES.getOrDefault(extension, "application/octet-stream"), Buffer.buffer(bytes), etag);
    }

    /** A file read once: a bundle's content does not change while it runs. */
    private record File(String type, Buffer bytes, String etag) {
    }

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
