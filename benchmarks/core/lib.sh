# Shared by the core benchmark scripts (sourced, not run): paths, build-if-needed, medians, JSON fields.
# shellcheck shell=bash

core_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_jar="$core_root/benchmarks/target/nautilus-benchmarks.jar"
m2=${M2_REPO:-$HOME/.m2/repository}
# the Maven local repository the builds below use: M2_REPO when set (else Maven's default)
mvn_repo=()
if [ -n "${M2_REPO:-}" ]; then mvn_repo=(-Dmaven.repo.local="$M2_REPO"); fi
version=0.1.0-SNAPSHOT
core_jar="$m2/io/nautilus/nautilus-core/$version/nautilus-core-$version.jar"

# Installs the core into the local repository if it is not there (REBUILD_CORE=1 forces it), then packages the
# benchmarks if the shaded jar is missing or older than the core jar, the pom or any benchmark source.
build_if_needed() {
    if [ "${REBUILD_CORE:-0}" = 1 ] || [ ! -f "$core_jar" ]; then
        echo "building the core (into ${CORE_BUILD_DIR:-/tmp/nautilus-core-bench-build}) ..." >&2
        (cd "$core_root" && mvn -B -q -o "${mvn_repo[@]}" -pl bundles/nautilus-core \
            -Dcore.build.dir="${CORE_BUILD_DIR:-/tmp/nautilus-core-bench-build}" install -DskipTests) >&2
    fi
    if [ ! -f "$bench_jar" ] || [ "$core_jar" -nt "$bench_jar" ] || [ "$core_root/benchmarks/pom.xml" -nt "$bench_jar" ] \
        || [ -n "$(find "$core_root/benchmarks/src" -newer "$bench_jar" -type f -print -quit)" ]; then
        echo "building the benchmarks ..." >&2
        (cd "$core_root" && mvn -B -q -o "${mvn_repo[@]}" -pl benchmarks package) >&2
    fi
}

# The replay tool's class path, as bin/nautilus-replay builds it: the core jar as installed (it embeds the Disruptor
# and Agrona) and the two API jars; plus slf4j-api, in case the pipeline's logging needs it.
replay_classpath() {
    local slf4j
    slf4j=$(ls "$m2"/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | sort -V | tail -n 1)
    echo "$core_jar:$m2/io/nautilus/nautilus-core-api/$version/nautilus-core-api-$version.jar:$m2/io/nautilus/nautilus-api/$version/nautilus-api-$version.jar:$slf4j"
}

# median of the numbers on stdin (one per line); the mean of the middle two for an even count (not in e-notation)
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "null"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.10g\n", (a[NR/2]+a[NR/2+1])/2}'; }

# the value of a numeric JSON field of the line on stdin
jfield() { sed -n "s/.*\"$1\":\(-\{0,1\}[0-9.eE+-]*\).*/\1/p"; }

# the last line of stdin that looks like a JSON object
last_json() { grep '^{' | tail -n 1; }
