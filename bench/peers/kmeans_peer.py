"""Peer of segplan's segment stage: scikit-learn k-means on the same feature matrix (read from the
customer_features Delta table), the same features (the ones segplan's model used, from
segmentation_model_selection), the same preparation (median imputation, scaling to unit variance without
centring), the same k range scored by silhouette (squared Euclidean, as Spark's ClusteringEvaluator) on a sample
of the same size, then the chosen k fitted on everyone. Prints one JSON line: time, k, and the adjusted Rand index
against the generator's planted segments, for scikit-learn and for segplan's own customer_segments."""
import argparse
import json
import time

import numpy as np
import pyarrow.parquet as pq
from deltalake import DeltaTable
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lakehouse", required=True)
    parser.add_argument("--truth", required=True, help="the generator's ground-truth Parquet folder")
    parser.add_argument("--k-min", type=int, default=2)
    parser.add_argument("--k-max", type=int, default=8)
    parser.add_argument("--sample-size", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--max-iterations", type=int, default=50)
    arguments = parser.parse_args()

    load_started = time.perf_counter()
    selection = DeltaTable(f"{arguments.lakehouse}/segmentation_model_selection").to_pandas()
    features = selection.loc[selection["is_chosen"], "features"].iloc[0].split(",")
    frame = DeltaTable(f"{arguments.lakehouse}/customer_features").to_pandas(columns=["customer_id", *features])
    segplan = DeltaTable(f"{arguments.lakehouse}/customer_segments").to_pandas(columns=["customer_id", "segment_id"])
    truth = pq.read_table(arguments.truth).to_pandas()
    load_seconds = time.perf_counter() - load_started

    fit_started = time.perf_counter()
    matrix = frame[features].astype("float64")
    matrix = matrix.fillna(matrix.median())
    deviation = matrix.std(ddof=1).replace(0.0, 1.0)
    values = (matrix / deviation).to_numpy()
    generator = np.random.default_rng(arguments.seed)
    sample = values if len(values) <= arguments.sample_size else values[
        generator.choice(len(values), arguments.sample_size, replace=False)]
    scores = {}
    for k in range(arguments.k_min, min(arguments.k_max, len(sample) - 1) + 1):
        model = KMeans(n_clusters=k, n_init=1, max_iter=arguments.max_iterations, random_state=arguments.seed)
        labels = model.fit_predict(sample)
        scores[k] = float(silhouette_score(sample, labels, metric="sqeuclidean"))
    chosen = max(scores, key=scores.get)
    final = KMeans(n_clusters=chosen, n_init=1, max_iter=arguments.max_iterations, random_state=arguments.seed)
    frame["sklearn_segment"] = final.fit_predict(values)
    fit_seconds = time.perf_counter() - fit_started

    scored = frame.merge(truth, on="customer_id").merge(segplan, on="customer_id")
    print(json.dumps({
        "customers": len(frame), "features": len(features), "sample_size": len(sample),
        "load_seconds": round(load_seconds, 2), "fit_seconds": round(fit_seconds, 2),
        "k_chosen": chosen, "silhouette": {str(k): round(v, 3) for k, v in scores.items()},
        "ari_sklearn": round(adjusted_rand_score(scored["true_segment"], scored["sklearn_segment"]), 4),
        "ari_segplan": round(adjusted_rand_score(scored["true_segment"], scored["segment_id"]), 4),
        "segplan_k": int(segplan["segment_id"].nunique()),
    }))


if __name__ == "__main__":
    main()
