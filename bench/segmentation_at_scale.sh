#!/usr/bin/env bash
# Generates a synthetic set (default 1M customers) as Parquet with a fixed seed, then runs ingest, features and
# segment, one command each, and prints the wall time of each step (JVM and Spark start included) next to the
# stage's own time from the run summary, the chosen k, the explanation tree's accuracy, and the adjusted Rand index
# of customer_segments against the planted truth (segplan evaluate). Results go to bench/out/ (ignored).
# Usage: bench/segmentation_at_scale.sh [customers]   (SEGPLAN_JAVA_OPTS sets the heap; default -Xmx12g)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-1000000}"
out="$root/bench/out/segmentation-$customers"
run_date=2025-12-31
export SEGPLAN_JAVA_OPTS="${SEGPLAN_JAVA_OPTS:--Xmx12g}"
rm -rf "$out"
mkdir -p "$out"

seconds() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

settings=(--run-date "$run_date"
  --set segplan.lakehouse.root="$out/lakehouse"
  --set segplan.spark.shuffle-partitions=8
  --set segplan.spark.settings.\"spark.sql.files.maxPartitionBytes\"=16m
  --set segplan.spark.settings.\"spark.databricks.delta.snapshotPartitions\"=2)
for table in customers transactions products distribution_centers calendar; do
  key="${table//_/-}"
  settings+=(--set "segplan.inputs.$key.path=$out/inputs/$table" --set "segplan.inputs.$key.format=parquet")
done

declare -A wall
start=$(seconds)
"$root/bin/segplan" generate --customers "$customers" --seed 42 --format parquet --output "$out/inputs" \
  --set segplan.spark.settings.\"spark.sql.shuffle.partitions\"=8 > "$out/generate.log"
wall[generate]=$(minus "$(seconds)" "$start")

for stage in ingest features segment; do
  start=$(seconds)
  "$root/bin/segplan" "$stage" "${settings[@]}" > "$out/$stage.log"
  wall[$stage]=$(minus "$(seconds)" "$start")
done

start=$(seconds)
"$root/bin/segplan" evaluate "${settings[@]}" --truth "$out/inputs/ground-truth/customer_segments_truth" \
  --truth-format parquet > "$out/evaluate.log"
wall[evaluate]=$(minus "$(seconds)" "$start")

stage_seconds() { grep -E "^$1 " "$out/$1.log" | head -1 | awk '{print $NF}'; }
printf '\nmachine: %s cores, %s memory, load average %s (shared machine)\n' "$(nproc)" \
  "$(free -h | awk '/Mem:/ {print $2}')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'customers requested: %s, seed 42, run date %s, heap %s\n' "$customers" "$run_date" "$SEGPLAN_JAVA_OPTS"
printf '%-10s %14s %16s\n' step "wall seconds" "stage seconds"
printf '%-10s %14s %16s\n' generate "${wall[generate]}" "-"
for stage in ingest features segment; do
  printf '%-10s %14s %16s\n' "$stage" "${wall[$stage]}" "$(stage_seconds "$stage")"
done
printf '%-10s %14s %16s\n' evaluate "${wall[evaluate]}" "-"
grep -E "^(ingest|features|segment) " "$out/ingest.log" "$out/features.log" "$out/segment.log" | sed 's/^[^:]*://'
grep -hE "segment: (kmeans|bisecting|gaussian)|explanation tree" "$out/segment.log" | sed 's/^ *- //'
cat "$out/evaluate.log"
