package io.nautilus.web.rest;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.web.json.Wire;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/backtests} and {@code /api/v1/sweeps}: backtest runs on the platform's backtest service (as
 * {@code nautilus:backtest} and {@code nautilus:sweep}, with the options of {@code bin/nautilus-backtest}), their
 * figures, HTML report and daily equity; cancel of a queued or running one.
 */
@Component(service = WebModule.class)
public final class BacktestResource implements WebModule {

    static final String NOT_RUNNING = "the backtest service is not running";

    /**
     * What a report may do: it is one self-contained file whose chart library and data are inline scripts, so it
     * runs them, but sandboxed (an origin of its own: no cookie, no API call) and loading nothing; the dashboard
     * may frame it.
     */
    static final String REPORT_POLICY = "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline';"
            + " style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/backtests", Role.VIEWER, ctx -> service(api).list().stream().map(BacktestResource::json).toList());
        api.post("/backtests", Role.TRADER, "Backtest refused", ctx -> {
            List<String> args = Api.strings(api.body(ctx), "args");
            BacktestRequest request;
            try {
                request = BacktestRequest.parse(args);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            BacktestInfo run = service(api).start(request);
            api.web().audit(ctx, "run backtest " + run.id() + " " + String.join(" ", args));
            return new Reply(202, Api.BASE + "/backtests/" + run.id(), json(run));
        });
        api.get("/backtests/:id", Role.VIEWER, ctx -> json(known(api, ctx)));
        api.post("/backtests/:id/cancel", Role.TRADER, "Backtest not canceled", ctx -> {
            BacktestInfo run = known(api, ctx);
            if (!service(api).cancel(run.id())) {
                throw new ApiException(422, "Backtest not canceled", "backtest " + run.id() + " is " + run.state()
                        + "; only a QUEUED or RUNNING one can be canceled");
            }
            api.web().audit(ctx, "cancel backtest " + run.id());
            return json(known(api, ctx));
        });
        api.get("/backtests/:id/report", Role.VIEWER, ctx -> {
            Path report = file(known(api, ctx), "report.html");
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Content-Security-Policy", REPORT_POLICY).putHeader("X-Frame-Options", "SAMEORIGIN")
                    .sendFile(report.toString());
            return null;
        });
        api.get("/backtests/:id/equity", Role.VIEWER, ctx -> equity(file(known(api, ctx), "equity.csv")));
        api.post("/sweeps", Role.TRADER, "Sweep refused", ctx -> {
            List<String> args = Api.strings(api.body(ctx), "args");
            try {
                SweepRequest.parse(args);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            BacktestInfo run = service(api).startSweep(args);
            api.web().audit(ctx, "run sweep " + run.id() + " " + String.join(" ", args));
            return new Reply(202, Api.BASE + "/backtests/" + run.id(), json(run));
        });
    }

    private static BacktestService service(Api api) {
        return api.service(BacktestService.class, NOT_RUNNING);
    }

    private static BacktestInfo known(Api api, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return service(api).get(id).orElseThrow(() -> ApiException.notFound("no backtest " + id
                + " (GET /api/v1/backtests lists them)"));
    }

    /** A file the run wrote; the name is one of ours, never the request's. */
    private static Path file(BacktestInfo run, String name) {
        Path file = run.outDir() == null ? null : Path.of(run.outDir()).resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            throw ApiException.notFound("backtest " + run.id() + " (" + run.state() + ") has no " + name + " yet");
        }
        return file;
    }

    /**
     * The rows of a run's {@code equity.csv} ({@code date,equity}, one per UTC day with data).
     *
     * @param csv the file
     * @return {@code [{"date": "2026-12-01", "equity": "100012.50"}, ...]}, oldest first
     */
    static List<Map<String, String>> equity(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("date", line.substring(0, comma).strip());
                row.put("equity", line.substring(comma + 1).strip());
                rows.add(row);
            }
        }
        return rows;
    }

    static Map<String, Object> json(BacktestInfo run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("state", run.state().name());
        out.put("strategy", run.request() == null ? null : run.request().strategy());
        out.put("parameters", run.request() == null ? Map.of() : run.request().parameters());
        out.put("data", run.request() == null ? List.of() : run.data());
        out.put("submitted", Wire.time(run.submitted()));
        out.put("started", Wire.time(run.started()));
        out.put("finished", Wire.time(run.finished()));
        out.put("progress", finite(run.progress()));
        out.put("events", run.events());
        out.put("fills", run.fills());
        out.put("eventsPerSecond", finite(run.eventsPerSecond()));
        out.put("error", run.error() == null || run.error().isEmpty() ? null : run.error());
        out.put("outDir", run.outDir());
        out.put("stats", finiteOnly(run.stats()));
        return out;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The figures without the undefined ones (NaN or infinite is not JSON; an absent figure is undefined). */
    private static Map<String, Object> finiteOnly(Map<String, Object> stats) {
        Map<String, Object> out = new LinkedHashMap<>();
        stats.forEach((name, value) -> {
            if (!(value instanceof Double d && !Double.isFinite(d)) && !(value instanceof Float f
                    && !Float.isFinite(f))) {
                out.put(name, value);
            }
        });
        return out;
    }
}
