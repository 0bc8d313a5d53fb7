#!/usr/bin/env bash
# What the machine does to a running thread (io.nautilus.benchmarks.core.Hiccups): THREADS threads (default 2)
# read the clock in a loop for SECONDS (default 10) and count the gaps, a floor under any latency percentile here.
# Usage: benchmarks/core/hiccups.sh [THREADS] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
build_if_needed
exec java -Xms256m -Xmx256m -cp "$bench_jar" io.nautilus.benchmarks.core.Hiccups "${1:-2}" "${2:-10}"
