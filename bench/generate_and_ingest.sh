#!/usr/bin/env bash
# Generates a large synthetic set (default 1M customers, about 20M transaction lines) as Parquet, then runs the
# ingest stage on it, and prints wall time and rows per second of each. Results go to bench/out/ (ignored).
# Usage: bench/generate_and_ingest.sh [customers]   (SEGPLAN_JAVA_OPTS sets the heap; default -Xmx12g)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-1000000}"
out="$root/bench/out/scale-$customers"
export SEGPLAN_JAVA_OPTS="${SEGPLAN_JAVA_OPTS:--Xmx12g}"
rm -rf "$out"
mkdir -p "$out"

seconds() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { print a - b }'; }
divide() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

start=$(seconds)
"$root/bin/segplan" generate --customers "$customers" --seed 42 --format parquet --output "$out/inputs" \
  --set segplan.spark.settings.\"spark.sql.shuffle.partitions\"=8 > "$out/generate.log"
generate_seconds=$(minus "$(seconds)" "$start")

start=$(seconds)
"$root/bin/segplan" ingest --run-date 2025-12-31 \
  --set segplan.lakehouse.root="$out/lakehouse" \
  --set segplan.spark.shuffle-partitions=8 \
  --set segplan.spark.settings.\"spark.sql.files.maxPartitionBytes\"=16m \
  --set segplan.spark.settings.\"spark.databricks.delta.snapshotPartitions\"=2 \
  $(for table in customers transactions products distribution_centers calendar; do
      key="${table//_/-}"
      echo "--set segplan.inputs.$key.path=$out/inputs/$table --set segplan.inputs.$key.format=parquet"
    done) > "$out/ingest.log"
ingest_seconds=$(minus "$(seconds)" "$start")

lines=$(grep -E "^ingest +transactions " "$out/ingest.log" | awk '{print $4}')
customer_rows=$(grep -E "^ingest +customers " "$out/ingest.log" | awk '{print $4}')
input_rows=$(grep -E "^ingest " "$out/ingest.log" | awk '{sum += $4} END {print sum}')
printf '\nmachine: %s cores, %s memory\n' "$(nproc)" "$(free -h | awk '/Mem:/ {print $2}')"
printf '%-10s %12s %14s %12s %16s\n' step customers "input rows" seconds "rows/second"
printf '%-10s %12s %14s %12.1f %16.0f\n' generate "$customer_rows" "$input_rows" "$generate_seconds" \
  "$(divide "$input_rows" "$generate_seconds")"
printf '%-10s %12s %14s %12.1f %16.0f\n' ingest "$customer_rows" "$input_rows" "$ingest_seconds" \
  "$(divide "$input_rows" "$ingest_seconds")"
printf 'transaction lines: %s\n' "$lines"
grep -E "^ingest " "$out/ingest.log"
