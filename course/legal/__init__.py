"""Legal lookup: the corpus of Vietnamese codes, search, cited answers, document import.

```python
from course.legal import search, ask_law, get_index
hits = search("duoi viec phai bao truoc bao lau", top=5)   # list[Hit]: .so_hieu .dieu .tieu_de .path .snippet()
ans = ask_law("nghỉ phép mấy ngày")                        # LegalAnswer with verified citations
```
"""

from course.legal.answer import LegalAnswer, ask_law, find_citations, verify_citations
from course.legal.corpus import find_article, load_corpus
from course.legal.importer import import_document
from course.legal.retrieval import Hit, LegalIndex, get_index, search
from course.legal.tree import Article, Document, Node

__all__ = ["Article", "Document", "Hit", "LegalAnswer", "LegalIndex", "Node", "ask_law", "find_article",
           "find_citations", "get_index", "import_document", "load_corpus", "search", "verify_citations"]
