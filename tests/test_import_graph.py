"""The engine's import graph: no circles, and no import from a lower layer of the house to a higher one.

Every `.py` under `course/` is read with `ast`; every import counts, also those inside functions (a
lazy import is still a dependency, it only hides the circle). An import names the most specific
module it reaches: `from course.legal import lexicon` is an edge to `course.legal.lexicon`,
`from course.legal import search` one to the package `course.legal`. Imports by name at run time
(`importlib.import_module("...")`) are not seen.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"

# Lowest first. A module belongs to the layer of the longest listed name that prefixes it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("course.text", "course.errors", "course.catalogue"),
    ("course.config",),
    ("course.local_models", "course.privacy", "course.ui", "course.progress", "course.code_errors", "course.notebook_builder"),
    ("course.llm", "course.doctor"),
    ("course.widgets", "course.slides", "course.grading"),
    ("course.documents", "course.legal", "course.speech", "course.explain", "course.prompting"),
    ("course.apps", "course.assessment", "course.learner"),
    ("course.cli", "course.__main__"),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(COURSE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The course modules `name` (at `path`) imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import course.legal.x.y` where y is no module
                target = target.rpartition(".")[0]
            if target.startswith("course") and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports(name, path, known) for name, path in mods.items()}


def layer(name: str) -> int | None:
    best: tuple[int, int] | None = None
    for level, names in enumerate(LAYERS):
        for prefix in names:
            if (name == prefix or name.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (level, len(prefix))
    return None if best is None else best[0]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(out)


def test_the_walk_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "course" / "p"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .a import f\n", encoding="utf-8")
    (pkg / "a.py").write_text("def f():\n    from course.p import b\n    return b\n", encoding="utf-8")
    (pkg / "b.py").write_text("import course.p.a\nfrom course.p.a import f\n", encoding="utf-8")
    known = {"course.p", "course.p.a", "course.p.b"}
    assert imports("course.p", pkg / "__init__.py", known) == {"course.p.a"}
    assert imports("course.p.a", pkg / "a.py", known) == {"course.p.b"}
    assert cycles({"course.p.a": {"course.p.b"}, "course.p.b": {"course.p.a"}, "course.p": {"course.p.a"}}) \
        == [["course.p.a", "course.p.b"]]


def test_every_module_has_a_layer() -> None:
    missing = sorted(name for name in modules() if name != "course" and layer(name) is None)
    assert not missing, f"modules in no layer (add them to LAYERS): {missing}"


def test_the_package_root_imports_nothing_from_course() -> None:
    assert not graph()["course"], "course/__init__.py must not import from course: every module may import it"


def test_no_import_cycles() -> None:
    found = cycles(graph())
    assert not found, "import circles:\n" + "\n".join(" ⇄ ".join(c) for c in found)


def test_no_import_from_a_lower_layer_to_a_higher_one() -> None:
    wrong = [f"{src} -> {dst}" for src, targets in sorted(graph().items()) for dst in sorted(targets)
             if dst != "course" and src != "course" and layer(src) is not None and layer(dst) is not None
             and layer(src) < layer(dst)]
    assert not wrong, "imports running up the house:\n" + "\n".join(wrong)
