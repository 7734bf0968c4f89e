"""The course's AI engine: one call for ChatGPT, Gemini, OpenAI-compatible servers and the local model.

```python
from course.llm import ask, compare, Answer
ans = ask("Phường có những nhiệm vụ gì?", stream=True)
print(ans.label, ans.footer())
```
The local model (Gemma 3 270M, `course.llm.local`) also exposes `next_token_probs()` and
`tokenize()` for teaching how a language model works.
"""

from course.llm.answer import Answer
from course.llm.core import ask, compare
from course.llm.store import read_usage

__all__ = ["Answer", "ask", "compare", "read_usage"]
