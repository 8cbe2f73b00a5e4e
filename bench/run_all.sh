#!/usr/bin/env bash
# One command for the scale benchmarks (make bench): for each step (customers; default 100000, about 2M lines),
# generates the inputs (seed 42, Parquet), runs every pipeline stage as its own process, and right after the stage
# each is compared with, the floor or the peer on the same data, all under /usr/bin/time -v (wall, peak RSS):
#   floor   FloorQuery: one Spark scan + per-customer aggregation of validated_transactions (vs the feature stage)
#   duckdb  DuckDbFeatures: the feature stage's per-customer query in DuckDB (vs the feature stage)
#   sklearn bench/peers/kmeans_peer.py: k-means, same features, k range and sample size (vs the segment stage)
#   autoets bench/forecast_peer.sh: statsforecast AutoETS and segplan's engine on the forecast stage's own series
#           (segment_demand_history), last 13 weeks held out, same scoring (rows forecast-engine and autoets)
# Prints a table and writes the "Scale steps" section of bench/RESULTS.md (bench/report.py).
# Usage: bench/run_all.sh [customers ...]      e.g. bench/run_all.sh 100000 1000000
# SEGPLAN_JAVA_OPTS sets the stages' heap (default -Xmx6g); BENCH_REGENERATE=1 regenerates cached inputs.
# BENCH_FROM=STAGE (say features) reruns that stage and the ones after it on the step's existing lakehouse, keeping
# the earlier stages' rows (and their floor or peer rows) in results.jsonl: after a change to a late stage.
# A stage that fails stops the run; a floor or peer program that fails is reported and left out of the table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
steps=("$@")
[[ ${#steps[@]} -eq 0 ]] && steps=(100000)
export SEGPLAN_JAVA_OPTS="${SEGPLAN_JAVA_OPTS:--Xmx6g}"
export SPARK_LOCAL_IP=127.0.0.1
seed=42
run_date=2025-12-31
shuffle_partitions=8
venv="$root/target/venv-bench"
bench_classpath="$root/target/runtime-lib/*:$root/target/segplan.jar:$root/target/test-classes:$root/target/bench-lib/*"
mapfile -t module_options < "$root/conf/java-module-options"

# The stages this version has, in pipeline order (Stages.all()).
mapfile -t stages < <(sed -n '/List<Stage> all()/,/}/p' src/main/java/org/segplan/pipeline/Stages.java \
  | grep -o '[a-z][A-Za-z]*()' | grep -v '^all()$' | tr -d '()')

# measure NAME LOG COMMAND...: runs the command under /usr/bin/time -v; sets wall and rss_mb.
measure() {
  local name="$1" log="$2"
  shift 2
  local started ended
  started=$(date +%s.%N)
  if ! /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1; then
    echo "$name failed; see $log" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  ended=$(date +%s.%N)
  wall=$(awk -v a="$ended" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
  rss_mb=$(awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")
}

record() { # step name kind wall inner rss rows note
  printf '{"step": %s, "name": "%s", "kind": "%s", "wall_seconds": %s, "inner_seconds": %s, "peak_rss_mb": %s, "rows": %s, "note": "%s"}\n' \
    "$@" >> "$results"
}

segplan_settings=(--run-date "$run_date"
  --set segplan.spark.shuffle-partitions=$shuffle_partitions
  --set 'segplan.spark.settings."spark.sql.files.maxPartitionBytes"=16m'
  --set 'segplan.spark.settings."spark.databricks.delta.snapshotPartitions"=2'
  --set 'segplan.spark.settings."spark.ui.enabled"=false')

# The floor and the peers, each run right after the stage it is compared with (so a partial run still
# has its comparisons, and each pair ran under the same conditions).
floor_and_duckdb() {
  echo "[$customers] floor (Spark scan + per-customer aggregation)"
  if measure floor "$out/floor.log" java ${SEGPLAN_JAVA_OPTS} "${module_options[@]}" \
    -Dlog4j.configurationFile="$root/conf/log4j2.properties" -cp "$bench_classpath" \
    org.segplan.bench.FloorQuery "$lakehouse" "$shuffle_partitions"; then
    inner=$(sed -n 's/^floor_seconds=//p' "$out/floor.log")
    record "$customers" floor floor "$wall" "$inner" "$rss_mb" "$lines" "vs features"
  fi

  echo "[$customers] DuckDB per-customer features"
  if measure duckdb "$out/duckdb.log" java ${SEGPLAN_JAVA_OPTS} -cp "$bench_classpath" \
    org.segplan.bench.DuckDbFeatures "$lakehouse" "$run_date" 2 "$out/duckdb"; then
    inner=$(sed -n 's/^duckdb_features_seconds=//p' "$out/duckdb.log")
    duck_floor=$(sed -n 's/^duckdb_floor_seconds=//p' "$out/duckdb.log")
    record "$customers" duckdb-features peer "$wall" "$inner" "$rss_mb" "$lines" \
      "vs features; DuckDB floor query ${duck_floor} s; 2 threads"
  fi
}

sklearn_peer() {
  echo "[$customers] scikit-learn k-means"
  if measure sklearn "$out/sklearn.log" "$venv/bin/python" bench/peers/kmeans_peer.py --lakehouse "$lakehouse" \
    --truth "$inputs/ground-truth/customer_segments_truth" --seed "$seed"; then
    sklearn_json=$(grep '^{' "$out/sklearn.log" | tail -n 1)
    inner=$("$venv/bin/python" -c 'import json,sys; print(json.loads(sys.argv[1])["fit_seconds"])' "$sklearn_json")
    note=$("$venv/bin/python" -c 'import json,sys; r=json.loads(sys.argv[1]); print("vs segment; k {} (segplan {}); ARI sklearn {}, segplan {}".format(r["k_chosen"], r["segplan_k"], r["ari_sklearn"], r["ari_segplan"]))' "$sklearn_json")
    record "$customers" sklearn-kmeans peer "$wall" "$inner" "$rss_mb" "$customer_count" "$note"
    echo "$sklearn_json" > "$out/sklearn.json"
  fi
}

forecast_peer() {
  echo "[$customers] forecast: segplan's engine vs statsforecast AutoETS on the stage's series, last 13 weeks held out"
  if [[ " ${stages[*]} " == *" forecast "* ]] && measure forecast-peer "$out/forecast-peer.log" \
    bench/forecast_peer.sh "$lakehouse" "$out/forecast-peer"; then
    peer_json=$(grep '^{' "$out/forecast-peer.log" | tail -n 1)
    echo "$peer_json" > "$out/forecast-peer.json"
    # One line each: series, engine s, forecast-series process s, AutoETS fit s, segplan note, AutoETS note.
    mapfile -t peer < <("$venv/bin/python" - "$peer_json" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
segplan, baseline, autoets = r["scores"]
print(r["series"], r["segplan"]["engine"]["engine_seconds"], r["segplan"]["wall_seconds"], r["autoets"]["fit_seconds"],
      sep="\n")
print(f"vs autoets; held-out WAPE {segplan['wape']}, MASE {segplan['mase']} ({r['holdout_weeks']} weeks); "
      f"{baseline['name']} WAPE {baseline['wape']}; measured = engine alone, 1 thread; "
      f"forecast-series stage {r['segplan']['stage_seconds']} s")
print(f"same series and holdout; held-out WAPE {autoets['wape']}, MASE {autoets['mase']}; n_jobs=1, "
      f"warm-up {r['autoets']['warm_up_seconds']} s")
PY
    )
    series=${peer[0]} engine_seconds=${peer[1]} segplan_wall=${peer[2]} autoets_seconds=${peer[3]}
    segplan_note=${peer[4]} autoets_note=${peer[5]}
    # Both rows share the script's process (peak RSS is the largest of its processes).
    record "$customers" forecast-engine holdout "$segplan_wall" "$engine_seconds" "$rss_mb" "$series" "$segplan_note"
    record "$customers" autoets peer "$wall" "$autoets_seconds" "$rss_mb" "$series" "$autoets_note"
  else
    echo "[$customers] forecast comparison skipped (no forecast stage, or it failed; see $out/forecast-peer.log)" >&2
  fi
}

for customers in "${steps[@]}"; do
  out="$root/bench/out/scale-$customers"
  results="$out/results.jsonl"
  mkdir -p "$out"
  from="${BENCH_FROM:-}"
  if [[ -n "$from" ]]; then
    [[ " ${stages[*]} " == *" $from "* ]] || { echo "BENCH_FROM=$from is not a stage: ${stages[*]}" >&2; exit 2; }
    [[ -f "$results" && -d "$out/lakehouse" ]] || { echo "BENCH_FROM needs an earlier full run in $out" >&2; exit 2; }
    # The rows of the stages before it stay, with the floor or peer rows measured beside them.
    earlier=$(printf '%s\n' "${stages[@]}" | sed "/^$from\$/,\$d" | tr '\n' ' ')
    "$venv/bin/python" - "$results" "$earlier" <<'PY'
import json, sys
path, earlier = sys.argv[1], sys.argv[2].split()
companions = {"ingest": ["generate"], "features": ["floor", "duckdb-features"], "segment": ["sklearn-kmeans"],
              "forecast": ["forecast-engine", "autoets"]}
keep = set(earlier) | {name for stage in earlier for name in companions.get(stage, [])}
rows = [line for line in open(path) if line.strip() and json.loads(line)["name"] in keep]
open(path, "w").writelines(rows)
PY
  else
    : > "$results"
  fi
  inputs="$out/inputs"
  if [[ "${BENCH_REGENERATE:-0}" == 1 || ! -f "$inputs/.complete" ]]; then
    rm -rf "$inputs"
    echo "[$customers] generate"
    measure generate "$out/generate.log" bin/segplan generate --customers "$customers" --seed "$seed" \
      --format parquet --output "$inputs" --set segplan.spark.shuffle-partitions=$shuffle_partitions \
      --set 'segplan.spark.settings."spark.ui.enabled"=false'
    echo "$wall $rss_mb" > "$inputs/.complete"
  fi
  read -r generate_wall generate_rss < "$inputs/.complete"

  lakehouse="$out/lakehouse"
  [[ -n "$from" ]] || rm -rf "$lakehouse"
  input_settings=(--set "segplan.lakehouse.root=$lakehouse")
  for table in customers transactions products distribution_centers calendar; do
    input_settings+=(--set "segplan.inputs.${table//_/-}.path=$inputs/$table"
                     --set "segplan.inputs.${table//_/-}.format=parquet")
  done
  # Spark's event log of every stage process, for the profile (bench/profile.py: where each stage's time goes).
  if [[ -z "$from" ]]; then
    rm -rf "$out/events" && mkdir -p "$out/events"
  fi
  event_settings=(--set 'segplan.spark.settings."spark.eventLog.enabled"=true'
    --set "segplan.spark.settings.\"spark.eventLog.dir\"=file://$out/events")
  rerun=$([[ -z "$from" ]] && echo yes || echo no)
  for stage in "${stages[@]}"; do
    [[ "$stage" == "$from" ]] && rerun=yes
    if [[ "$rerun" == no ]]; then
      echo "[$customers] stage $stage: kept from the earlier run (BENCH_FROM=$from)"
      case "$stage" in
        ingest) lines=$(awk '$1 == "ingest" && $2 == "transactions" { print $5 }' "$out/ingest.log") ;;
        features) customer_count=$(awk '$1 == "features" && $2 == "customer_features" { print $7 }' "$out/features.log") ;;
      esac
      continue
    fi
    # A rerun stage's earlier event log goes, so the profile shows each stage once.
    grep -l "\"App Name\":\"segplan-$stage\"" "$out"/events/* 2>/dev/null | xargs -r rm -f
    echo "[$customers] stage $stage"
    measure "$stage" "$out/$stage.log" bin/segplan "$stage" --config conf/local.conf "${segplan_settings[@]}" \
      "${input_settings[@]}" "${event_settings[@]}" --set "segplan.spark.app-name=segplan-$stage"
    inner=$(awk -v stage="$stage" '$1 == stage && $3 == "OK" { seconds = $NF } END { print seconds + 0 }' \
      "$out/$stage.log")
    case "$stage" in
      ingest) rows=$(awk '$1 == "ingest" && $3 == "OK" { sum += $4 } END { print sum + 0 }' "$out/ingest.log") ;;
      features) rows=$(awk '$1 == "ingest" && $2 == "transactions" { print $5 }' "$out/ingest.log") ;;
      *) rows=$(awk '$1 == "features" && $2 == "customer_features" { print $7 }' "$out/features.log") ;;
    esac
    record "$customers" "$stage" stage "$wall" "$inner" "$rss_mb" "${rows:-0}" ""
    case "$stage" in
      ingest)
        input_rows=$(awk '$1 == "ingest" && $3 == "OK" { sum += $4 } END { print sum + 0 }' "$out/ingest.log")
        lines=$(awk '$1 == "ingest" && $2 == "transactions" { print $5 }' "$out/ingest.log")
        record "$customers" generate generate "$generate_wall" "$generate_wall" "$generate_rss" "$input_rows" \
          "cached inputs are reused; BENCH_REGENERATE=1 regenerates" ;;
      features)
        customer_count=$(awk '$1 == "features" && $2 == "customer_features" { print $7 }' "$out/features.log")
        floor_and_duckdb ;;
      segment) sklearn_peer ;;
      forecast) forecast_peer ;;
    esac
  done
done

"$venv/bin/python" bench/report.py "${steps[@]}"
for customers in "${steps[@]}"; do
  "$venv/bin/python" bench/profile.py "$root/bench/out/scale-$customers/events" > "$root/bench/out/scale-$customers/profile.md"
  echo "profile of the $customers-customer step: bench/out/scale-$customers/profile.md"
done
