"""Every notebook in notebooks/ executes with papermill against the lakehouse the DAG wrote, and is committed
without outputs."""
import json
from pathlib import Path

import pytest
from conftest import JAR, LAKEHOUSE, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_numbered_notebooks_are_there():
    names = {path.name for path in NOTEBOOKS}
    assert names >= {"01_data_quality.ipynb", "02_segments.ipynb", "03_forecasts.ipynb", "04_allocation.ipynb",
                     "05_run_history.ipynb"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_committed_notebooks_carry_no_outputs_and_have_a_parameters_cell(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code), notebook.name
    assert any("parameters" in cell["metadata"].get("tags", []) for cell in code), notebook.name


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_executes_against_the_dag_lakehouse(notebook, dag_run, tmp_path):
    import papermill

    figures = tmp_path / "figures"
    papermill.execute_notebook(
        str(notebook), str(tmp_path / notebook.name),
        parameters={"lakehouse": str(LAKEHOUSE), "run_date": "2025-12-31", "figure_dir": str(figures),
                    "spark_jars": str(JAR)},
        cwd=str(notebook.parent), kernel_name="python3", progress_bar=False)
    saved = list(figures.glob("*.png"))
    assert saved, f"{notebook.name} saved no figure to figure_dir"
    assert all(path.stat().st_size > 5000 for path in saved)
