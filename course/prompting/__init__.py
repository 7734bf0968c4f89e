"""Prompting: the six parts of a good prompt, a deterministic rubric, the prompt lab, look-ups.

```python
from course.prompting import PromptParts, score_prompt, prompt_lab, TASKS
score_prompt("Bạn là chuyên viên … Hãy soạn …")      # RubricResult: .score, .passed, .summary()
lab = prompt_lab("giay-moi")                          # widget: six fields, provider, send, compare
```
"""

from course.prompting.anatomy import KHAI_SINH_RULE, PART_HINTS, PART_LABELS, TASKS, PromptParts, task_parts
from course.prompting.factcheck import SAMPLE_DRAFT, ZALO_CONTEXT, ZALO_DRAFT, FigureCheck, check_figures
from course.prompting.rubric import CRITERIA, MAX_SCORE, PASS_MARK, RubricResult, rubric_table, score_prompt

__all__ = [
    "CRITERIA", "KHAI_SINH_RULE", "MAX_SCORE", "PART_HINTS", "PART_LABELS", "PASS_MARK", "SAMPLE_DRAFT", "TASKS", "ZALO_CONTEXT", "ZALO_DRAFT",
    "FigureCheck", "PromptParts", "RubricResult", "check_figures", "prompt_lab", "rubric_table", "score_prompt",
    "task_parts",
]


def prompt_lab(task: str | None = None, providers: list[str] | None = None):  # noqa: ANN201 - widget
    """Show the prompt lab (imported lazily: ipywidgets only when a notebook needs it)."""
    from course.prompting.lab import prompt_lab as _lab

    return _lab(task, providers)
