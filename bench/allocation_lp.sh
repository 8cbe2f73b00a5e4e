#!/usr/bin/env bash
# One period of the allocation LP at scale: prints model build time, solve time, objective and the saving
# over the nearest-center rule. Usage: bench/allocation_lp.sh [zones] [centers] [segments] (default 2000 50 6).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f target/segplan.jar ]] || make build
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory; java $(java -version 2>&1 | head -1)"
start=$(date +%s.%N)
java ${BENCH_JAVA_OPTS:--Xmx4g} -cp target/segplan.jar org.segplan.allocate.model.AllocationBenchmark "${1:-2000}" "${2:-50}" "${3:-6}"
echo "wall time including JVM start: $(echo "$(date +%s.%N) - $start" | bc) s"
