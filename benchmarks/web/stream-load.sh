#!/usr/bin/env bash
#
# WebSocket stream benchmark (benchmarks/web/README.md), from the shaded benchmarks jar:
#
#   benchmarks/web/stream-load.sh [--clients N] [--rate R] [--instruments K] [--rounds N] [--commands N ...]
#       io.nautilus.benchmarks.web.StreamLoad: N WebSocket clients on /api/v1/stream receiving R quote updates/s
#       in all while the core's load generator runs in the same JVM; update latency (HdrHistogram) and the core's
#       throughput with and without the streams
#
# The jar is built when missing (REBUILD=1 forces it: mvn -o package -pl benchmarks; the modules it needs must be
# installed). JVM options: WEB_JAVA_OPTS (default -Xms1g -Xmx1500m -XX:+UseParallelGC).
#
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
jar=benchmarks/target/nautilus-benchmarks.jar
repo=()
[ -n "${M2_REPO:-}" ] && repo=(-Dmaven.repo.local="$M2_REPO")
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$jar" ]; then
    echo "building $jar ..." >&2
    mvn -B -q -o "${repo[@]}" package -DskipTests -pl benchmarks >&2
fi
# shellcheck disable=SC2086
exec java ${WEB_JAVA_OPTS:--Xms1g -Xmx1500m -XX:+UseParallelGC} -cp "$jar" io.nautilus.benchmarks.web.StreamLoad "$@"
