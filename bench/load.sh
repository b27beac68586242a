#!/usr/bin/env bash
# Load benchmark of `styr serve` with the demo budget: requests/s and p50/p99 latency for
# Översikt, Driftbudget, one API read and one API write, measured with wrk (Debian) against a
# release build on 127.0.0.1 only. No timing is asserted anywhere; this prints figures.
#
#   bench/load.sh                      # 64 connections, 10 s per endpoint
#   CONNECTIONS=16 DURATION=5s bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
port=${STYR_BENCH_PORT:-18080}
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
cargo build --release -q -p styr-cli

work=$(mktemp -d)
target/release/styr serve --demo --database "$work/bench.db" --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -sf "$base/healthz" >/dev/null && break
  sleep 0.1
done

# Every request needs an actor: log in as the demo's controller (its password is printed once on
# first start) and make a personal API token, which every measured request then carries.
password=$(awk '$1 == "controller" { print $2 }' "$work/server.log")
jar="$work/cookies"
login_token=$(curl -sf -c "$jar" -b "$jar" "$base/logga-in" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$login_token" \
  --data-urlencode "username=controller" --data-urlencode "password=$password" "$base/logga-in"
csrf=$(curl -sf -c "$jar" -b "$jar" "$base/konto" | sed -n 's/.*name="csrf-token" content="\([0-9a-f]*\)".*/\1/p' | head -1)
token=$(curl -sf -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "name=bench" "$base/konto/nycklar" \
  | sed -n 's/.*id="ny-nyckel" readonly value="\(styr_[0-9a-f]*\)".*/\1/p' | head -1)
if [ -z "$token" ]; then
  echo "bench/load.sh: could not log in and make an API token" >&2
  exit 1
fi

cat >"$work/write.lua" <<'LUA'
-- Each request writes a different amount into the same cell, as people typing would.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"amount": "' .. tostring(-47000 - counter % 1000) .. '"}')
end
LUA

printf '%s connections, %s each, on %s cores\n\n' "$connections" "$duration" "$(nproc)"
printf '%-34s %12s %10s %10s %8s\n' "endpoint" "requests/s" "p50" "p99" "errors"
measure() {
  local name=$1
  shift
  local output
  output=$(wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$@")
  local rate p50 p99 errors
  rate=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$output")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$output")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$output")
  errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 } /Socket errors:/ { print "socket" }' <<<"$output" | paste -sd+ -)
  printf '%-34s %12s %10s %10s %8s\n' "$name" "$rate" "$p50" "$p99" "${errors:-0}"
}
measure "Översikt (/budget/1)" "$base/budget/1"
measure "Driftbudget (/budget/1/drift)" "$base/budget/1/drift"
measure "API read (operating/ks)" "$base/api/v1/budgets/1/operating/ks"
measure "API write (PUT a cell)" -s "$work/write.lua" "$base/api/v1/budgets/1/operating/ks/lines/other_costs/2025"
