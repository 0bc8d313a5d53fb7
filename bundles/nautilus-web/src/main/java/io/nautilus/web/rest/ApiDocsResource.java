package io.nautilus.web.rest;

import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's description: {@code GET /api/v1/openapi.yaml} (OpenAPI 3.1) and a browsable UI at
 * {@code /api/v1/docs/} (swagger-ui, copied from its webjar into this bundle at build time). The files are a fixed
 * set read once from the bundle; a name that is not one of them is 404, so no path reaches anything else.
 */
@Component(service = WebModule.class)
public final class ApiDocsResource implements WebModule {

    /** Where the document is in the bundle. */
    static final String DOCUMENT = "/openapi.yaml";

    private static final String FOLDER = "/io/nautilus/web/rest/docs/";

    /** The UI's files and their media types. */
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "swagger-initializer.js", "text/javascript; charset=utf-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");

    @Override
    public void mount(Router router, WebContext context) {
        Buffer document = read(DOCUMENT);
        Map<String, Buffer> files = new LinkedHashMap<>();
        FILES.keySet().forEach(name -> files.put(name, read(FOLDER + name)));
        router.get(Api.BASE + "/openapi.yaml").handler(ctx -> {
            if (context.requireRole(ctx, Role.VIEWER)) {
                send(ctx, "application/yaml; charset=utf-8", document);
            }
        });
        router.get(Api.BASE + "/docs/").handler(ctx -> {
            if (context.requireRole(ctx, Role.VIEWER)) {
                send(ctx, FILES.get("index.html"), files.get("index.html"));
            }
        });
        router.get(Api.BASE + "/docs/:file").handler(ctx -> {
            if (!context.requireRole(ctx, Role.VIEWER)) {
                return;
            }
            String name = ctx.pathParam("file");
            Buffer body = files.get(name);
            if (body == null) {
                context.problem(ctx, 404, "Not found", "no file " + name + " in /api/v1/docs/");
                return;
            }
            send(ctx, FILES.get(name), body);
        });
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader("Content-Type", type).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-cache").end(body);
    }

    private static Buffer read(String resource) {
        try (InputStream in = ApiDocsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + resource + " (built without the swagger-ui"
                        + " webjar?)");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
