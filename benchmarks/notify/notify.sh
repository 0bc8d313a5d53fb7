#!/usr/bin/env bash
#
# Notification engine benchmarks (benchmarks/notify/README.md), from the shaded benchmarks jar, run from the
# repository's root (they read camel-routes/notify-*.yaml and etc/io.nautilus.notify.cfg):
#
#   benchmarks/notify/notify.sh latency [--dead] [--alerts N] [--warmup N] [--interval-ms MS] ...
#       io.nautilus.benchmarks.notify.NotifyLatency: raise -> delivered to a local SMTP server (GreenMail) and a
#       local webhook (JDK HTTP server), group_wait 0, latency from the group's release (HdrHistogram)
#   benchmarks/notify/notify.sh storm [--storm-rate R] [--keys K] [--rounds N] [--commands N --warmup N ...]
#       io.nautilus.benchmarks.notify.NotifyStorm: an alert storm while the core's load generator runs, core
#       throughput with and without it
#   benchmarks/notify/notify.sh dead-channel [latency options]
#       latency without, then with a dead receiver on the same route (RUNS pairs), and the medians of both
#
# With RUNS=N (e.g. 3) each is run N times and the last line is a JSON of the medians. The jar is built when missing
# (REBUILD=1 forces it: mvn -o package -pl benchmarks; the modules it needs must be installed). JVM options:
# NOTIFY_JAVA_OPTS (default -Xms1g -Xmx1500m -XX:+UseParallelGC).
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
what=${1:-}
[ $# -gt 0 ] && shift
case "$what" in
    latency) main=io.nautilus.benchmarks.notify.NotifyLatency ;;
    storm) main=io.nautilus.benchmarks.notify.NotifyStorm ;;
    dead-channel) main=io.nautilus.benchmarks.notify.NotifyLatency ;;
    *) sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "null"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
jfield() { sed -n "s/.*\"$1\":\(-\{0,1\}[0-9.eE+-]*\).*/\1/p"; }
run() {
    # shellcheck disable=SC2086
    java ${NOTIFY_JAVA_OPTS:--Xms1g -Xmx1500m -XX:+UseParallelGC} -cp "$jar" "$main" "$@" 2>/dev/null
}
medians() {
    local name=$1 fields=$2; shift 2
    local json="{\"benchmark\":\"$name\",\"runs\":${#all[@]}"
    for f in $fields; do
        m=$(printf '%s\n' "${all[@]}" | jfield "$f" | median)
        [ "$m" = null ] || json="$json,\"$f\":$m"
    done
    echo "$json}"
}
latency_fields="emailP50Ms emailP90Ms emailP99Ms emailP999Ms emailMaxMs emailRaiseP99Ms webhookP50Ms webhookP90Ms webhookP99Ms webhookP999Ms webhookMaxMs webhookRaiseP99Ms deadAttempts"
storm_fields="offCommandsPerSecond onCommandsPerSecond ratio raisesPerSecond overflowed drainMaxMs notifications rolledUp"

runs=${RUNS:-1}
if [ "$what" = dead-channel ]; then
    for mode in live dead; do
        all=()
        for ((i = 1; i <= runs; i++)); do
            echo "--- $mode run $i of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
            if [ $mode = dead ]; then out=$(run "$@" --dead); else out=$(run "$@"); fi
            echo "$out"
            all+=("$(echo "$out" | grep '^{' | tail -n 1)")
        done
        medians "notify-latency-$mode" "$latency_fields"
    done
    exit 0
fi
all=()
for ((i = 1; i <= runs; i++)); do
    [ "$runs" -gt 1 ] && echo "--- run $i of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    out=$(run "$@") || { echo "$out"; exit 1; }
    echo "$out"
    all+=("$(echo "$out" | grep '^{' | tail -n 1)")
done
[ "$runs" -gt 1 ] || exit 0
if [ "$what" = latency ]; then medians notify-latency "$latency_fields"; else medians notify-storm "$storm_fields"; fi
