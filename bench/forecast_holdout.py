"""Scores segplan's forecasting engine (and optionally statsforecast's AutoETS) on a held-out final stretch of a
long-format weekly series table, both from the same training weeks and scored the same way.

  forecast_holdout.py --series FILE.csv | --history LAKEHOUSE   --out DIR [--holdout 13] [--autoets]
                      [--segplan-set key=value ...]

--series: a CSV with series_id, period (a Monday), value, every series dense over the same weeks.
--history: the forecast stage's segment_demand_history table of a lakehouse (latest run date): one series per
  segment x category x region, demand_units per period_start (zero-filled by the stage).
The last --holdout weeks of every series are held out; the rest is written to DIR/training.csv and forecast by
`bin/segplan forecast-series` (the engine with its rolling-origin selection) into DIR/lakehouse, whose
series_forecast table is read back. Baselines from the same training weeks: seasonal naive (same week one season
earlier) where a series has a full season of training, else naive (last training week) -- the engine's own rule.
WAPE = sum |forecast - actual| / sum |actual| pooled over every series and week; MASE per series = mean absolute
error over the training's mean absolute week-to-week change, averaged over the series where that change is not
zero. Forecasts are floored at 0 for series without a negative training value, as the engine does.
Throughput: series per second of the engine alone (org.segplan.bench.EngineThroughput: the same training.csv, one
thread, JIT warmed up, no Spark), of the whole forecast-series stage (Spark, three Delta writes) and, with
--autoets, of AutoETS's fit (n_jobs=1, after a one-series warm-up that compiles numba).
Prints a table and, last, one JSON line with every figure; DIR/per_series.csv has each series' WAPE.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from deltalake import DeltaTable

ROOT = Path(__file__).resolve().parents[1]
SEASON = 52


def load_history(lakehouse: str) -> pd.DataFrame:
    table = DeltaTable(f"{lakehouse}/segment_demand_history").to_pandas(
        columns=["run_date", "segment_id", "category", "region", "period_start", "demand_units"])
    table = table[table["run_date"].astype(str) == str(table["run_date"].astype(str).max())]
    segment = table["segment_id"].astype("Int64").astype(str).replace("<NA>", "unsegmented")
    return pd.DataFrame({"series_id": segment + "/" + table["category"] + "/" + table["region"],
                         "period": pd.to_datetime(table["period_start"]),
                         "value": table["demand_units"].astype("float64")})


def split(frame: pd.DataFrame, holdout: int) -> dict:
    """series_id -> (training values, held-out values, training periods)."""
    result = {}
    for series_id, rows in frame.sort_values("period").groupby("series_id", sort=True):
        values = rows["value"].to_numpy(dtype="float64")
        periods = rows["period"].to_numpy()
        if len(values) <= holdout + 1:
            continue
        result[series_id] = (values[:-holdout], values[-holdout:], periods[:-holdout])
    return result


def baseline(training: np.ndarray, holdout: int) -> tuple:
    if len(training) >= SEASON:
        return "seasonal-naive", np.array([training[len(training) - SEASON + (h % SEASON)] for h in range(holdout)])
    return "naive", np.full(holdout, training[-1])


def score(name: str, forecasts: dict, series: dict) -> dict:
    absolute_error = absolute_actual = 0.0
    mases = []
    for series_id, (training, actual, _) in series.items():
        forecast = np.asarray(forecasts[series_id], dtype="float64")
        if training.min() >= 0:
            forecast = np.maximum(forecast, 0)
        errors = np.abs(forecast - actual)
        absolute_error += errors.sum()
        absolute_actual += np.abs(actual).sum()
        scale = np.mean(np.abs(np.diff(training))) if len(training) > 1 else 0
        if scale > 0:
            mases.append(errors.mean() / scale)
    return {"name": name, "wape": round(absolute_error / absolute_actual, 4) if absolute_actual else None,
            "mase": round(float(np.mean(mases)), 4) if mases else None, "mase_series": len(mases)}


def run_segplan(series: dict, out: Path, holdout: int, settings: list) -> tuple:
    training_rows = []
    last_period = None
    for series_id, (training, _, periods) in series.items():
        for period, value in zip(periods, training):
            training_rows.append((series_id, pd.Timestamp(period).strftime("%Y-%m-%d"), value))
            last_period = max(last_period, pd.Timestamp(period)) if last_period is not None else pd.Timestamp(period)
    csv = out / "training.csv"
    pd.DataFrame(training_rows, columns=["series_id", "period", "value"]).to_csv(csv, index=False)
    lakehouse = out / "lakehouse"
    # The run date is the Sunday closing the last training week: the engine forecasts from there.
    run_date = (last_period + pd.Timedelta(days=6)).strftime("%Y-%m-%d")
    command = [str(ROOT / "bin" / "segplan"), "forecast-series", "--input", str(csv), "--format", "csv",
               "--run-date", run_date, "--set", f"segplan.lakehouse.root={lakehouse}",
               "--set", f"segplan.forecast.horizon={holdout}",
               "--set", 'segplan.spark.settings."spark.ui.enabled"=false']
    for setting in settings:
        command += ["--set", setting]
    started = time.perf_counter()
    process = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    (out / "segplan.log").write_text(process.stdout + process.stderr)
    if process.returncode != 0:
        sys.exit(f"segplan forecast-series failed (exit {process.returncode}); see {out / 'segplan.log'}")
    stage_seconds = None
    for line in process.stdout.splitlines():
        match = re.match(r"^forecast-series\s.*\bOK\b.*?([0-9.]+)\s*s?$", line.strip())
        if match:
            stage_seconds = float(match.group(1))
    forecast = DeltaTable(str(lakehouse / "series_forecast")).to_pandas(
        columns=["series_id", "horizon_step", "forecast", "model"])
    accuracy = DeltaTable(str(lakehouse / "series_forecast_accuracy")).to_pandas(
        columns=["series_id", "model", "baseline_model", "selection_reason"])
    forecasts = {series_id: rows.sort_values("horizon_step")["forecast"].to_numpy()[:holdout]
                 for series_id, rows in forecast.groupby("series_id")}
    models = accuracy["model"].value_counts().to_dict()
    fallbacks = int(accuracy["selection_reason"].str.startswith("fallback").sum())
    engine_baselines = accuracy["baseline_model"].fillna("none (fallback)").value_counts().to_dict()
    return forecasts, {"wall_seconds": round(wall, 2), "stage_seconds": stage_seconds, "run_date": run_date,
                       "models": models, "fallbacks": fallbacks, "engine_backtest_baselines": engine_baselines}


def engine_throughput(out: Path, holdout: int, settings: list) -> dict:
    """The engine alone (org.segplan.bench.EngineThroughput, one thread, no Spark) on the same training.csv."""
    min_history = next((setting.split("=", 1)[1] for setting in settings
                        if setting.startswith("segplan.forecast.min-history=")), "26")
    classpath = f"{ROOT}/target/runtime-lib/*:{ROOT}/target/segplan.jar:{ROOT}/target/test-classes"
    process = subprocess.run(["java", "-Xmx1g", "-cp", classpath, "org.segplan.bench.EngineThroughput",
                              str(out / "training.csv"), str(holdout), min_history], capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"EngineThroughput failed: {process.stderr[-2000:]} (make test-classes builds it)")
    return {key: float(value) for key, value in re.findall(r"(\w+)=([0-9.]+)", process.stdout)}


def run_autoets(series: dict, holdout: int) -> tuple:
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS
    rows = []
    for series_id, (training, _, periods) in series.items():
        rows.append(pd.DataFrame({"unique_id": series_id, "ds": pd.to_datetime(periods), "y": training}))
    data = pd.concat(rows, ignore_index=True)
    model = StatsForecast(models=[AutoETS(season_length=SEASON)], freq="W-MON", n_jobs=1)
    started = time.perf_counter()
    first = data["unique_id"].iloc[0]
    model.forecast(df=data[data["unique_id"] == first], h=holdout)
    warm_up = time.perf_counter() - started
    started = time.perf_counter()
    result = model.forecast(df=data, h=holdout)
    fit = time.perf_counter() - started
    if "unique_id" not in result.columns:
        result = result.reset_index()
    forecasts = {series_id: rows.sort_values("ds")["AutoETS"].to_numpy()
                 for series_id, rows in result.groupby("unique_id")}
    return forecasts, {"fit_seconds": round(fit, 2), "warm_up_seconds": round(warm_up, 2)}


def markdown_table(rows: list) -> str:
    lines = ["| forecaster | held-out WAPE | MASE (mean over series) | series / s (model fitting, 1 thread) |",
             "|---|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['name']} | {row['wape']} | {row['mase']} | {row.get('series_per_second', '')} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--series")
    source.add_argument("--history")
    parser.add_argument("--out", required=True)
    parser.add_argument("--holdout", type=int, default=13)
    parser.add_argument("--autoets", action="store_true")
    parser.add_argument("--segplan-set", action="append", default=[])
    arguments = parser.parse_args()
    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    if arguments.series:
        frame = pd.read_csv(arguments.series, dtype={"series_id": str}, parse_dates=["period"])
    else:
        frame = load_history(arguments.history)
    series = split(frame, arguments.holdout)
    if not series:
        sys.exit(f"no series longer than the holdout of {arguments.holdout} weeks")
    lengths = [len(training) for training, _, _ in series.values()]

    segplan_forecasts, segplan_info = run_segplan(series, out, arguments.holdout, arguments.segplan_set)
    missing = sorted(set(series) - set(segplan_forecasts))
    if missing:
        sys.exit(f"segplan wrote no forecast for {len(missing)} series, e.g. {missing[:3]}")
    segplan_info["engine"] = engine_throughput(out, arguments.holdout, arguments.segplan_set)
    baselines = {series_id: baseline(training, arguments.holdout) for series_id, (training, _, _) in series.items()}
    baseline_names = pd.Series([name for name, _ in baselines.values()]).value_counts().to_dict()
    rows = [score("segplan best fit", segplan_forecasts, series),
            score("baseline (" + ", ".join(f"{name} {count}" for name, count in baseline_names.items()) + ")",
                  {series_id: forecast for series_id, (_, forecast) in baselines.items()}, series)]
    seconds = segplan_info["stage_seconds"] or segplan_info["wall_seconds"]
    rows[0]["series_per_second"] = round(segplan_info["engine"]["engine_series_per_second"], 2)
    rows[0]["series_per_second_stage"] = round(len(series) / seconds, 2)
    rows[0]["series_per_second_process"] = round(len(series) / segplan_info["wall_seconds"], 2)
    result = {"series": len(series), "holdout_weeks": arguments.holdout, "training_weeks_min": min(lengths),
              "training_weeks_max": max(lengths), "baselines": baseline_names, "segplan": segplan_info}
    if arguments.autoets:
        autoets_forecasts, autoets_info = run_autoets(series, arguments.holdout)
        row = score("statsforecast AutoETS", autoets_forecasts, series)
        row["series_per_second"] = round(len(series) / max(autoets_info["fit_seconds"], 1e-9), 2)
        rows.append(row)
        result["autoets"] = autoets_info
    result["scores"] = rows
    per_series = []
    named = {"segplan": segplan_forecasts, "baseline": {key: value for key, (_, value) in baselines.items()}}
    if arguments.autoets:
        named["autoets"] = autoets_forecasts
    for series_id, (training, actual, _) in series.items():
        row = {"series_id": series_id, "holdout_units": actual.sum(), "training_mean": training.mean()}
        for name, forecasts in named.items():
            row[f"{name}_wape"] = score(name, {series_id: forecasts[series_id]}, {series_id: series[series_id]})["wape"]
        per_series.append(row)
    pd.DataFrame(per_series).to_csv(out / "per_series.csv", index=False)
    print(f"{len(series)} series, training {min(lengths)}-{max(lengths)} weeks, holdout {arguments.holdout} weeks")
    print(f"segplan models: {segplan_info['models']}; fallbacks {segplan_info['fallbacks']}")
    print(markdown_table(rows))
    print(f"segplan forecast-series: stage {segplan_info['stage_seconds']} s, process {segplan_info['wall_seconds']} s "
          f"({rows[0]['series_per_second_stage']} series / s with Spark and three Delta writes)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
