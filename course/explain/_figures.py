"""Show a matplotlib figure as a PNG image, whatever backend the kernel uses (inline, Agg, Voilà)."""

from __future__ import annotations

import io
from typing import Any


def show_figure(fig: Any, dpi: int = 100) -> None:
    """Display `fig` once as PNG and close it (no double display from the inline backend)."""
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    display(Image(data=buf.getvalue(), format="png"))
