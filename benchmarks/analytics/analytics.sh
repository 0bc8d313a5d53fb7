#!/usr/bin/env bash
#
# Analytics speed (issue 12): Performance.analyse of 10 years of daily returns with a benchmark, without the Monte
# Carlo VaR (goal <= 1 ms), the Monte Carlo VaR/CVaR with 100 000 paths (goal <= 1 s) and the whole analysis.
# Medians after a warm-up; the last line is the JSON ({"rows":2520,"paths":100000,"statsMs":...,"monteCarloMs":...}).
#
# Usage: benchmarks/analytics/analytics.sh [--years 10] [--paths 100000] [--runs 200] [--warmup 2000]
# JVM options: ANALYTICS_JAVA_OPTS (default -Xms256m -Xmx256m).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
# the shaded jar embeds nautilus-analytics: rebuild it when the installed analytics jar is newer
analytics_jar="$m2/io/nautilus/nautilus-analytics/$version/nautilus-analytics-$version.jar"
if [ -f "$bench_jar" ] && [ "$analytics_jar" -nt "$bench_jar" ]; then rm -f "$bench_jar"; fi
build_if_needed
# shellcheck disable=SC2086
exec java ${ANALYTICS_JAVA_OPTS:--Xms256m -Xmx256m} -cp "$bench_jar" \
    io.nautilus.benchmarks.analytics.AnalyticsBench "$@"
