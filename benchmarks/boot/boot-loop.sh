#!/usr/bin/env bash
#
# Fresh-boot loop of the Nautilus distribution: N times, unpack the archive into a new folder, start it with
# bin/nautilus-start and NAUTILUS_ADMIN_PASSWORD, wait (bounded) until `nautilus:status` over bin/client answers
# "Platform: READY", then stop it with bin/nautilus-stop. A boot that is not READY within the bound is a stall: its
# threads are dumped (jcmd Thread.print, else jstack) and its karaf.log kept in the output folder, then it is stopped
# (and killed if it will not stop). Each boot also counts the bundles Karaf's boot-feature deployment stopped to
# refresh them ("Stopping bundles:" in karaf.log), the cause of the first-boot hang of issue 9.
# Prints one line per boot and a summary line:
#   boot-loop: boots=N ready=R stalls=S refreshingBoots=F medianSeconds=M p95Seconds=P archive=...
#
# Usage: benchmarks/boot/boot-loop.sh [--archive FILE] [--bound SECONDS] [--load SHELLS] [--out DIR] N
#   --archive  default karaf-assembly/target/nautilus-karaf-assembly-*.tar.gz (mvn -o install -DskipTests first)
#   --bound    seconds from start to READY before a boot counts as stalled (default 120)
#   --load     busy-loop shells to run beside the boots, to mimic a loaded machine (default 0); they end with the loop
#   --out      where per-boot logs of stalled boots and thread dumps go (default target/boot-loop)
# The distribution binds fixed ports (SSH is moved to a free port, others are not): run no other distribution or
# integration test beside it (on a shared machine, serialise them with flock on one lock file, in batches).
# Exit status: 0 when every boot reached READY, 1 otherwise, 2 on bad usage.
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

archive=""
bound=120
load=0
out="$root/target/boot-loop"
usage() { echo "usage: $0 [--archive FILE] [--bound SECONDS] [--load SHELLS] [--out DIR] N" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --archive) [ $# -ge 2 ] || usage; archive=$2; shift 2 ;;
        --bound) [ $# -ge 2 ] || usage; bound=$2; shift 2 ;;
        --load) [ $# -ge 2 ] || usage; load=$2; shift 2 ;;
        --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || usage
runs=$1
for n in "$runs" "$bound" "$load"; do
    case "$n" in ''|*[!0-9]*) echo "boot-loop: not a non-negative integer: '$n'" >&2; exit 2 ;; esac
done
if [ -z "$archive" ]; then
    archive=$(ls "$root"/karaf-assembly/target/nautilus-karaf-assembly-*.tar.gz 2>/dev/null | head -n 1 || true)
fi
[ -n "$archive" ] && [ -f "$archive" ] || { echo "boot-loop: no archive '$archive' (build karaf-assembly first)" >&2; exit 2; }

mkdir -p "$out"
work=$(mktemp -d)
password="boot-loop-$$-$RANDOM"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
home=""
loaders=()

stop_platform() {
    [ -n "$home" ] && [ -f "$home/karaf.pid" ] || return 0
    local pid
    pid=$(cat "$home/karaf.pid" 2>/dev/null || true)
    NAUTILUS_STOP_TIMEOUT=${NAUTILUS_STOP_TIMEOUT:-60} "$home/bin/nautilus-stop" >/dev/null 2>&1 || true
    # an archive from before the stop escalation: make sure nothing is left running
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "boot-loop: process $pid survived bin/nautilus-stop; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

cleanup() {
    stop_platform
    for l in "${loaders[@]+"${loaders[@]}"}"; do kill "$l" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 "$load"); do
    ( while :; do :; done ) &
    loaders+=("$!")
done

now_ms() { date +%s%3N; }

ready() {
    printf 'nautilus:status\n' | "$home/bin/client" -a "$port" -u admin -p "$password" -r 1 -b 2>/dev/null \
        | grep -q "Platform: READY"
}

dump_threads() {
    local pid=$1 file=$2
    if command -v jcmd >/dev/null 2>&1 && jcmd "$pid" Thread.print -l >"$file" 2>&1; then return 0; fi
    if command -v jstack >/dev/null 2>&1 && jstack -l "$pid" >"$file" 2>&1; then return 0; fi
    kill -QUIT "$pid" 2>/dev/null && echo "(thread dump sent to the platform's console log by SIGQUIT)" >"$file"
}

times=(); ok=0; stalls=0; refreshing=0
for r in $(seq 1 "$runs"); do
    dir="$work/run-$r"
    mkdir -p "$dir"
    tar xzf "$archive" -C "$dir"
    home=$(ls -d "$dir"/*/ | head -n 1)
    home=${home%/}
    sed -i "s/^sshPort = .*/sshPort = $port/" "$home/etc/org.apache.karaf.shell.cfg"

    t0=$(now_ms)
    NAUTILUS_ADMIN_PASSWORD="$password" "$home/bin/nautilus-start" >/dev/null
    deadline=$((t0 + bound * 1000))
    state=stalled
    while [ "$(now_ms)" -lt "$deadline" ]; do
        if ready; then state=ready; break; fi
        sleep 0.5
    done
    t1=$(now_ms)
    refreshed=$(awk '/Stopping bundles:/{f=1; next} f && /\|   [^ ]/{n++; next} {f=0} END{print n+0}' \
        "$home/data/log/karaf.log" 2>/dev/null || echo 0)
    [ "$refreshed" -gt 0 ] && refreshing=$((refreshing + 1))
    if [ "$state" = ready ]; then
        ok=$((ok + 1))
        secs=$(awk -v ms=$((t1 - t0)) 'BEGIN{printf "%.1f", ms / 1000}')
        times+=("$secs")
        echo "boot $r: READY in ${secs} s, bundles stopped for a boot refresh: $refreshed"
    else
        stalls=$((stalls + 1))
        pid=$(cat "$home/karaf.pid" 2>/dev/null || true)
        keep="$out/stall-$(date +%Y%m%dT%H%M%S)-$r"
        mkdir -p "$keep"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            dump_threads "$pid" "$keep/threads.txt" || echo "boot-loop: no thread dump of $pid" >&2
        fi
        cp "$home/data/log/karaf.log" "$keep/" 2>/dev/null || true
        echo "boot $r: STALLED (not READY after ${bound} s), bundles stopped for a boot refresh: $refreshed;" \
            "thread dump and log in $keep"
    fi
    stop_platform
    home=""
    rm -rf "$dir"
done

stats=$(printf '%s\n' "${times[@]+"${times[@]}"}" | sed '/^$/d' | sort -n | awk '
    {a[NR]=$1}
    END {
        if (NR == 0) { print "- -"; exit }
        med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        i = int(0.95 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
        printf "%.1f %.1f\n", med, a[i]
    }')
read -r median p95 <<<"$stats"
echo "boot-loop: boots=$runs ready=$ok stalls=$stalls refreshingBoots=$refreshing medianSeconds=$median" \
    "p95Seconds=$p95 boundSeconds=$bound loadShells=$load archive=$(basename "$archive")"
[ "$ok" -eq "$runs" ]
