"""The project's import graph between its apps, read with `ast` (no import runs).

Used by test_import_graph.py and, as a script, to list what breaks the order:
`.venv/bin/python -m tests.architecture.import_graph`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The apps from lowest to highest: an app may import the apps before it, never one
# after it. `learning` (the project package) imports no app at all; it names apps
# only in settings strings and URL includes resolved by Django.
LAYERS = [
    "learning",
    "accounts",
    "pages",
    "courses",
    "quizzes",
    "content_packages",
    "teams",
    "live",
    "certificates",
    "reports",
    "demo",
    "bench",
]


@dataclass(frozen=True)
class Edge:
    """One import statement from a module of app `source` of a module of `target`."""

    source: str
    target: str
    module: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.imported}"


def project_files(root: Path, apps: Iterable[str]) -> Iterable[Path]:
    """Every Python file of the apps, migrations included (they import too).
    manage.py, tests/, deploy/ and scripts/ stand outside the layers."""
    for app in apps:
        yield from sorted((root / app).rglob("*.py"))


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(
    tree: ast.AST, module: str, is_package: bool
) -> Iterable[tuple[str, int]]:
    """(name, line) of every import anywhere in the tree, functions included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                drop = node.level - (1 if is_package else 0)
                base = base[: len(base) - drop] if drop else base
                prefix = ".".join(base)
                name = f"{prefix}.{node.module}" if node.module else prefix
            else:
                name = node.module or ""
            yield name, node.lineno
            # `from courses import views` imports courses.views.
            for alias in node.names:
                yield f"{name}.{alias.name}", node.lineno


def edges(root: Path = ROOT, layers: list[str] = LAYERS) -> list[Edge]:
    """Imports that cross from one app to another."""
    found: dict[tuple, Edge] = {}
    apps = set(layers)
    for path in project_files(root, layers):
        module = module_name(path, root)
        source = module.split(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, line in imported_modules(tree, module, path.name == "__init__.py"):
            target = name.split(".")[0]
            if target in apps and target != source:
                key = (module, target, line)
                if key not in found:
                    found[key] = Edge(source, target, module, name, line)
    return sorted(found.values(), key=lambda e: (e.module, e.line))


def upward(graph: Iterable[Edge], layers: list[str] = LAYERS) -> list[Edge]:
    """Imports from a lower app to a higher one (or to any app from the first)."""
    rank = {app: index for index, app in enumerate(layers)}
    return [e for e in graph if rank[e.source] < rank[e.target]]


def cycles(graph: Iterable[Edge]) -> list[list[str]]:
    """The app-level strongly connected components with more than one app."""
    successors: dict[str, set[str]] = {}
    for edge in graph:
        successors.setdefault(edge.source, set()).add(edge.target)
        successors.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(successors[node]):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(successors):
        if node not in index:
            visit(node)
    return components


def main() -> None:
    graph = edges()
    for component in cycles(graph):
        print("cycle:", " <-> ".join(component))
    for edge in upward(graph):
        print(f"upward {edge.source} -> {edge.target}: {edge}")


if __name__ == "__main__":
    main()
