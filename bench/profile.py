"""Where each stage's time goes: reads the Spark event logs bench/run_all.sh writes (one file per stage process)
and prints, per process, the wall time of its Spark jobs grouped by call site (the line of segplan or library code
that started them), longest first. Usage: profile.py EVENTS_FOLDER [TOP]"""
import json
import sys
from collections import defaultdict
from pathlib import Path


def jobs(path: Path):
    """(call site, seconds) of every job in one event log, and the application's name and wall seconds."""
    starts, names, finished = {}, {}, []
    application, first, last = path.name, None, None
    with path.open() as lines:
        for line in lines:
            event = json.loads(line)
            kind = event["Event"]
            if kind == "SparkListenerApplicationStart":
                application, first = event["App Name"], event["Timestamp"]
            elif kind == "SparkListenerApplicationEnd":
                last = event["Timestamp"]
            elif kind == "SparkListenerJobStart":
                starts[event["Job ID"]] = event["Submission Time"]
                stage_names = [stage["Stage Name"] for stage in event.get("Stage Infos", [])]
                names[event["Job ID"]] = stage_names[-1] if stage_names else "?"
            elif kind == "SparkListenerJobEnd" and event["Job ID"] in starts:
                finished.append((names[event["Job ID"]], (event["Completion Time"] - starts[event["Job ID"]]) / 1000))
    wall = (last - first) / 1000 if first and last else None
    return application, wall, finished


def main():
    folder = Path(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    for path in sorted(folder.iterdir(), key=lambda item: item.stat().st_mtime):
        application, wall, finished = jobs(path)
        by_site = defaultdict(lambda: [0, 0.0])
        for site, seconds in finished:
            by_site[site][0] += 1
            by_site[site][1] += seconds
        in_jobs = sum(seconds for _, seconds in finished)
        print(f"## {application}: {len(finished)} Spark jobs, {in_jobs:.1f} s in jobs"
              + (f", {wall:.1f} s application wall" if wall else ""))
        print()
        print("| call site | jobs | seconds | share of job time |")
        print("|---|---:|---:|---:|")
        for site, (count, seconds) in sorted(by_site.items(), key=lambda item: -item[1][1])[:top]:
            print(f"| {site} | {count} | {seconds:.1f} | {100 * seconds / max(in_jobs, 1e-9):.0f}% |")
        print()


if __name__ == "__main__":
    main()
