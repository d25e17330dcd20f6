"""How every chart of ``analysis.plots`` looks: its colours, and how it draws text, set when this
module is imported (by every chart module): text as written (no maths), a CJK font where one is
installed, and one line instead of a screenful when a letter is missing from the fonts."""

from __future__ import annotations

import warnings

import matplotlib
from matplotlib import font_manager

try:  # a private module of matplotlib's: only used to say "missing letters" once (see below)
    from matplotlib import _text_helpers
except ImportError:  # pragma: no cover - a later matplotlib
    _text_helpers = None

__all__ = ["JOURNALIST_COLOUR", "SPEAKER_COLOURS", "FRAME_COLOURS", "LEXICON_COLOURS", "STATUS_COLOURS", "CJK_FONTS",
           "CJK_FALLBACK", "installed_cjk_fonts"]

# The colours: grey for the writer's own words, one colour per speaker, outlet or comparison, one per
# frame, one per lexicon, and one per status of an aligned sentence.
JOURNALIST_COLOUR = "#c8c8c8"
SPEAKER_COLOURS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]
FRAME_COLOURS = ["#4c72b0", "#dd8452", "#c44e52", "#55a868", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]
LEXICON_COLOURS = {"textblob_polarity": "#4c72b0", "vader_compound": "#dd8452"}
# Kept text moved, merged or split is drawn in shades between kept and reworded.
STATUS_COLOURS = {"kept": "#c8e6c9", "reworded": "#fff3b0", "cut": "#f4c7c3", "added": "#c6dbef",
                  "moved": "#d9ead3", "merged": "#e6d7f0", "split": "#f3e0c8"}

# Text on a chart is drawn as written. Outlet names and headlines may hold dollar signs, which
# matplotlib otherwise reads as maths: "Buy $5 or $10 Daily" would be typeset, "The $\undefinedcmd$
# Post" would fail to draw. Set once, when this module is imported, rather than in a context around
# each function: tick labels (outlet names on a category axis) are made when the figure is drawn,
# after the function has returned. It holds for every chart drawn in the process from then on; a
# text of one's own that is maths asks for it, as in ax.set_title(r"$\alpha$", parse_math=True).
matplotlib.rcParams["text.parse_math"] = False

# Outlet names and headlines may be Korean, Chinese or Japanese, which matplotlib's own font (DejaVu
# Sans) does not have: they would be drawn as boxes. Where a font with those letters is installed,
# it is added after the usual fonts, and matplotlib (3.6 and later) takes from it only the letters the
# first font lacks. Found by name in matplotlib's font list, which it keeps on disk: no font file is
# opened at import. Where none is installed, the README says which to install (fonts-noto-cjk).
CJK_FONTS = ("Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK",
             "Source Han Sans", "Source Han Sans K", "Source Han Sans SC", "Noto Sans KR", "Noto Sans JP",
             "Noto Sans SC", "Noto Sans TC", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", "AppleGothic",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans", "Yu Gothic", "MS Gothic",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "IPAGothic", "IPAexGothic",
             "Arial Unicode MS")


def installed_cjk_fonts() -> list[str]:
    """Return the fonts of ``CJK_FONTS`` (or any font named "... CJK ...") that matplotlib finds installed."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    named = [name for name in CJK_FONTS if name in installed]
    return named + sorted(name for name in installed if " CJK " in f" {name} " and name not in named)


# One CJK font is enough (each covers Hangul, Han and kana); every font in the list is searched for
# each letter another lacks, so the list is kept short.
CJK_FALLBACK = installed_cjk_fonts()[:1]
matplotlib.rcParams["font.family"] = [*matplotlib.rcParams["font.family"],
                                      *(name for name in CJK_FALLBACK if name not in matplotlib.rcParams["font.family"])]
# matplotlib warns once per missing letter, every time a chart is drawn: a Korean outlet name makes
# a screenful. Those warnings are silenced, and the first missing letter of the process says, in one
# line, what to install. (The one line comes from wrapping matplotlib's own warning function; should a
# later matplotlib rename it, the filter still keeps the screen clear.)
warnings.filterwarnings("ignore", message=r"Glyph \d+ \(.*\) missing from font")
_glyph_noted = False


def _note_missing_glyph(codepoint: int, fontnames: str) -> None:
    global _glyph_noted
    if not _glyph_noted:
        _glyph_noted = True
        warnings.warn(f"some letters in this chart (the first: {chr(codepoint)!r}) are not in its fonts ({fontnames}) "
                      "and are drawn as boxes; for Korean, Chinese or Japanese install a CJK font (on Debian or "
                      "Ubuntu: apt install fonts-noto-cjk), delete matplotlib's font cache (~/.cache/matplotlib) "
                      "and restart Python. This is said once per session.", stacklevel=3)


if _text_helpers is not None and hasattr(_text_helpers, "warn_on_missing_glyph"):
    _text_helpers.warn_on_missing_glyph = _note_missing_glyph
