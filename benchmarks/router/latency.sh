#!/usr/bin/env bash
#
# Routing decision latency of the smart order router: io.nautilus.benchmarks.router.RouteLatency, one thread calling
# RouterEngine.route() on 3-5 venues x 5 levels, paced at a fixed rate (coordinated-omission-correct: call k is due
# at start + k / rate, latency = return - due) or flat out. The last line printed is the run's JSON; with RUNS=N
# (e.g. 3) it runs N times and the last line is a JSON of the medians.
#
# Until benchmarks/pom.xml depends on nautilus-router, this script does not use the shaded benchmarks jar: it
# installs the router modules if missing (REBUILD=1 forces it), compiles the RouteLatency class with javac into
# benchmarks/target/router-classes, and runs it with a plain class path of the module jars and HdrHistogram from
# the local Maven repository.
#
# Usage: benchmarks/router/latency.sh [--mode paced|flat] [--rate R] [--seconds S] [--warmup-seconds S]
#                                     [--calls N] [--venues V] [--levels L] [--seed N]
#        benchmarks/router/latency.sh --help
# JVM options: ROUTER_JAVA_OPTS (default -Xms512m -Xmx512m -XX:+UseParallelGC).
#
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
m2=${M2_REPO:-$HOME/.m2/repository}
version=0.1.0-SNAPSHOT
hdr_version=$(sed -n 's:.*<hdrhistogram.version>\(.*\)</hdrhistogram.version>.*:\1:p' "$root/pom.xml")
jar_of() { echo "$m2/io/nautilus/$1/$version/$1-$version.jar"; }
cp="$(jar_of nautilus-api):$(jar_of nautilus-router-api):$(jar_of nautilus-router)"
cp="$cp:$m2/org/hdrhistogram/HdrHistogram/$hdr_version/HdrHistogram-$hdr_version.jar"
classes="$root/benchmarks/target/router-classes"
src="$root/benchmarks/src/main/java/io/nautilus/benchmarks/router"

if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$(jar_of nautilus-router)" ] || [ ! -f "$(jar_of nautilus-router-api)" ] \
    || [ ! -f "$(jar_of nautilus-api)" ]; then
    echo "installing nautilus-api, nautilus-router-api, nautilus-router ..." >&2
    (cd "$root" && mvn -B -q -o -pl bundles/nautilus-api,bundles/nautilus-router-api,bundles/nautilus-router install \
        -DskipTests) >&2
fi
if [ ! -d "$classes" ] || [ -n "$(find "$src" "$(jar_of nautilus-router)" -newer "$classes" -print -quit)" ]; then
    rm -rf "$classes" && mkdir -p "$classes"
    javac --release 17 -nowarn -d "$classes" -cp "$cp" "$src"/*.java
fi
if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    exec java -cp "$classes:$cp" io.nautilus.benchmarks.router.RouteLatency --help
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "null"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
jfield() { sed -n "s/.*\"$1\":\(-\{0,1\}[0-9a-z.eE+-]*\).*/\1/p"; }

runs=${RUNS:-1}
all=()
for ((i = 1; i <= runs; i++)); do
    [ "$runs" -gt 1 ] && echo "--- run $i of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    out=$(java ${ROUTER_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} -cp "$classes:$cp" \
        io.nautilus.benchmarks.router.RouteLatency "$@") || { echo "$out"; exit 1; }
    echo "$out"
    all+=("$(echo "$out" | grep '^{' | tail -n 1)")
done
[ "$runs" -gt 1 ] || exit 0
json="{\"benchmark\":\"router-route\",\"runs\":$runs,\"args\":\"$*\""
fields="p99Micros p50Micros p90Micros p999Micros maxMicros meanMicros serviceP99Micros serviceP50Micros decisionsPerSecond bytesPerDecision lateStartsPct"
for f in $fields; do
    m=$(printf '%s\n' "${all[@]}" | jfield "$f" | median)
    [ "$m" = null ] || json="$json,\"$f\":$m"
done
json="$json,\"p99MicrosRuns\":[$(printf '%s\n' "${all[@]}" | jfield p99Micros | paste -sd, -)]}"
echo "$json"
