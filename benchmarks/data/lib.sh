# Shared by the historical-data benchmark scripts (sourced, not run): the generated data sets and stores.
# shellcheck shell=bash
# shellcheck source=../core/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../core/lib.sh"

data_dir=${DATA_BENCH_DIR:-/tmp/nautilus-data-bench}
bench_java() {
    # shellcheck disable=SC2086
    java ${DATA_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -cp "$bench_jar" "$@"
}

# generate NAME DAYS [--plain]: quotes every 200-400 ms per instrument (3 instruments, ~0.87 M quotes a day)
# and 1-minute bars, made once by the sample generator with seed 11
generate() {
    local name=$1 days=$2
    shift 2
    if [ ! -f "$data_dir/$name/.done" ]; then
        echo "generating $name ($days days) ..." >&2
        rm -rf "${data_dir:?}/$name"
        bench_java io.nautilus.benchmarks.data.SampleData --out "$data_dir/$name" --days "$days" \
            --gap-ms 200:400 "$@" >&2
        touch "$data_dir/$name/.done"
    fi
}

# store NAME CSV_NAME: the store of a generated data set, imported once
store() {
    local name=$1 csv=$2
    if [ ! -f "$data_dir/$name/.done" ]; then
        echo "importing $csv into $name ..." >&2
        rm -rf "${data_dir:?}/$name"
        bench_java io.nautilus.benchmarks.data.DataBench --mode import --data "$data_dir/$csv" \
            --store "$data_dir/$name" --runs 1 >&2
        touch "$data_dir/$name/.done"
    fi
}
