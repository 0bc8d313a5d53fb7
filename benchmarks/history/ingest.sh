#!/usr/bin/env bash
#
# History store ingest through the store's real HistoryWriter: command results with fill reports offered as fast as
# the writer takes them, written by its thread into embedded H2 and a private PostgreSQL cluster (COPY and JDBC
# batch inserts); fills committed per second, medians of --runs passes (README.md here). The last line is the JSON.
#
# Usage: benchmarks/history/ingest.sh [--stores h2,pg-copy,pg-jdbc] [--seconds 20] [--runs 3] [--batch B] ...
#        benchmarks/history/ingest.sh --help
# JVM options: HISTORY_JAVA_OPTS (default -Xms1g -Xmx1g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
build_if_needed
# shellcheck disable=SC2086
exec java ${HISTORY_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -cp "$bench_jar" \
    io.nautilus.benchmarks.history.HistoryBench --mode ingest "$@"
