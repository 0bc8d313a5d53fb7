#!/usr/bin/env bash
#
# Heap allocated per command in steady state, with JMH's GC profiler, for the three paths a command takes:
#   matching      io.nautilus.benchmarks.matching.OrderBookBenchmark      MatchingEngine alone, exchange-core mix
#   engine        io.nautilus.benchmarks.core.TradingEngineBenchmark      TradingEngine (risk, matching, positions)
#   order-entry   io.nautilus.benchmarks.core.OrderEntryBenchmark         TradingCoreManager submit/replace/cancel
# and FAILS (exit 1) when one is over its budget (B/op, gc.alloc.rate.norm, amortised over the measured iterations):
#   matching, engine: all threads <= MAX_BYTES (default 1)
#   order-entry: the caller's thread <= 24 + MAX_BYTES (the CompletableFuture each call returns), the journal and
#   business stages <= MAX_BYTES each, the publish stage <= PUBLISH_MAX_BYTES (default 256: the CommandResult and
#   execution reports the API hands out per call), split by thread with ThreadAllocProfiler.
# Prints JMH's report, a table, then ONE JSON line:
# {"benchmark":"jmh-alloc","maxBytes":1,"results":[{"name":"matching","bytesPerOp":...,"limit":...,"ok":true},...],"ok":true}
#
# Usage: benchmarks/core/jmh-alloc.sh [extra JMH options]   (default: -f 1 -wi 3 -w 3 -i 5 -r 3); a benchmark that
# fails (TradingEngineBenchmark does when the engine rejects a command) fails the script (-foe true). Other mixes:
# BENCH=TradingEngineBenchmark benchmarks/core/jmh-alloc.sh -p mix=aggressive,new-cancel
# Environment: MAX_BYTES (1), PUBLISH_MAX_BYTES (256), BENCH (a JMH regexp; default the three benchmarks)
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
build_if_needed
out="$core_root/benchmarks/target/jmh-alloc.json"
if [ $# -eq 0 ]; then set -- -f 1 -wi 3 -w 3 -i 5 -r 3; fi
bench=${BENCH:-'(OrderBookBenchmark|TradingEngineBenchmark|OrderEntryBenchmark)\.'}
java -jar "$bench_jar" "$bench" -foe true "$@" -prof gc -prof io.nautilus.benchmarks.core.ThreadAllocProfiler \
    -rf json -rff "$out"
python3 - "$out" "${MAX_BYTES:-1}" "${PUBLISH_MAX_BYTES:-256}" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
max_bytes = float(sys.argv[2])
publish_max = float(sys.argv[3])
FUTURE = 24  # a CompletableFuture with compressed references: what every order-entry call returns by contract

def metric(run, key):
    sec = run.get("secondaryMetrics", {})
    for k in (key, "\u00b7" + key):
        if k in sec:
            return sec[k]["score"]
    return None

def thread(run, prefix):
    total, seen = 0.0, False
    for k, m in run.get("secondaryMetrics", {}).items():
        if k.lstrip("\u00b7").startswith("thread.alloc.norm:") and prefix in k:
            total += m["score"]
            seen = True
    return total if seen else 0.0

rows = []
for run in runs:
    name = run["benchmark"].rsplit(".", 2)[-2]
    total = metric(run, "gc.alloc.rate.norm")
    if name == "OrderBookBenchmark":
        rows.append(("matching", "all threads", total, max_bytes))
    elif name == "TradingEngineBenchmark":
        rows.append(("engine " + run.get("params", {}).get("mix", ""), "all threads", total, max_bytes))
    elif name == "OrderEntryBenchmark":
        rows.append(("order-entry", "all threads", total, None))
        rows.append(("order-entry", "caller", thread(run, "jmh-worker"), FUTURE + max_bytes))
        rows.append(("order-entry", "journal", thread(run, "nautilus-core-journal"), max_bytes))
        rows.append(("order-entry", "business", thread(run, "nautilus-core-business"), max_bytes))
        rows.append(("order-entry", "publish", thread(run, "nautilus-core-publish"), publish_max))
    else:
        rows.append((name, "all threads", total, None))

ok = bool(rows)
print("\n| path | threads | B/op | limit | |\n|---|---|---|---|---|")
results = []
for path, threads, value, limit in rows:
    good = value is not None and (limit is None or value <= limit)
    ok = ok and good
    print("| %s | %s | %s | %s | %s |" % (path, threads, "n/a" if value is None else "%.3f" % value,
                                          "-" if limit is None else "%g" % limit, "ok" if good else "OVER"))
    results.append({"name": path, "threads": threads, "bytesPerOp": None if value is None else round(value, 3),
                    "limit": limit, "ok": good})
print(json.dumps({"benchmark": "jmh-alloc", "maxBytes": max_bytes, "results": results, "ok": ok},
                 separators=(",", ":")))
sys.exit(0 if ok else 1)
PY
