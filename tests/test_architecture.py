"""The house rules of the code layout, read from the source (no module is imported or run).

Imports flow one way: features -> core, never core -> a feature; models and blocks never import the API
package (the API reads what it needs from declarations on the models); no import circles. Every import
counts, including the ones inside functions: a lazy import still ties the two modules together.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = ("cms", "home", "news", "search", "settings")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PROJECT_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            modules[module_name(path)] = path
    return modules


MODULES = project_modules()


def _resolve(name: str) -> str | None:
    """The project module an import names (``cms.api.fields.ImageField`` -> ``cms.api.fields``)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str) -> set[str]:
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from cms.api import fields" imports the module cms.api.fields; "from x import name" imports x.
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
            names = [name for name in names if _resolve(name) == name] or [base]
        else:
            continue
        for name in names:
            target = _resolve(name)
            if target is not None and target != module:
                found.add(target)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def _bound_names(module: str) -> set[str] | None:
    """Names a module binds at its top level (None: it star-imports, so any name may exist)."""
    names = set()
    for node in ast.parse(MODULES[module].read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if any(alias.name == "*" for alias in node.names):
                return None
            names.update((alias.asname or alias.name).partition(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name))
    return names


def missing_imports(source: str) -> list[str]:
    """Project modules or names the source imports that do not exist (say, left behind by a move)."""
    missing = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            wanted = [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            wanted = [(node.module, alias.name) for alias in node.names]
        else:
            continue
        for base, name in wanted:
            if base.partition(".")[0] not in PROJECT_PACKAGES:
                continue
            if base not in MODULES:
                missing.append(base)
            elif name not in (None, "*") and f"{base}.{name}" not in MODULES:
                bound = _bound_names(base)
                if bound is not None and name not in bound:
                    missing.append(f"{base}.{name}")
    return missing


def _in(module: str, packages) -> bool:
    return any(module == package or module.startswith(f"{package}.") for package in packages)


def import_circles(graph) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan), each sorted."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_the_import_walk_sees_the_project():
    # A walk that found nothing would pass every rule below.
    assert "cms.core.visibility" in MODULES and "news.models" in MODULES
    assert "cms.core.visibility" in GRAPH["news.models"]
    assert "cms.api.prefetch" in GRAPH["cms.api.views"]


def test_every_imported_project_module_exists():
    tests = {str(path): path for path in (ROOT / "tests").rglob("*.py") if "node_modules" not in path.parts}
    sources = {**MODULES, **tests}
    missing = {module: missing_imports(path.read_text(encoding="utf-8")) for module, path in sources.items()}
    assert {module: names for module, names in missing.items() if names} == {}


def test_the_existence_check_finds_a_stale_import():
    source = "from cms.models import Statistic\nfrom cms.core.visibility import gone, unexpired\nimport cms.blocks\n"
    assert missing_imports(source) == ["cms.models", "cms.core.visibility.gone", "cms.blocks"]


def test_no_import_circles():
    assert import_circles(GRAPH) == []


def test_the_circle_check_finds_a_circle():
    assert import_circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_core_imports_no_feature():
    # Stricter than "no feature": core imports nothing of the project outside cms/core (the shell, the
    # features cms.statistics, cms.editorial, cms.visits, cms.api, cms.operations, cms.demo, home, news,
    # search, and any feature added later).
    wrong = {
        module: sorted(target for target in targets if target != "cms" and not _in(target, ["cms.core"]))
        for module, targets in GRAPH.items()
        if _in(module, ["cms.core"])
    }
    assert {module: targets for module, targets in wrong.items() if targets} == {}


def _is_models_or_blocks(module: str) -> bool:
    path = MODULES[module]
    return path.stem in ("models", "blocks") or "blocks" in path.relative_to(ROOT).parts[:-1]


@pytest.mark.parametrize("module", sorted(module for module in MODULES if _is_models_or_blocks(module)))
def test_models_and_blocks_do_not_import_the_api(module):
    assert sorted(target for target in GRAPH[module] if _in(target, ["cms.api"])) == []


PUBLIC_SITE = ("cms.templatetags", "cms.feeds", "cms.sitemaps", "cms.views", "cms.context_processors", "search.views")


def test_the_public_site_does_not_import_the_api():
    # Public pages share the publication rule with the API through cms.core, not through the API package.
    wrong = {
        module: sorted(target for target in targets if _in(target, ["cms.api"]))
        for module, targets in GRAPH.items()
        if _in(module, PUBLIC_SITE) or (_in(module, ["home", "news"]) and "migrations" not in module)
    }
    assert {module: targets for module, targets in wrong.items() if targets} == {}
