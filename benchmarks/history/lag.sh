#!/usr/bin/env bash
#
# History store lag: fills offered to the store's real HistoryWriter at a fixed rate (default 50 000 fills/s), and
# each fill's time from its scheduled time to the commit that wrote it (coordinated-omission-correct,
# HdrHistogram), on embedded H2 and a private PostgreSQL cluster (COPY and JDBC batch). Medians of --runs passes
# (README.md here). The last line is the JSON.
#
# Usage: benchmarks/history/lag.sh [--rate 50000] [--stores h2,pg-copy,pg-jdbc] [--seconds 20] [--runs 3] ...
# JVM options: HISTORY_JAVA_OPTS (default -Xms1g -Xmx1g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
build_if_needed
# shellcheck disable=SC2086
exec java ${HISTORY_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -cp "$bench_jar" \
    io.nautilus.benchmarks.history.HistoryBench --mode lag "$@"
