package io.nautilus.backtest.internal;

import io.nautilus.backtest.api.BacktestRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request written back as the options of {@code bin/nautilus-backtest} ({@link #args}, which
 * {@link BacktestRequest#parse} reads back to an equal request) and as the {@code request.json} of a run's folder.
 */
final class RequestOptions {

    private RequestOptions() {
    }

    /**
     * @param request a request
     * @return its options, every one spelled out (times as epoch nanoseconds)
     */
    static List<String> args(BacktestRequest request) {
        List<String> args = new ArrayList<>();
        for (String path : request.data()) {
            add(args, "--data", path);
        }
        add(args, "--strategy", request.strategy());
        for (Map.Entry<String, String> p : request.parameters().entrySet()) {
            add(args, "--param", p.getKey() + "=" + p.getValue());
        }
        for (String jar : request.strategyJars()) {
            add(args, "--strategy-jar", jar);
        }
        if (request.instruments() != null) {
            add(args, "--instruments", request.instruments());
        }
        if (request.risk() != null) {
            add(args, "--risk", request.risk());
        }
        if (request.fromNanos() != null) {
            add(args, "--from", Long.toString(request.fromNanos()));
        }
        if (request.toNanos() != null) {
            add(args, "--to", Long.toString(request.toNanos()));
        }
        add(args, "--capital", request.capital().toPlainString());
        add(args, "--seed", Long.toString(request.seed()));
        add(args, "--latency-us", Long.toString(request.latencyMicros()));
        add(args, "--jitter-us", Long.toString(request.jitterMicros()));
        add(args, "--cancel-latency-us", Long.toString(request.cancelLatencyMicros()));
        add(args, "--fill-model", request.fillModel().option());
        add(args, "--fill-prob", Double.toString(request.fillProbability()));
        add(args, "--slippage-ticks", Long.toString(request.slippageTicks()));
        add(args, "--fee-per-unit", request.feePerUnit().toPlainString());
        add(args, "--min-fee", request.minFee().toPlainString());
        add(args, "--bars", request.bars());
        add(args, "--out", request.out());
        return args;
    }

    /**
     * @param request a request
     * @return the request as one JSON object, its options by name ({@code data}, {@code strategy},
     *         {@code parameters}, ...; times as epoch nanoseconds, decimals as strings), then {@code args}: the
     *         options that run it again
     */
    static String json(BacktestRequest request) {
        StringBuilder json = new StringBuilder("{\n");
        field(json, "data", array(request.data()));
        field(json, "strategy", quote(request.strategy()));
        StringBuilder params = new StringBuilder("{");
        for (Map.Entry<String, String> p : request.parameters().entrySet()) {
            if (params.length() > 1) {
                params.append(',');
            }
            params.append(quote(p.getKey())).append(':').append(quote(p.getValue()));
        }
        field(json, "parameters", params.append('}').toString());
        field(json, "instruments", request.instruments() == null ? "null" : quote(request.instruments()));
        field(json, "risk", request.risk() == null ? "null" : quote(request.risk()));
        field(json, "fromNanos", request.fromNanos() == null ? "null" : request.fromNanos().toString());
        field(json, "toNanos", request.toNanos() == null ? "null" : request.toNanos().toString());
        field(json, "capital", quote(request.capital().toPlainString()));
        field(json, "seed", Long.toString(request.seed()));
        field(json, "latencyMicros", Long.toString(request.latencyMicros()));
        field(json, "jitterMicros", Long.toString(request.jitterMicros()));
        field(json, "cancelLatencyMicros", Long.toString(request.cancelLatencyMicros()));
        field(json, "fillModel", quote(request.fillModel().option()));
        field(json, "fillProbability", Double.toString(request.fillProbability()));
        field(json, "slippageTicks", Long.toString(request.slippageTicks()));
        field(json, "feePerUnit", quote(request.feePerUnit().toPlainString()));
        field(json, "minFee", quote(request.minFee().toPlainString()));
        field(json, "bars", quote(request.bars()));
        field(json, "out", quote(request.out()));
        json.append("  \"args\": ").append(array(args(request))).append("\n}\n");
        return json.toString();
    }

    /**
     * @param text any text
     * @return it as a JSON string literal
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String array(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(quote(v));
        }
        return out.append(']').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }
}
