#!/usr/bin/env bash
#
# End-to-end load on the trading core: builds the benchmarks if needed, then runs
# io.nautilus.benchmarks.core.LoadGenerator from the shaded benchmarks jar with the given arguments (the full
# pipeline: ring, journal in a temporary folder, risk with loose limits, matching, positions). The last line printed
# is the run's JSON.
#
# Usage: benchmarks/core/load.sh [--mix exchange-core|new-cancel|aggressive] [--mode throughput|latency|engine]
#                                [--commands N] [--rate R] [--seconds S] [--wait STRATEGY] [--fsync POLICY]
#                                [--layout auto|compact|parallel|single] ...
#        benchmarks/core/load.sh --help
# JVM options: LOAD_JAVA_OPTS (default -Xms2g -Xmx2g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
build_if_needed
# shellcheck disable=SC2086
exec java ${LOAD_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC} -cp "$bench_jar" \
    io.nautilus.benchmarks.core.LoadGenerator "$@"
