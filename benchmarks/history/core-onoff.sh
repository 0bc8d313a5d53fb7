#!/usr/bin/env bash
#
# Trading core throughput with the history store off and on, in one JVM: the load generator (--pipeline stream, as
# benchmarks/core/load.sh) drives the platform's real trading core in alternating rounds, without and with the
# store's HistoryWriter registered as its command result listener, and prints the medians and the ratio on/off.
#
# Usage: benchmarks/history/core-onoff.sh [embedded|postgresql|jdbc:postgresql://...] [load generator options]
#        e.g. benchmarks/history/core-onoff.sh postgresql --commands 1000000 --history-rounds 3
# JVM options: LOAD_JAVA_OPTS (default -Xms2g -Xmx2g -XX:+UseParallelGC).
#
set -euo pipefail
store=${1:-embedded}
shift || true
exec "$(dirname "$0")/../core/load.sh" --mode throughput --history "$store" "$@"
