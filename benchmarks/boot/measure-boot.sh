#!/usr/bin/env bash
#
# Boot-to-ready of the Nautilus distribution: RUNS first starts (each from a freshly unpacked archive) and RUNS
# warm restarts (the last unpacked folder again), each timed from `bin/nautilus-start` to the first
# `nautilus:status` answering "Platform: READY" over bin/client, plus the platform JVM's RSS once ready.
# Readiness is polled with bin/client (each poll starts a JVM, ~1 s), so figures are upper bounds at that
# granularity. Prints one line per run and a final JSON line with the medians.
#
# Usage: benchmarks/boot/measure-boot.sh [ARCHIVE] [RUNS]
#   ARCHIVE defaults to karaf-assembly/target/nautilus-karaf-assembly-*.tar.gz (build it first: mvn -B install -DskipTests)
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archive=${1:-$(ls "$root"/karaf-assembly/target/nautilus-karaf-assembly-*.tar.gz | head -n 1)}
runs=${2:-3}
work=$(mktemp -d)
password="boot-bench-$$-$RANDOM"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
home=""

cleanup() {
    if [ -n "$home" ] && [ -f "$home/karaf.pid" ]; then "$home/bin/nautilus-stop" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

unpack() {
    local dir="$work/run-$1"
    mkdir -p "$dir"
    tar xzf "$archive" -C "$dir"
    home=$(ls -d "$dir"/*/ | head -n 1)
    home=${home%/}
    sed -i "s/^sshPort = .*/sshPort = $port/" "$home/etc/org.apache.karaf.shell.cfg"
}

# one boot: prints "<millis> <rss_kib>"
boot() {
    local t0 t1 out rss i
    t0=$(now_ms)
    NAUTILUS_ADMIN_PASSWORD="$password" "$home/bin/nautilus-start" >/dev/null
    for i in $(seq 1 600); do
        out=$(printf 'nautilus:status\n' | "$home/bin/client" -a "$port" -u admin -p "$password" -r 1 -b 2>/dev/null || true)
        if grep -q "Platform: READY" <<<"$out"; then
            t1=$(now_ms)
            sleep 5
            rss=$(ps -o rss= -p "$(cat "$home/karaf.pid")" | tr -d ' ')
            "$home/bin/nautilus-stop" >/dev/null
            echo "$((t1 - t0)) $rss"
            return 0
        fi
        sleep 0.2
    done
    echo "platform not ready after 600 polls" >&2
    return 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

first=(); warm=(); rss=()
for r in $(seq 1 "$runs"); do
    unpack "$r"
    read -r ms kib < <(boot)
    echo "first start $r: ${ms} ms, RSS $((kib / 1024)) MiB"
    first+=("$ms"); rss+=("$kib")
done
for r in $(seq 1 "$runs"); do
    read -r ms kib < <(boot)
    echo "warm restart $r: ${ms} ms, RSS $((kib / 1024)) MiB"
    warm+=("$ms"); rss+=("$kib")
done
f=$(printf '%s\n' "${first[@]}" | median)
w=$(printf '%s\n' "${warm[@]}" | median)
m=$(printf '%s\n' "${rss[@]}" | median)
printf '{"benchmark":"boot-to-ready","runs":%d,"firstStartMillisMedian":%d,"warmRestartMillisMedian":%d,"rssMiBMedian":%d}\n' \
    "$runs" "$f" "$w" "$((m / 1024))"
