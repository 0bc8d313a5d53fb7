# Shared by the strategy benchmark scripts (sourced, not run): paths, build-if-needed, the run loop with medians.
# shellcheck shell=bash

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_jar="$root/benchmarks/target/nautilus-benchmarks.jar"
m2=${M2_REPO:-$HOME/.m2/repository}
version=0.1.0-SNAPSHOT
# the engines the chain runs, as the benchmarks module takes them: from the local Maven repository
modules="nautilus-api nautilus-core-api nautilus-core nautilus-marketdata-api nautilus-marketdata nautilus-strategy"

jar_of() { echo "$m2/io/nautilus/$1/$version/$1-$version.jar"; }

# Installs the modules the chain needs into the local repository if one is missing (REBUILD=1 forces it; each
# module builds into its own folder under ${BUILD_DIR:-/tmp/nautilus-strategy-bench-build}), then packages the
# benchmarks if the shaded jar is missing or older than one of those jars, the pom or a benchmark source.
build_if_needed() {
    local missing=0 m pl="" newer=0 dir=${BUILD_DIR:-/tmp/nautilus-strategy-bench-build}
    for m in $modules; do
        [ -f "$(jar_of "$m")" ] || missing=1
        pl="$pl${pl:+,}bundles/$m"
    done
    if [ "${REBUILD:-0}" = 1 ] || [ "$missing" = 1 ]; then
        echo "installing $modules ..." >&2
        (cd "$root" && mvn -B -q -o -pl "$pl" install -DskipTests -Dcore.build.dir="$dir/core" \
            -Dmd.build.dir="$dir/md" -Dstrategy.build.dir="$dir/strategy") >&2
    fi
    for m in $modules; do
        [ "$(jar_of "$m")" -nt "$bench_jar" ] && newer=1
    done
    if [ ! -f "$bench_jar" ] || [ "$newer" = 1 ] || [ "$root/benchmarks/pom.xml" -nt "$bench_jar" ] \
        || [ -n "$(find "$root/benchmarks/src" -newer "$bench_jar" -type f -print -quit)" ]; then
        echo "building the benchmarks ..." >&2
        (cd "$root" && mvn -B -q -o -pl benchmarks package -DskipTests) >&2
    fi
}

# median of the numbers on stdin (one per line); the mean of the middle two for an even count
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "null"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# the value of a numeric or boolean JSON field of the line on stdin
jfield() { sed -n "s/.*\"$1\":\(-\{0,1\}[0-9a-z.eE+-]*\).*/\1/p"; }

# Runs the main class RUNS times (default 1) with the arguments, echoing each run's output; with more than one run,
# ends with a JSON line of the runs' medians of the given numeric fields (and every run's value of the first).
run_with_medians() {
    local class=$1 fields=$2 name=$3 runs=${RUNS:-1} i f m out json all=()
    shift 3
    for ((i = 1; i <= runs; i++)); do
        [ "$runs" -gt 1 ] && echo "--- run $i of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
        # shellcheck disable=SC2086
        out=$(java ${STRATEGY_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -cp "$bench_jar" "$class" "$@") || {
            echo "$out"; return 1; }
        echo "$out"
        all+=("$(echo "$out" | grep '^{' | tail -n 1)")
    done
    [ "$runs" -gt 1 ] || return 0
    json="{\"benchmark\":\"$name\",\"runs\":$runs,\"args\":\"$*\""
    for f in $fields; do
        m=$(printf '%s\n' "${all[@]}" | jfield "$f" | median)
        [ "$m" = null ] || json="$json,\"$f\":$m"
    done
    f=${fields%% *}
    json="$json,\"${f}Runs\":[$(printf '%s\n' "${all[@]}" | jfield "$f" | paste -sd, -)]}"
    echo "$json"
}
