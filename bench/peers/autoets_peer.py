"""statsforecast's AutoETS over a long-format series table with columns series_id, period, value (Parquet file or
folder, or a Delta table with --delta), or over weekly units per segment built from a lakehouse
(--from-lakehouse). Prints one JSON line with the number of series, the compile (warm-up on one series) and fit
times. bench/run_all.sh no longer calls it: the side-by-side with the forecast stage (same series, same held-out
weeks, both scored) is bench/forecast_peer.sh (bench/forecast_holdout.py --autoets)."""
import argparse
import json
import time

import pandas as pd
import pyarrow.parquet as pq
from deltalake import DeltaTable


def segment_weekly_units(lakehouse: str) -> pd.DataFrame:
    lines = DeltaTable(f"{lakehouse}/validated_transactions").to_pandas(
        columns=["customer_id", "order_timestamp", "quantity", "is_return"])
    segments = DeltaTable(f"{lakehouse}/customer_segments").to_pandas(columns=["customer_id", "segment_id"])
    lines = lines[~lines["is_return"].fillna(False).astype(bool)].merge(segments, on="customer_id")
    lines["period"] = pd.to_datetime(lines["order_timestamp"]).dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time
    series = lines.groupby(["segment_id", "period"], as_index=False)["quantity"].sum()
    return series.rename(columns={"segment_id": "series_id", "quantity": "value"})


def main():
    parser = argparse.ArgumentParser()
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--series", help="long-format table: series_id, period, value")
    source.add_argument("--from-lakehouse", help="build weekly units per segment from this lakehouse")
    parser.add_argument("--delta", action="store_true", help="--series is a Delta table")
    parser.add_argument("--horizon", type=int, default=13)
    parser.add_argument("--season-length", type=int, default=52)
    parser.add_argument("--frequency", default="W-MON")
    parser.add_argument("--output", help="Parquet file for the forecasts")
    arguments = parser.parse_args()

    started = time.perf_counter()
    if arguments.from_lakehouse:
        frame = segment_weekly_units(arguments.from_lakehouse)
    elif arguments.delta:
        frame = DeltaTable(arguments.series).to_pandas(columns=["series_id", "period", "value"])
    else:
        frame = pq.read_table(arguments.series, columns=["series_id", "period", "value"]).to_pandas()
    load_seconds = time.perf_counter() - started

    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS
    data = pd.DataFrame({"unique_id": frame["series_id"].astype(str), "ds": pd.to_datetime(frame["period"]),
                         "y": frame["value"].astype("float64")}).sort_values(["unique_id", "ds"])
    model = StatsForecast(models=[AutoETS(season_length=arguments.season_length)], freq=arguments.frequency, n_jobs=1)
    started = time.perf_counter()
    first = data["unique_id"].iloc[0]
    model.forecast(df=data[data["unique_id"] == first], h=arguments.horizon)
    compile_seconds = time.perf_counter() - started
    started = time.perf_counter()
    forecasts = model.forecast(df=data, h=arguments.horizon)
    fit_seconds = time.perf_counter() - started
    if arguments.output:
        forecasts.to_parquet(arguments.output)
    print(json.dumps({"series": int(data["unique_id"].nunique()), "points": len(data),
                      "horizon": arguments.horizon, "load_seconds": round(load_seconds, 2),
                      "compile_seconds": round(compile_seconds, 2), "fit_seconds": round(fit_seconds, 2)}))


if __name__ == "__main__":
    main()
