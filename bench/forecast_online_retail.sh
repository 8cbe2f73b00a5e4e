#!/usr/bin/env bash
# Forecast accuracy and throughput on real data (make bench-forecast): the UCI Online Retail file as weekly net
# units per country group x product group (bench/online_retail_series.py), the final 13 weeks held out, segplan's
# engine (bin/segplan forecast-series) fitted on the rest; prints WAPE and MASE of the best fit and of the baseline
# on the held-out quarter, and series per second, then appends them to bench/RESULTS.md under their own heading.
# The data has 52 full weeks, so the 39 training weeks hold no full season: seasonal naive cannot be formed and
# the baseline is naive (last training week), as the engine itself does; min-history is lowered to 12 so the
# rolling-origin backtest (8 origins) still runs. With statsforecast AutoETS on the same series and holdout as a third row.
# Usage: bench/forecast_online_retail.sh [--no-record] [--no-autoets]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
record=1
autoets=(--autoets)
for argument in "$@"; do
  case "$argument" in
    --no-record) record=0 ;;
    --no-autoets) autoets=() ;;
    *) echo "unknown argument $argument" >&2; exit 2 ;;
  esac
done
source_file="$root/../shared/datasets/online_retail/online_retail_2010_2011.csv.gz"
out="$root/target/bench-forecast/online-retail"
venv="$root/target/venv-bench"
export SEGPLAN_JAVA_OPTS="${SEGPLAN_JAVA_OPTS:--Xmx2g}"
[[ -f "$source_file" ]] || { echo "missing $source_file (the shared datasets folder beside the project)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
# Decompressed into the ignored target/ folder, never committed.
gunzip -c "$source_file" > "$out/online_retail.csv"
prep=$("$venv/bin/python" bench/online_retail_series.py "$out/online_retail.csv" "$out/series.csv")
echo "series prepared: $prep"
"$venv/bin/python" bench/forecast_holdout.py --series "$out/series.csv" --out "$out/run" --holdout 13 \
  --segplan-set segplan.forecast.min-history=12 --segplan-set segplan.spark.shuffle-partitions=2 "${autoets[@]}" \
  | tee "$out/holdout.log"
rm -f "$out/online_retail.csv"
[[ "$record" == 1 ]] || exit 0
result=$(grep '^{' "$out/holdout.log" | tail -n 1)
"$venv/bin/python" - "$result" "$prep" <<'PY' >> bench/RESULTS.md
import json, os, subprocess, sys
from datetime import datetime, timezone
r, prep = json.loads(sys.argv[1]), json.loads(sys.argv[2])
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
load = os.getloadavg()
s = r["segplan"]
print(f"\n## Forecasting on real data: UCI Online Retail, held-out quarter ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)\n")
print(f"`bench/forecast_online_retail.sh` (`make bench-forecast`), commit {commit}, load average {load[0]:.1f} on "
      f"{os.cpu_count()} cores. {r['series']} series (country group x product group), weekly net units, "
      f"{prep['net_units']:,} units in {prep['weeks']} full weeks (2010-12-06 to 2011-11-28); training "
      f"{r['training_weeks_min']} weeks, the last {r['holdout_weeks']} weeks held out. Baseline: "
      f"{', '.join(f'{k} for {v} series' for k, v in r['baselines'].items())} (39 training weeks < one 52-week "
      f"season, so no seasonal naive); engine run with min-history 12; models chosen {s['models']}, "
      f"{s['fallbacks']} fallbacks.\n")
sys.path.insert(0, "bench")
from forecast_holdout import markdown_table
print(markdown_table(r["scores"]))
e = s["engine"]
print(f"\nseries / s: segplan's engine alone {e['engine_series_per_second']:.1f} ({e['engine_seconds']:.2f} s for "
      f"{e['engine_series']:.0f} series, one thread, no Spark); the whole forecast-series stage {s['stage_seconds']} s "
      f"({r['scores'][0]['series_per_second_stage']} series / s: Spark and three Delta writes), process "
      f"{s['wall_seconds']} s.")
PY
echo "appended to bench/RESULTS.md"
