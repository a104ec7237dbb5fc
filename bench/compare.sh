#!/usr/bin/env bash
# Before and after, on the same machine in the same run: builds the portal at BASE (a git
# revision, default the first parent of HEAD) and at the working tree, then runs
# bench/run.sh against each build in turn, ROUNDS times (default 2), alternating so that
# drift on a shared machine hits both alike, and prints each run's summary.
#
#     bash bench/compare.sh b66e8cd
#
# The base is checked out as a git worktree under target/bench-base (removed at the end)
# and built into its own target dir there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BASE="${1:-HEAD~1}"
ROUNDS="${ROUNDS:-2}"
BASE_DIR="$ROOT/target/bench-base"
rm -rf "$BASE_DIR/src"
git worktree prune
mkdir -p "$BASE_DIR"
git worktree add --detach "$BASE_DIR/src" "$BASE" >/dev/null
trap 'git worktree remove --force "$BASE_DIR/src" >/dev/null 2>&1 || true' EXIT
echo "== building the base ($BASE = $(git rev-parse --short "$BASE"))"
cargo build --release --manifest-path "$BASE_DIR/src/Cargo.toml" --target-dir "$BASE_DIR/target"
echo "== building the working tree ($(git rev-parse --short HEAD))"
cargo build --release
for round in $(seq 1 "$ROUNDS"); do
    for which in base current; do
        if [ "$which" = base ]; then bin="$BASE_DIR/target/release/bedre-stat"; else bin="$ROOT/target/release/bedre-stat"; fi
        echo
        echo "######## round $round: $which"
        BEDRE_STAT_BIN="$bin" bash "$ROOT/bench/run.sh" 2>&1 | sed -n '/^== Summary/,$p'
    done
done
