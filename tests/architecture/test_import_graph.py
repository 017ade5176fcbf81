"""The apps' imports point one way: down the order in import_graph.LAYERS.

Read with `ast`, so imports inside functions count as much as those at the top.
`.venv/bin/python -m tests.architecture.import_graph` lists what breaks the rule.
"""

from pathlib import Path

from tests.architecture.import_graph import LAYERS, Edge, cycles, edges, upward


def test_every_installed_project_app_has_its_place_in_the_order(settings):
    project_apps = {
        app
        for app in settings.INSTALLED_APPS
        if (Path(__file__).parents[2] / app).is_dir()
    }
    assert project_apps == set(LAYERS)


def test_no_app_imports_a_higher_one():
    assert [str(e) for e in upward(edges())] == []


def test_no_import_cycle_between_apps():
    assert cycles(edges()) == []


def test_learning_imports_no_app():
    assert [str(e) for e in edges() if e.source == "learning"] == []


# --- The checker itself, on synthetic graphs ------------------------------------------


def edge(source: str, target: str) -> Edge:
    return Edge(source, target, f"{source}.module", f"{target}.thing", 1)


def test_checker_reports_an_upward_import_and_accepts_downward_ones():
    layers = ["low", "middle", "high"]
    graph = [edge("high", "low"), edge("middle", "low"), edge("low", "middle")]
    assert upward(graph, layers) == [edge("low", "middle")]


def test_checker_reports_a_cycle_through_three_apps_once():
    graph = [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d")]
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles([edge("a", "b"), edge("b", "c")]) == []


def test_checker_finds_function_level_and_relative_imports(tmp_path):
    (tmp_path / "low").mkdir()
    (tmp_path / "low" / "__init__.py").write_text("")
    (tmp_path / "low" / "models.py").write_text(
        "from . import helpers\n\n\ndef late():\n    from high.views import page\n"
    )
    (tmp_path / "high").mkdir()
    (tmp_path / "high" / "views.py").write_text("import low.models\n")
    graph = edges(tmp_path, ["low", "high"])
    assert [str(e) for e in graph] == [
        "high.views:1 imports low.models",
        "low.models:5 imports high.views",
    ]
    assert [str(e) for e in upward(graph, ["low", "high"])] == [
        "low.models:5 imports high.views"
    ]
    assert cycles(graph) == [["high", "low"]]
