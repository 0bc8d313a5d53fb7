#!/usr/bin/env bash
#
# REST API latency at a fixed rate: io.nautilus.benchmarks.web.RestLoad starts the web server with the REST resources
# over a real trading core on 127.0.0.1 and loads GET /api/v1/positions and POST /api/v1/orders at --rate requests/s
# (default 2000) from an open-loop client (coordinated-omission-correct: latency = answer end - due time). The last
# line of each scenario is its JSON.
#
# Usage: benchmarks/web/rest.sh [--scenario positions|submit|both] [--rate R] [--seconds S] [--warmup-seconds S]
#                               [--connections N]
#        benchmarks/web/rest.sh --help
# Maven: MVN_OPTS (e.g. "-o -Dmaven.repo.local=/path/to/repo"); REBUILD=1 installs nautilus-web and compiles the
# benchmarks module first. JVM options: REST_JAVA_OPTS (default -Xms512m -Xmx512m).
#
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn_opts=${MVN_OPTS:-}
cd "$root"
if [ "${REBUILD:-0}" = 1 ] || [ ! -d benchmarks/target/classes/io/nautilus/benchmarks/web ]; then
    echo "installing nautilus-web, compiling benchmarks ..." >&2
    # shellcheck disable=SC2086
    mvn -B -q $mvn_opts install -DskipTests -pl bundles/nautilus-web >&2
    # shellcheck disable=SC2086
    mvn -B -q $mvn_opts compile -pl benchmarks >&2
fi
cpfile=benchmarks/target/rest-classpath.txt
if [ ! -f "$cpfile" ] || [ benchmarks/pom.xml -nt "$cpfile" ]; then
    # shellcheck disable=SC2086
    mvn -B -q $mvn_opts dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$root/$cpfile" >&2
fi
# shellcheck disable=SC2086
exec java ${REST_JAVA_OPTS:--Xms512m -Xmx512m} -cp "benchmarks/target/classes:$(cat "$cpfile")" \
    io.nautilus.benchmarks.web.RestLoad "$@"
