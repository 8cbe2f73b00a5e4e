"""Shared set-up for the segplan notebooks: a local Spark session with Delta, one temporary view per table.

Notebooks only read. Delta comes from the delta-spark pip package (its Python API and, through
configure_spark_with_delta_pip, the matching Maven artifact), or from a jar given as `spark_jars` (the shaded
segplan jar bundles Delta 3.3.3, which needs no download).
"""
from __future__ import annotations

from pathlib import Path


def spark_session(spark_jars: str | None = None, app_name: str = "segplan-notebook"):
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
    )
    if spark_jars:
        spark = builder.config("spark.jars", spark_jars).getOrCreate()
    else:
        from delta import configure_spark_with_delta_pip

        spark = configure_spark_with_delta_pip(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def register_tables(spark, lakehouse: str) -> list[str]:
    """A temporary view per Delta table under the lakehouse root, named like the table; returns the names."""
    root = Path(lakehouse)
    names = sorted(path.parent.name for path in root.glob("*/_delta_log"))
    for name in names:
        spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW {name} AS SELECT * FROM delta.`{(root / name).resolve()}`")
    return names


def table_path(lakehouse: str, table: str) -> str:
    return str((Path(lakehouse) / table).resolve())


def save_figure(figure, figure_dir: str | None, name: str) -> None:
    """Saves a figure as <figure_dir>/<name>.png when a figure folder is given."""
    if figure_dir:
        Path(figure_dir).mkdir(parents=True, exist_ok=True)
        figure.savefig(Path(figure_dir) / f"{name}.png", dpi=110, bbox_inches="tight")
