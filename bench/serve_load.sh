#!/usr/bin/env bash
# A load test of `conform serve` on loopback: wrk keeps CONNECTIONS uploads of a real council
# spend file (793 KB, Devon County Council, December 2012) in flight for SECONDS, once with a
# short queue (4 waiting beside the checks running, one a core: the rest are told "busy" at
# once) and once with a queue as long as the load. Prints requests, answers by status, latency percentiles
# and the server's peak memory.
# Usage: bench/serve_load.sh [SECONDS] [CONNECTIONS]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
connections="${2:-50}"
file="fixtures/corpus/spend-over-500/devon-cc-2012-12.csv"
bin="${CARGO_TARGET_DIR:-target}/release/conform"
cargo build --release --quiet --bin conform
lua="$(mktemp)"
cat > "$lua" <<LUA
wrk.method = "POST"
local f = io.open("$file", "rb")
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/csv"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) conforms = 0; fails = 0; busy = 0; other = 0 end
function response(status, headers, body)
  if status == 200 then conforms = conforms + 1
  elseif status == 422 then fails = fails + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local c, f, b, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("conforms"); f = f + t:get("fails"); b = b + t:get("busy"); o = o + t:get("other")
  end
  io.write(string.format("answers: %d checked (200: %d, 422: %d), %d busy (503), %d other, %d socket errors\n",
    c + f, c, f, b, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
for queue in 4 "$connections"; do
  args=(serve --port 0)
  args+=(--queue "$queue")
  out="$(mktemp)"
  "$bin" "${args[@]}" >"$out" 2>/dev/null &
  pid=$!
  sleep 1
  url="$(grep -o 'http://[^ ]*' "$out" | sed 's/localhost/127.0.0.1/')"
  echo "== queue: $queue, $connections connections, ${seconds}s, $(nproc) cores"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 120s -s "$lua" "${url}api/v1/check?standard=spend-over-500&name=devon.csv" \
    | grep -E "Requests/sec|answers|latency ms|requests in"
  echo "server peak memory: $(grep VmHWM /proc/$pid/status | awk '{print $2 / 1024 " MiB"}')"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
done
rm -f "$lua"
