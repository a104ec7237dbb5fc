#!/usr/bin/env bash
# Load benchmark for the Bedre stat-prisen portal, side by side with the bare framework.
# Run from anywhere, no arguments:
#
#     bash bench/run.sh
#
# It builds the release binary and the baseline (a bare actix-web + tera page and a bare
# actix-web + diesel SQLite insert, ../shared/bench/baseline-actix, built into
# target/baseline), starts an SMTP sink, the portal on SQLite, the portal on PostgreSQL
# (a fresh database on the local server) and the baseline, all on 127.0.0.1 with free ports
# and rate limits off, and measures with wrk (-t2 -c32, a warm-up first, the baseline's
# wrk-report.lua):
#   1. ROUNDS times, alternating so that drift on a shared machine hits all alike:
#      portal GET /nominer, baseline GET /page, portal POST /api/v1/tips (SQLite),
#      baseline POST /insert (POOL_SIZE=1: one SQLite writer, as the portal has),
#      portal POST /api/v1/tips (PostgreSQL);
#   2. POST /tips (the HTML form with its CSRF token), once;
#   3. the peak RSS (VmHWM) of the SQLite portal over runs 1-2;
#   4. outbox drain: 1,000 queued tip mails, time from process start until /health
#      reports outbox_waiting == 0, and that process's peak RSS;
#   5. login floods (48 connections, 60 KB and 20-byte passwords): logins answered and
#      peak RSS;
# then prints the figures and the ratios portal ÷ baseline and PostgreSQL ÷ SQLite.
# The mail workers are off during 1-2, so no run pays for mail queued by an earlier one.
#
# Needs: cargo, wrk, curl, psql, /usr/bin/python3 with aiosmtpd, and PostgreSQL at
# BENCH_PG (default postgres://postgres@127.0.0.1:5432; BENCH_PG=off skips that run).
# Everything it starts is stopped (and the PostgreSQL database dropped) on exit. Set
# BENCH_KEEP=1 to keep the temp dir (logs). ROUNDS (default 2), DURATION (default 10s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The baseline, relative to the repository (its folder is read-only: built elsewhere).
BASELINE_SRC="${BASELINE_SRC:-../shared/bench/baseline-actix}"
BASELINE_TARGET="$ROOT/target/baseline"
REPORT_LUA="$BASELINE_SRC/wrk-report.lua"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-10s}"
WRK_ARGS=(-t2 -c32 "-d$DURATION" --timeout 5s)
WARMUP_ARGS=(-t2 -c32 -d3s --timeout 5s)
DRAIN_TIPS=1000
PYTHON=/usr/bin/python3
BENCH_PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
TIP_JSON='{"initiative":"Digital postkasse for fakturaer i hele staten","agency":"Statens vegvesen","reason":"Sparte tusenvis av timer og gjorde fakturabehandlingen enklere for alle."}'
TIP_FORM='website=&initiative=Digital+postkasse+for+fakturaer+i+hele+staten&agency=Statens+vegvesen&reason=Sparte+tusenvis+av+timer+og+gjorde+fakturabehandlingen+enklere+for+alle.'
INSERT_FORM='name=Digital+postkasse+for+fakturaer&email=post%40vegvesen.no'

# Targets (issues 7 and 10; a 2-core machine, wrk on the same cores).
T_PAGE_RATIO=0.5   # GET /nominer ÷ baseline GET /page
T_TIP_RATIO=0.5    # API tip (SQLite) ÷ baseline POST /insert
T_PG_RATIO=0.7     # API tip on PostgreSQL ÷ on SQLite
T_PG_P99_MS=30     # API tip on PostgreSQL, p99 at 32 connections
T_RSS_MB=32        # peak RSS of the portal, MB (10^6 bytes)
T_DRAIN_S=10

die() { echo "bench: $*" >&2; exit 1; }
note() { printf '\n== %s\n' "$*"; }

for tool in cargo wrk curl; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -x "$PYTHON" ] || die "$PYTHON not found"
"$PYTHON" -c 'import aiosmtpd' 2>/dev/null \
    || die "aiosmtpd missing for $PYTHON (apt-get install python3-aiosmtpd)"
[ -f "$BASELINE_SRC/Cargo.toml" ] || die "no baseline at $BASELINE_SRC (set BASELINE_SRC)"
if [ "$BENCH_PG" != off ]; then
    command -v psql >/dev/null || die "psql is not installed (or set BENCH_PG=off)"
    psql "$BENCH_PG/postgres" -qAtc 'SELECT 1' >/dev/null \
        || die "PostgreSQL does not answer at $BENCH_PG (or set BENCH_PG=off)"
fi

# --- processes and clean-up ---------------------------------------------------------------

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bedre-stat-bench.XXXXXX")"
PIDS=()      # servers still running
SMTP_PID=""
PG_DB=""

# stop PID: SIGTERM (in-flight requests and the mail batch finish), SIGKILL after 30 s.
stop() {
    local pid="$1" i
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 300); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "bench: process $pid ignored SIGTERM for 30 s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    local rest=() p
    for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || rest+=("$p"); done
    PIDS=("${rest[@]+"${rest[@]}"}")
}

cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do stop "$pid" || true; done
    if [ -n "$SMTP_PID" ] && kill -0 "$SMTP_PID" 2>/dev/null; then
        kill -TERM "$SMTP_PID" 2>/dev/null || true
        wait "$SMTP_PID" 2>/dev/null || true
    fi
    if [ -n "$PG_DB" ]; then
        psql "$BENCH_PG/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
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

# Peak resident set size of a live process (VmHWM, the high-water mark), in MiB.
peak_rss_mib() {
    awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}
mib_to_mb() { awk -v m="$1" 'BEGIN { printf "%.1f", m * 1.048576 }'; }

# start_portal PORT DATABASE_URL WORKER_ENABLED: starts the portal in the background and
# sets STARTED (its pid).
start_portal() {
    local port="$1" db="$2" worker="$3"
    env RUST_LOG=warn \
        BEDRE_STAT__SERVER__HOST=127.0.0.1 \
        BEDRE_STAT__SERVER__PORT="$port" \
        BEDRE_STAT__SERVER__BASE_URL="http://127.0.0.1:$port" \
        BEDRE_STAT__DATABASE__URL="$db" \
        BEDRE_STAT__MAIL__SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" \
        BEDRE_STAT__MAIL__WORKER_ENABLED="$worker" \
        BEDRE_STAT__RATE_LIMIT__ENABLED=false \
        "$BIN" serve >>"$TMP/server.log" 2>&1 &
    STARTED=$!
    PIDS+=("$STARTED")
}

# wait_until_up PID URL: until URL answers 2xx (30 s at most).
wait_until_up() {
    local pid="$1" url="$2" i
    for i in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || die "a server exited during start-up ($url)"
        curl -fsS --max-time 2 -o /dev/null "$url" 2>/dev/null && return 0
        sleep 0.1
    done
    die "$url did not answer within 30 s"
}

health() { curl -fsS --max-time 2 "http://127.0.0.1:$1/health" 2>/dev/null; }

# outbox_waiting PORT / outbox_failed PORT: from /health, empty when it does not answer.
outbox_waiting() {
    { health "$1" || true; } | sed -n 's/.*"outbox_waiting":\([0-9][0-9]*\).*/\1/p'
}
outbox_failed() {
    { health "$1" || true; } | sed -n 's/.*"outbox_failed":\([0-9][0-9]*\).*/\1/p'
}

# --- wrk ------------------------------------------------------------------------------------

# measure NAME URL [VAR=value ...]: one wrk run with wrk-report.lua (configured by the
# VAR=value pairs, e.g. WRK_BODY); sets R_RPS, R_P50, R_P99 (ms) and R_BAD (non-2xx/3xx
# responses plus socket errors) from its RESULT line, and prints that line.
measure() {
    local name="$1" url="$2" out="$TMP/wrk-$1.txt"
    shift 2
    env WRK_LABEL="$name" "$@" wrk "${WRK_ARGS[@]}" -s "$REPORT_LUA" "$url" >"$out" 2>&1 \
        || die "wrk failed for $name: $(tail -n 3 "$out")"
    local line
    line=$(grep '^RESULT ' "$out" | tail -n 1)
    [ -n "$line" ] || die "no RESULT line from wrk for $name: $(tail -n 3 "$out")"
    echo "$line"
    R_RPS=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$line")
    R_P50=$(sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p' <<<"$line")
    R_P99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
    R_BAD=$(awk '{ n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^err_/) { split($i, kv, "="); n += kv[2] }
                  print n }' <<<"$line")
}

# warm NAME URL [VAR=value ...]: a short wrk run whose figures are thrown away.
warm() {
    local name="$1" url="$2"
    shift 2
    env WRK_LABEL="warm-up $name" "$@" wrk "${WARMUP_ARGS[@]}" -s "$REPORT_LUA" "$url" \
        >"$TMP/warm-$name.txt" 2>&1 || die "the warm-up of $name failed"
}

# Per scenario: the rounds' figures, space-separated.
declare -A RPS P50 P99 BAD
record() { # record SCENARIO
    RPS[$1]="${RPS[$1]:-} $R_RPS"
    P50[$1]="${P50[$1]:-} $R_P50"
    P99[$1]="${P99[$1]:-} $R_P99"
    BAD[$1]="${BAD[$1]:-} $R_BAD"
}
mean() { awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", NF ? s / NF : 0 }' <<<"$1"; }
worst() { awk '{ m = 0; for (i = 1; i <= NF; i++) if ($i + 0 > m) m = $i + 0; printf "%.2f", m }' <<<"$1"; }
total() { awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; print s }' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

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
note "Building the baseline ($BASELINE_SRC into target/baseline)"
cargo build --release --locked --manifest-path "$BASELINE_SRC/Cargo.toml" \
    --target-dir "$BASELINE_TARGET"
BASELINE_BIN="$BASELINE_TARGET/release/baseline-actix"
[ -x "$BASELINE_BIN" ] || die "$BASELINE_BIN was not built"

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

# --- 3. side by side --------------------------------------------------------------------------------

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
note "Starting the portal on $BASE (SQLite in $TMP, rate limits off, mail worker off)"
start_portal "$PORT" "$TMP/throughput.db" false
PORTAL_PID=$STARTED
wait_until_up "$PORTAL_PID" "$BASE/health"

BL_PORT=$(free_port)
BL="http://127.0.0.1:$BL_PORT"
note "Starting the baseline on $BL (POOL_SIZE=1, SQLite in $TMP)"
PORT="$BL_PORT" DB_PATH="$TMP/baseline.sqlite" POOL_SIZE=1 "$BASELINE_BIN" \
    >>"$TMP/baseline.log" 2>&1 &
BASELINE_PID=$!
PIDS+=("$BASELINE_PID")
wait_until_up "$BASELINE_PID" "$BL/hello"

if [ "$BENCH_PG" != off ]; then
    PG_DB="bench_$(date +%s)_$$"
    psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
    PG_PORT=$(free_port)
    PG_BASE="http://127.0.0.1:$PG_PORT"
    note "Starting the portal on $PG_BASE (PostgreSQL database $PG_DB, fresh)"
    start_portal "$PG_PORT" "$BENCH_PG/$PG_DB" false
    PG_PID=$STARTED
    wait_until_up "$PG_PID" "$PG_BASE/health"
fi

API=(WRK_BODY="$TIP_JSON" WRK_CONTENT_TYPE=application/json)
INSERT=(WRK_BODY="$INSERT_FORM")
# One request of each first, so a refused body is not measured as a fast 4xx.
for url in "$BASE/api/v1/tips" ${PG_BASE:+"$PG_BASE/api/v1/tips"}; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        --data "$TIP_JSON" "$url")
    [ "$status" = 201 ] || die "a test POST $url answered $status, not 201"
done
status=$(curl -sS -o /dev/null -w '%{http_code}' --data "$INSERT_FORM" "$BL/insert")
[ "$status" = 201 ] || die "a test POST $BL/insert answered $status, not 201"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Load average before the runs: $LOAD_BEFORE (other busy processes skew absolute figures)"

note "Warm-up (3 s each)"
warm page "$BASE/nominer"
warm base-page "$BL/page"
warm api "$BASE/api/v1/tips" "${API[@]}"
warm base-insert "$BL/insert" "${INSERT[@]}"
[ -n "${PG_BASE:-}" ] && warm pg-api "$PG_BASE/api/v1/tips" "${API[@]}"

LOADS=""
for round in $(seq 1 "$ROUNDS"); do
    note "Round $round of $ROUNDS (wrk ${WRK_ARGS[*]}; load $(cut -d' ' -f1 /proc/loadavg))"
    LOADS="$LOADS $(cut -d' ' -f1 /proc/loadavg)"
    measure "page-$round" "$BASE/nominer"; record page
    echo "portal's peak RSS so far: $(peak_rss_mib "$PORTAL_PID") MiB"
    measure "base-page-$round" "$BL/page"; record base-page
    measure "api-$round" "$BASE/api/v1/tips" "${API[@]}"; record api
    echo "portal's peak RSS so far: $(peak_rss_mib "$PORTAL_PID") MiB"
    measure "base-insert-$round" "$BL/insert" "${INSERT[@]}"; record base-insert
    if [ -n "${PG_BASE:-}" ]; then
        measure "pg-api-$round" "$PG_BASE/api/v1/tips" "${API[@]}"; record pg-api
    fi
done
LOADS="$LOADS $(cut -d' ' -f1 /proc/loadavg)"

note "POST /tips (HTML form, double-submit CSRF)"
curl -fsS -c "$TMP/cookies.txt" -o "$TMP/tips.html" "$BASE/tips"
FORM_TOKEN=$(sed -n 's/.*name="csrf_token" value="\([0-9a-fA-F]*\)".*/\1/p' "$TMP/tips.html" | head -n 1)
COOKIE_TOKEN=$(awk '$6 == "csrf" { print $7 }' "$TMP/cookies.txt")
[ -n "$FORM_TOKEN" ] || die "no csrf_token field in GET /tips"
[ "$FORM_TOKEN" = "$COOKIE_TOKEN" ] || die "the csrf cookie and the form field differ"
FORM=(WRK_BODY="csrf_token=$FORM_TOKEN&$TIP_FORM" WRK_COOKIE="csrf=$FORM_TOKEN")
status=$(curl -sS -o /dev/null -w '%{http_code}' -b "csrf=$FORM_TOKEN" \
    --data "csrf_token=$FORM_TOKEN&$TIP_FORM" "$BASE/tips")
[ "$status" = 200 ] || die "a test POST /tips answered $status, not 200"
measure form "$BASE/tips" "${FORM[@]}"; record form

PORTAL_RSS=$(peak_rss_mib "$PORTAL_PID")
BASELINE_RSS=$(peak_rss_mib "$BASELINE_PID")
PG_RSS=$([ -n "${PG_PID:-}" ] && peak_rss_mib "$PG_PID" || echo "-")
echo
echo "Peak RSS: portal (SQLite) $PORTAL_RSS MiB, portal (PostgreSQL) $PG_RSS MiB, baseline $BASELINE_RSS MiB"
stop "$PORTAL_PID"
stop "$BASELINE_PID"
[ -n "${PG_PID:-}" ] && stop "$PG_PID"

# --- 4. outbox drain --------------------------------------------------------------------------------

note "Outbox drain: queueing $DRAIN_TIPS tips with the mail worker off (fresh database)"
DRAIN_DB="$TMP/drain.db"
start_portal "$PORT" "$DRAIN_DB" false
wait_until_up "$STARTED" "$BASE/health"
# One curl, $DRAIN_TIPS POSTs (URL globbing), 8 at a time over reused connections.
# Each response body goes to a file of its own; stdout gets the status codes, one a line.
curl -sS -Z --parallel-max 8 -w '%{http_code}\n' \
    -H 'Content-Type: application/json' --data "$TIP_JSON" \
    --create-dirs -o "$TMP/drain-responses/#1.json" \
    "$BASE/api/v1/tips?n=[1-$DRAIN_TIPS]" >"$TMP/drain-status.txt" 2>"$TMP/drain-curl.log" || true
CREATED=$(grep -c '^201$' "$TMP/drain-status.txt" || true)
[ "$CREATED" -eq "$DRAIN_TIPS" ] \
    || die "only $CREATED of $DRAIN_TIPS tips were accepted: $(sort "$TMP/drain-status.txt" | uniq -c | tr '\n' ' ')"
QUEUED=$(outbox_waiting "$PORT")
echo "$CREATED tips accepted; /health outbox_waiting = $QUEUED"
[ "$QUEUED" = "$DRAIN_TIPS" ] || die "expected outbox_waiting == $DRAIN_TIPS, got '$QUEUED'"
stop "$STARTED"

note "Restarting with the mail worker on (same database) and timing the drain"
DRAIN_START=$(now_ns)
start_portal "$PORT" "$DRAIN_DB" true
DRAIN_PID=$STARTED
DEADLINE=$(( DRAIN_START + 120 * 1000000000 ))
while :; do
    kill -0 "$DRAIN_PID" 2>/dev/null || die "the server exited during the drain"
    WAITING=$(outbox_waiting "$PORT")
    [ "$WAITING" = 0 ] && break
    [ "$(now_ns)" -lt "$DEADLINE" ] || die "outbox not drained after 120 s (waiting: ${WAITING:-?})"
    sleep 0.05
done
DRAIN_END=$(now_ns)
DRAIN_S=$(awk -v a="$DRAIN_START" -v b="$DRAIN_END" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
DRAIN_FAILED=$(outbox_failed "$PORT")
DRAIN_RSS=$(peak_rss_mib "$DRAIN_PID")
echo "$DRAIN_TIPS mails delivered in $DRAIN_S s (outbox_failed = ${DRAIN_FAILED:-?}; peak RSS $DRAIN_RSS MiB)"
stop "$DRAIN_PID"

# --- 5. login flood ---------------------------------------------------------------------------

# login_flood_with BYTES: a fresh server, 48 connections posting logins with BYTES-byte
# passwords for an unknown address for 10 s; sets L_RPS and L_RSS (peak RSS, MiB).
login_flood_with() {
    local bytes="$1"
    start_portal "$PORT" "$TMP/login-$bytes.db" false
    wait_until_up "$STARTED" "$BASE/health"
    curl -fsS -o "$TMP/login.html" "$BASE/logg-inn"
    CSRF_TOKEN=$(sed -n 's/.*name="csrf_token" value="\([0-9a-fA-F]*\)".*/\1/p' "$TMP/login.html" | head -n 1)
    [ -n "$CSRF_TOKEN" ] || die "no csrf_token field in GET /logg-inn"
    CSRF_TOKEN="$CSRF_TOKEN" PASSWORD_BYTES="$bytes" \
        wrk -t2 -c48 -d10s --timeout 20s -s "$ROOT/bench/login_flood.lua" "$BASE/logg-inn" \
        >"$TMP/wrk-login-$bytes.txt"
    L_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-login-$bytes.txt")
    L_RSS=$(peak_rss_mib "$STARTED")
    stop "$STARTED"
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

PEAK_RSS=$(awk 'BEGIN { m = 0 } { for (i = 1; i <= NF; i++) if ($i + 0 > m) m = $i + 0 } END { print m }' \
    <<<"$PORTAL_RSS $DRAIN_RSS $HUGE_RSS $SHORT_RSS")
PAGE_RATIO=$(ratio "$(mean "${RPS[page]}")" "$(mean "${RPS[base-page]}")")
TIP_RATIO=$(ratio "$(mean "${RPS[api]}")" "$(mean "${RPS[base-insert]}")")

note "Summary ($(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'); wrk ${WRK_ARGS[*]}, $ROUNDS rounds)"
{
    printf '%-34s %18s %9s %9s %7s\n' "Scenario (mean of rounds)" "req/s per round" "mean" \
        "p99 max" "errors"
    row() { # row LABEL SCENARIO
        [ -n "${RPS[$2]:-}" ] || return 0
        printf '%-34s %18s %9s %9s %7s\n' "$1" "$(xargs <<<"${RPS[$2]}" | awk '{ for (i = 1; i <= NF; i++) printf "%s%.0f", (i > 1 ? "/" : ""), $i }')" \
            "$(mean "${RPS[$2]}")" "$(worst "${P99[$2]}")" "$(total "${BAD[$2]}")"
    }
    row "portal GET /nominer" page
    row "baseline GET /page" base-page
    row "portal POST /api/v1/tips (SQLite)" api
    row "baseline POST /insert (1 writer)" base-insert
    row "portal POST /api/v1/tips (PgSQL)" pg-api
    row "portal POST /tips (form + CSRF)" form
    echo
    printf '%-46s %14s   %-12s %s\n' "Measure" "Result" "Target" "Met"
    printf '%-46s %14s   %-12s %s\n' "GET /nominer ÷ baseline GET /page" "${PAGE_RATIO}×" \
        ">= ${T_PAGE_RATIO}×" "$(verdict "$PAGE_RATIO" '>=' $T_PAGE_RATIO)"
    printf '%-46s %14s   %-12s %s\n' "API tip ÷ baseline POST /insert" "${TIP_RATIO}×" \
        ">= ${T_TIP_RATIO}×" "$(verdict "$TIP_RATIO" '>=' $T_TIP_RATIO)"
    if [ -n "${RPS[pg-api]:-}" ]; then
        PG_RATIO=$(ratio "$(mean "${RPS[pg-api]}")" "$(mean "${RPS[api]}")")
        PG_P99=$(worst "${P99[pg-api]}")
        printf '%-46s %14s   %-12s %s\n' "API tip, PostgreSQL ÷ SQLite" "${PG_RATIO}×" \
            ">= ${T_PG_RATIO}×" "$(verdict "$PG_RATIO" '>=' $T_PG_RATIO)"
        printf '%-46s %14s   %-12s %s\n' "API tip on PostgreSQL, p99 (worst round)" \
            "$PG_P99 ms" "<= $T_PG_P99_MS ms" "$(verdict "$PG_P99" '<=' $T_PG_P99_MS)"
    fi
    rss_row() { # rss_row LABEL MIB
        printf '%-46s %14s   %-12s %s\n' "$1" "$2 MiB" "<= $T_RSS_MB MB" \
            "$(verdict "$(mib_to_mb "$2")" '<=' $T_RSS_MB)"
    }
    rss_row "Peak RSS, portal over the runs above" "$PORTAL_RSS"
    rss_row "Peak RSS, drain run" "$DRAIN_RSS"
    rss_row "Peak RSS, 48 logins with 60 KB passwords" "$HUGE_RSS"
    rss_row "Peak RSS, 48 logins with 20-byte passwords" "$SHORT_RSS"
    rss_row "Peak RSS, overall" "$PEAK_RSS"
    printf '%-46s %14s\n' "Peak RSS, baseline / portal on PostgreSQL" "$BASELINE_RSS / $PG_RSS MiB"
    printf '%-46s %14s\n' "Logins answered/s (60 KB / 20 bytes)" "$HUGE_RPS / $SHORT_RPS"
    printf '%-46s %14s   %-12s %s\n' "$DRAIN_TIPS mails delivered (start -> outbox 0)" \
        "$DRAIN_S s" "<= $T_DRAIN_S s" "$(verdict "$DRAIN_S" '<=' $T_DRAIN_S)"
} | tee "$TMP/summary.txt"
echo
echo "Load average (1 min) before, at each round and after the side-by-side runs:$LOADS; now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "errors = non-2xx/3xx responses + socket errors counted by wrk (should be 0)."
echo "MB = 10^6 bytes (the targets); MiB = 2^20 bytes (VmHWM)."
