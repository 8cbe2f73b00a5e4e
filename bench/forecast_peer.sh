#!/usr/bin/env bash
# Side by side on the forecast stage's own series: segplan's engine and statsforecast's AutoETS (the peer) on the
# segment_demand_history table of a lakehouse (latest run date: one series per segment x category x region), the
# last H weeks held out (default 13, the stage's horizon), both fitted on the same earlier weeks and scored the
# same way (bench/forecast_holdout.py: pooled WAPE, mean MASE, series per second). segplan runs through
# `bin/segplan forecast-series` on exactly those training weeks (no calendar regressors, as AutoETS has none).
# Usage: bench/forecast_peer.sh LAKEHOUSE [OUT_DIR] [HOLDOUT]   e.g. bench/forecast_peer.sh bench/out/scale-100000/lakehouse
# Prints the table; the last line is one JSON object with every figure (bench/run_all.sh records it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lakehouse="$(cd "${1:?usage: bench/forecast_peer.sh LAKEHOUSE [OUT_DIR] [HOLDOUT]}" && pwd)"
out="${2:-$lakehouse/../forecast-peer}"
holdout="${3:-13}"
export SEGPLAN_JAVA_OPTS="${SEGPLAN_JAVA_OPTS:--Xmx2g}"
[[ -d "$lakehouse/segment_demand_history" ]] || {
  echo "no segment_demand_history in $lakehouse: run the forecast stage first (bin/segplan run or forecast)" >&2
  exit 1
}
rm -rf "$out"
mkdir -p "$out"
exec "$root/target/venv-bench/bin/python" "$root/bench/forecast_holdout.py" --history "$lakehouse" --out "$out" \
  --holdout "$holdout" --autoets --segplan-set segplan.spark.shuffle-partitions=2
