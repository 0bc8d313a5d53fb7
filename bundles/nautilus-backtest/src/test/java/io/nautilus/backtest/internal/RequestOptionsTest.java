package io.nautilus.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.backtest.api.BacktestRequest;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestOptionsTest {

    @Test
    void theOptionsParseBackToAnEqualRequest() {
        BacktestRequest request = BacktestRequest.parse(List.of("--data", "a.csv", "--data", "b dir",
                "--strategy", "smacross", "--param", "fast=5", "--param", "instrument=SIM-BTC",
                "--instruments", "i.cfg", "--risk", "r.cfg", "--from", "2024-01-02", "--to",
                "2024-01-03T12:00:00.5Z", "--capital", "2500.50", "--seed", "-7", "--latency-us", "100",
                "--jitter-us", "20", "--cancel-latency-us", "30", "--fill-model", "prob", "--fill-prob", "0.3",
                "--slippage-ticks", "2", "--fee-per-unit", "0.01", "--min-fee", "1", "--bars", "ticks:100",
                "--out", "x"));

        assertThat(BacktestRequest.parse(RequestOptions.args(request))).isEqualTo(request);
    }

    @Test
    void theDefaultsParseBackToAnEqualRequest() {
        BacktestRequest request = BacktestRequest.parse(List.of("--data", "a.csv", "--strategy", "smacross"));

        assertThat(BacktestRequest.parse(RequestOptions.args(request))).isEqualTo(request);
    }

    @Test
    void theJsonNamesEveryOptionAndEscapesText() {
        BacktestRequest request = BacktestRequest.parse(List.of("--data", "C:\\data \"q\".csv", "--strategy",
                "smacross", "--param", "fast=5"));

        String json = RequestOptions.json(request);

        assertThat(json).contains("\"data\": [\"C:\\\\data \\\"q\\\".csv\"]", "\"parameters\": {\"fast\":\"5\"}",
                "\"fromNanos\": null", "\"capital\": \"100000\"", "\"fillModel\": \"touch\"",
                "\"args\": [\"--data\", ");
    }
}
