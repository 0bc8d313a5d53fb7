#!/usr/bin/env bash
#
# JMH benchmark of the order book and matching (io.nautilus.benchmarks.matching.OrderBookBenchmark): one operation
# is one command of the exchange-core-like stream copied into a reused slot and processed by the MatchingEngine,
# measured with JMH's GC profiler (steady state must allocate ~0 B/op). Prints JMH's report, then ONE JSON line:
# {"benchmark":"order-book-jmh","opsPerSecond":...,"opsPerSecondError":...,"bytesPerOp":...,"gcCount":...}
#
# Usage: benchmarks/core/jmh-orderbook.sh [extra JMH options]   (default: -f 1 -wi 3 -i 5)
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
build_if_needed
out="$core_root/benchmarks/target/jmh-orderbook.json"
if [ $# -eq 0 ]; then set -- -f 1 -wi 3 -i 5; fi
java -jar "$bench_jar" OrderBookBenchmark "$@" -prof gc -rf json -rff "$out"
python3 - "$out" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
r = runs[0]
p = r["primaryMetric"]
sec = r.get("secondaryMetrics", {})
def score(key):
    m = sec.get(key)
    return None if m is None else m["score"]
print(json.dumps({"benchmark": "order-book-jmh", "opsPerSecond": round(p["score"]),
                  "opsPerSecondError": round(p["scoreError"]) if isinstance(p["scoreError"], (int, float))
                  and p["scoreError"] == p["scoreError"] else None,
                  "bytesPerOp": score("·gc.alloc.rate.norm") if score("·gc.alloc.rate.norm") is not None
                  else score("gc.alloc.rate.norm"),
                  "gcCount": score("·gc.count") if score("·gc.count") is not None else score("gc.count")},
                 separators=(",", ":")))
PY
