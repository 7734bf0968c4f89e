"""AI cho cán bộ cơ sở — the course engine.

Layers, lowest first; a module imports only from its own layer or below (`tests/test_import_graph.py`):
1. `text` (Vietnamese NFC, folding), `errors` (`CourseError`), `catalogue` (modules, providers);
2. `config` (every setting);
3. `local_models`, `privacy`, `ui` and `code_errors` (Vietnamese help for code mistakes), `notebook_builder`;
4. `llm`, `doctor`;
5. `widgets`, `slides`, `grading`;
6. the modules' engines: `explain` (1), `prompting` and `documents` (2), `speech` (3), `legal` (4);
7. `apps`, `assessment`;
8. `cli` (`khoahoc`, which finds every `course/<package>/cli.py`).
"""

__version__ = "0.1.0"
