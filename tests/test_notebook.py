"""The example notebook runs top to bottom (its code cells, in order, in one namespace)."""
import json
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "compare_vendors.ipynb"


def test_notebook_code_cells_run(tmp_path, monkeypatch):
    monkeypatch.chdir(NOTEBOOK.parent)
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), namespace)
    assert len(namespace["policies"]) == 5
    assert (Path(namespace["out"]) / "review.xlsx").exists()
