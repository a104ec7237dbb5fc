#!/usr/bin/env bash
# Load benchmark for the Bedre stat-prisen portal. Run from anywhere, no arguments:
#
#     bash bench/run.sh
#
# It builds the release binary, starts an SMTP sink and the portal on 127.0.0.1 (free
# ports, a throw-away SQLite database in a temp dir, rate limits off), and measures:
#   1. GET /nominer                     (wrk -t2 -c32 -d10s)
#   2. POST /api/v1/tips (JSON)         (wrk, bench/api_tip.lua)
#   3. POST /tips (HTML form with CSRF) (wrk, bench/form_tip.lua)
#   4. the peak RSS (VmHWM) of the server over runs 1-3
#   5. outbox drain: 1,000 queued tip mails, time from process start until
#      /health reports outbox_waiting == 0, and that process's peak RSS.
# Needs: cargo, wrk, curl, /usr/bin/python3 with aiosmtpd (Debian: wrk python3-aiosmtpd).
# Everything it starts is stopped on exit. Set BENCH_KEEP=1 to keep the temp dir (logs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WRK_ARGS=(-t2 -c32 -d10s --latency --timeout 5s)
DRAIN_TIPS=1000
PYTHON=/usr/bin/python3

# Targets (from the issue; a 2-core machine).
T_PAGE_RPS=10000
T_PAGE_P99_MS=10
T_TIP_RPS=2000
T_DRAIN_S=10
T_RSS_MB=64

die() { echo "bench: $*" >&2; exit 1; }
note() { printf '\n== %s\n' "$*"; }

for tool in cargo wrk curl; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -x "$PYTHON" ] || die "$PYTHON not found"
"$PYTHON" -c 'import aiosmtpd' 2>/dev/null \
    || die "aiosmtpd missing for $PYTHON (apt-get install python3-aiosmtpd)"

# --- processes and clean-up ---------------------------------------------------------------

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bedre-stat-bench.XXXXXX")"
SERVER_PID=""
SMTP_PID=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_server || true
    if [ -n "$SMTP_PID" ] && kill -0 "$SMTP_PID" 2>/dev/null; then
        kill -TERM "$SMTP_PID" 2>/dev/null || true
        wait "$SMTP_PID" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -s "$TMP/server.log" ]; then
        echo "--- last lines of the server log ($TMP/server.log):" >&2
        tail -n 20 "$TMP/server.log" >&2 || true
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
        echo "bench: temp dir kept: $TMP" >&2
    else
        rm -rf "$TMP"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    "$PYTHON" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ns() { date +%s%N; }

# Peak resident set size of a live process, in MiB (VmHWM is the high-water mark).
peak_rss_mb() {
    awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# start_server DB_FILE WORKER_ENABLED: starts the portal in the background (SERVER_PID).
start_server() {
    local db="$1" worker="$2"
    env RUST_LOG=warn \
        BEDRE_STAT__SERVER__HOST=127.0.0.1 \
        BEDRE_STAT__SERVER__PORT="$PORT" \
        BEDRE_STAT__SERVER__BASE_URL="http://127.0.0.1:$PORT" \
        BEDRE_STAT__DATABASE__URL="$db" \
        BEDRE_STAT__MAIL__SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" \
        BEDRE_STAT__MAIL__WORKER_ENABLED="$worker" \
        BEDRE_STAT__RATE_LIMIT__ENABLED=false \
        "$BIN" serve >>"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
}

# Stops the portal gracefully (SIGTERM; in-flight requests and the mail batch finish).
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 300); do # up to 30 s
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "bench: server $SERVER_PID ignored SIGTERM for 30 s; killing it" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

health() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health" 2>/dev/null; }

# outbox_waiting from /health, or empty when the server does not answer.
outbox_waiting() {
    { health || true; } | sed -n 's/.*"outbox_waiting":\([0-9][0-9]*\).*/\1/p'
}

outbox_failed() {
    { health || true; } | sed -n 's/.*"outbox_failed":\([0-9][0-9]*\).*/\1/p'
}

wait_until_up() {
    local i
    for i in $(seq 1 300); do # up to 30 s
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start-up"
        health >/dev/null && return 0
        sleep 0.1
    done
    die "the server did not answer /health within 30 s"
}

# --- wrk runs -------------------------------------------------------------------------------

# Latency as wrk prints it (850.00us, 1.23ms, 2.00s) -> milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /m$/) n *= 60000;
        else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

# run_wrk NAME URL [SCRIPT]: runs wrk and sets R_RPS, R_P50, R_P99 (ms), R_BAD (non-2xx/3xx
# responses plus socket errors), R_REQS.
run_wrk() {
    local name="$1" url="$2" script="${3:-}" out="$TMP/wrk-$1.txt"
    local args=("${WRK_ARGS[@]}")
    [ -n "$script" ] && args+=(-s "$script")
    echo "wrk ${args[*]} $url"
    wrk "${args[@]}" "$url" | tee "$out"
    R_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
    R_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    R_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    R_REQS=$(awk '/requests in/ { print $1 }' "$out")
    local non2xx sockerr
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
    sockerr=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out")
    R_BAD=$(( ${non2xx:-0} + ${sockerr:-0} ))
    [ -n "$R_RPS" ] && [ -n "$R_P99" ] || die "could not read wrk's output for $name"
}

# --- 1. build ---------------------------------------------------------------------------------

if [ -n "${BEDRE_STAT_BIN:-}" ]; then
    BIN="$BEDRE_STAT_BIN" # bench/compare.sh measures two builds with the same script
    note "Measuring $BIN"
else
    note "Building the release binary (cargo build --release; the first build takes a few minutes)"
    cargo build --release
    BIN="$ROOT/target/release/bedre-stat"
fi
[ -x "$BIN" ] || die "$BIN was not built"

# --- 2. SMTP sink -------------------------------------------------------------------------------

SMTP_PORT=$(free_port)
note "Starting the SMTP sink (aiosmtpd Sink handler) on 127.0.0.1:$SMTP_PORT"
"$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Sink \
    >"$TMP/smtp.log" 2>&1 &
SMTP_PID=$!
for i in $(seq 1 100); do
    kill -0 "$SMTP_PID" 2>/dev/null || die "the SMTP sink exited: $(cat "$TMP/smtp.log")"
    (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
    sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null || die "the SMTP sink did not start"

# --- 3-4. throughput ------------------------------------------------------------------------------

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
note "Starting the portal on $BASE (SQLite in $TMP, rate limits off, mail worker on)"
start_server "$TMP/throughput.db" true
wait_until_up
THROUGHPUT_PID=$SERVER_PID

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Load average before the runs: $LOAD_BEFORE (other busy processes skew the figures)"

note "(a) GET /nominer"
run_wrk nominer "$BASE/nominer"
PAGE_RPS=$R_RPS PAGE_P50=$R_P50 PAGE_P99=$R_P99 PAGE_BAD=$R_BAD

note "(b) POST /api/v1/tips (JSON)"
run_wrk api "$BASE/api/v1/tips" "$ROOT/bench/api_tip.lua"
API_RPS=$R_RPS API_P50=$R_P50 API_P99=$R_P99 API_BAD=$R_BAD

note "(c) POST /tips (HTML form, double-submit CSRF)"
curl -fsS -c "$TMP/cookies.txt" -o "$TMP/tips.html" "$BASE/tips"
FORM_TOKEN=$(sed -n 's/.*name="csrf_token" value="\([0-9a-fA-F]*\)".*/\1/p' "$TMP/tips.html" | head -n 1)
COOKIE_TOKEN=$(awk '$6 == "csrf" { print $7 }' "$TMP/cookies.txt")
[ -n "$FORM_TOKEN" ] || die "no csrf_token field in GET /tips"
[ "$FORM_TOKEN" = "$COOKIE_TOKEN" ] || die "the csrf cookie and the form field differ"
# One request first, to be sure the body is accepted (a CSRF or validation failure would
# otherwise be measured as a fast 403/422).
CHECK_STATUS=$(curl -sS -o /dev/null -w '%{http_code}' -b "csrf=$FORM_TOKEN" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    --data "csrf_token=$FORM_TOKEN&website=&initiative=Sjekk&agency=Sjekk&reason=Sjekk" \
    "$BASE/tips")
[ "$CHECK_STATUS" = 200 ] || die "a test POST /tips answered $CHECK_STATUS, not 200"
CSRF_TOKEN=$FORM_TOKEN run_wrk form "$BASE/tips" "$ROOT/bench/form_tip.lua"
FORM_RPS=$R_RPS FORM_P50=$R_P50 FORM_P99=$R_P99 FORM_BAD=$R_BAD

THROUGHPUT_RSS=$(peak_rss_mb "$THROUGHPUT_PID")
echo
echo "Peak RSS of the server over runs (a)-(c): $THROUGHPUT_RSS MiB"
stop_server

# --- 5. outbox drain --------------------------------------------------------------------------------

note "Outbox drain: queueing $DRAIN_TIPS tips with the mail worker off (fresh database)"
DRAIN_DB="$TMP/drain.db"
start_server "$DRAIN_DB" false
wait_until_up
# The same tip as bench/api_tip.lua sends.
TIP_JSON='{"initiative":"Digital postkasse for fakturaer i hele staten","agency":"Statens vegvesen","reason":"Sparte tusenvis av timer og gjorde fakturabehandlingen enklere for alle."}'
# One curl, $DRAIN_TIPS POSTs (URL globbing), 8 at a time over reused connections.
# Each response body goes to a file of its own; stdout gets the status codes, one a line.
curl -sS -Z --parallel-max 8 -w '%{http_code}\n' \
    -H 'Content-Type: application/json' --data "$TIP_JSON" \
    --create-dirs -o "$TMP/drain-responses/#1.json" \
    "$BASE/api/v1/tips?n=[1-$DRAIN_TIPS]" >"$TMP/drain-status.txt" 2>"$TMP/drain-curl.log" || true
CREATED=$(grep -c '^201$' "$TMP/drain-status.txt" || true)
[ "$CREATED" -eq "$DRAIN_TIPS" ] \
    || die "only $CREATED of $DRAIN_TIPS tips were accepted: $(sort "$TMP/drain-status.txt" | uniq -c | tr '\n' ' ')"
QUEUED=$(outbox_waiting)
echo "$CREATED tips accepted; /health outbox_waiting = $QUEUED"
[ "$QUEUED" = "$DRAIN_TIPS" ] || die "expected outbox_waiting == $DRAIN_TIPS, got '$QUEUED'"
stop_server

note "Restarting with the mail worker on (same database) and timing the drain"
DRAIN_START=$(now_ns)
start_server "$DRAIN_DB" true
DRAIN_PID=$SERVER_PID
DEADLINE=$(( DRAIN_START + 120 * 1000000000 ))
while :; do
    kill -0 "$DRAIN_PID" 2>/dev/null || die "the server exited during the drain"
    WAITING=$(outbox_waiting)
    [ "$WAITING" = 0 ] && break
    [ "$(now_ns)" -lt "$DEADLINE" ] || die "outbox not drained after 120 s (waiting: ${WAITING:-?})"
    sleep 0.05
done
DRAIN_END=$(now_ns)
DRAIN_S=$(awk -v a="$DRAIN_START" -v b="$DRAIN_END" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
DRAIN_FAILED=$(outbox_failed)
DRAIN_RSS=$(peak_rss_mb "$DRAIN_PID")
echo "$DRAIN_TIPS mails delivered in $DRAIN_S s (outbox_failed = ${DRAIN_FAILED:-?}; peak RSS $DRAIN_RSS MiB)"
stop_server

# --- 5b. login flood --------------------------------------------------------------------------

# login_flood_with BYTES: a fresh server, 48 connections posting logins with BYTES-byte
# passwords for an unknown address for 10 s; sets L_RPS and L_RSS (peak RSS, MiB).
login_flood_with() {
    local bytes="$1"
    start_server "$TMP/login-$bytes.db" false
    wait_until_up
    curl -fsS -o "$TMP/login.html" "$BASE/logg-inn"
    CSRF_TOKEN=$(sed -n 's/.*name="csrf_token" value="\([0-9a-fA-F]*\)".*/\1/p' "$TMP/login.html" | head -n 1)
    [ -n "$CSRF_TOKEN" ] || die "no csrf_token field in GET /logg-inn"
    CSRF_TOKEN="$CSRF_TOKEN" PASSWORD_BYTES="$bytes" \
        wrk -t2 -c48 -d10s --timeout 20s -s "$ROOT/bench/login_flood.lua" "$BASE/logg-inn" \
        >"$TMP/wrk-login-$bytes.txt"
    L_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-login-$bytes.txt")
    L_RSS=$(peak_rss_mb "$SERVER_PID")
    stop_server
}
note "Login flood: 48 connections, 60 KB passwords"
login_flood_with 61440
HUGE_RPS=$L_RPS HUGE_RSS=$L_RSS
echo "60 KB passwords: $HUGE_RPS logins/s answered, peak RSS $HUGE_RSS MiB"
note "Login flood: 48 connections, 20-byte wrong passwords"
login_flood_with 20
SHORT_RPS=$L_RPS SHORT_RSS=$L_RSS
echo "20-byte passwords: $SHORT_RPS logins/s answered, peak RSS $SHORT_RSS MiB"

# --- 6. summary ------------------------------------------------------------------------------------

verdict() { # verdict VALUE OP TARGET -> yes/NO
    awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
        ok = (op == ">=") ? (v + 0 >= t + 0) : (v + 0 <= t + 0); print ok ? "yes" : "NO" }'
}
both() { [ "$1" = yes ] && [ "$2" = yes ] && echo yes || echo NO; }

PEAK_RSS=$(awk -v a="$THROUGHPUT_RSS" -v b="$DRAIN_RSS" 'BEGIN { print (a > b) ? a : b }')

note "Summary ($(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'); wrk ${WRK_ARGS[*]})"
{
    printf '%-30s %10s %9s %9s %8s   %-22s %s\n' \
        "Scenario" "req/s" "p50 ms" "p99 ms" "errors" "Target" "Met"
    printf '%-30s %10s %9s %9s %8s   %-22s %s\n' \
        "GET /nominer" "$PAGE_RPS" "$PAGE_P50" "$PAGE_P99" "$PAGE_BAD" \
        ">=$T_PAGE_RPS/s, p99<=${T_PAGE_P99_MS}ms" \
        "$(both "$(verdict "$PAGE_RPS" '>=' $T_PAGE_RPS)" "$(verdict "$PAGE_P99" '<=' $T_PAGE_P99_MS)")"
    printf '%-30s %10s %9s %9s %8s   %-22s %s\n' \
        "POST /api/v1/tips (JSON)" "$API_RPS" "$API_P50" "$API_P99" "$API_BAD" \
        ">=$T_TIP_RPS/s" "$(verdict "$API_RPS" '>=' $T_TIP_RPS)"
    printf '%-30s %10s %9s %9s %8s   %-22s %s\n' \
        "POST /tips (form + CSRF)" "$FORM_RPS" "$FORM_P50" "$FORM_P99" "$FORM_BAD" \
        ">=$T_TIP_RPS/s" "$(verdict "$FORM_RPS" '>=' $T_TIP_RPS)"
    echo
    printf '%-42s %12s   %-22s %s\n' "Measure" "Result" "Target" "Met"
    printf '%-42s %12s   %-22s %s\n' "$DRAIN_TIPS mails delivered (start -> outbox 0)" \
        "$DRAIN_S s" "<=$T_DRAIN_S s" "$(verdict "$DRAIN_S" '<=' $T_DRAIN_S)"
    printf '%-42s %12s   %-22s %s\n' "Peak RSS, throughput runs (VmHWM)" \
        "$THROUGHPUT_RSS MiB" "<=$T_RSS_MB MB" "$(verdict "$THROUGHPUT_RSS" '<=' $T_RSS_MB)"
    printf '%-42s %12s   %-22s %s\n' "Peak RSS, drain run (VmHWM)" \
        "$DRAIN_RSS MiB" "<=$T_RSS_MB MB" "$(verdict "$DRAIN_RSS" '<=' $T_RSS_MB)"
    printf '%-42s %12s   %-22s %s\n' "Peak RSS, 48 logins with 60 KB passwords" \
        "$HUGE_RSS MiB" "<=$T_RSS_MB MB" "$(verdict "$HUGE_RSS" '<=' $T_RSS_MB)"
    printf '%-42s %12s   %-22s %s\n' "Peak RSS, 48 logins with 20-byte passwords" \
        "$SHORT_RSS MiB" "<=$T_RSS_MB MB" "$(verdict "$SHORT_RSS" '<=' $T_RSS_MB)"
    printf '%-42s %12s   %-22s %s\n' "Logins answered/s (60 KB / 20 bytes)" \
        "$HUGE_RPS / $SHORT_RPS" "" ""
    printf '%-42s %12s   %-22s %s\n' "Peak RSS, overall" \
        "$PEAK_RSS MiB" "<=$T_RSS_MB MB" "$(verdict "$PEAK_RSS" '<=' $T_RSS_MB)"
} | tee "$TMP/summary.txt"
echo
echo "Load average before the runs: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "errors = non-2xx/3xx responses + socket errors counted by wrk (should be 0)."
