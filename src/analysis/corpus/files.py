"""Read one article file: its bytes decoded in whatever encoding it was saved in, or the article of a
saved web page.

Readers never raise on a bad file or row: they log a problem naming the file (and row) and go on,
so one broken file cannot stop a class from working with the rest.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import trafilatura
from htmldate import find_date
from trafilatura.settings import set_date_params

from analysis.corpus import codes
from analysis.corpus.problems import ProblemLog

__all__ = [
    "ALL_ACCENTED_WORDS_SHARE", "CP1252_SYMBOL_IN_WORD", "HTML_SUFFIXES", "LETTER_RUN", "MAX_BYTES_SNIFFED",
    "TEXT_SUFFIXES", "UTF16_PRINTABLE_SHARE", "WINDOWS_CODE_PAGES", "YEAR_ALONE", "RawArticle", "article_stem",
    "article_suffix", "decode", "is_article_file", "is_web_page", "read_article_file", "read_html_file",
    "read_text_file",
]

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm", ".html.gz", ".htm.gz"}
# htmldate gives a year found alone (a copyright year) as 1 January of that year.
YEAR_ALONE = "-01-01"

MAX_BYTES_SNIFFED = 8192
# A text decoded as UTF-16 without a byte-order mark is taken only if this share of it is printable
# (random bytes with NULs decode to unassigned and control characters).
UTF16_PRINTABLE_SHARE = 0.95
# Read as cp1252, a text in another code page has most of its non-ASCII words wholly in accented
# letters ("Ìýð ãîðîäà ñêàçàë"); French or German has accents inside ASCII words ("déjà", "Straße").
ALL_ACCENTED_WORDS_SHARE = 0.5
# Tried after charset-normalizer's guesses: Central European, Cyrillic, Greek, Turkish, Baltic.
WINDOWS_CODE_PAGES = ("cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
LETTER_RUN = re.compile(r"[^\W\d_]+")
# cp1252 symbols that, glued to a letter, are a letter of another code page: Polish ł ą Ż (³ ¹ ¯),
# Slovak ľ (¾); and the Icelandic ð þ, which in news are Turkish ğ ş read as cp1252 ("baþkaný").
CP1252_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][¹²³¼½¾¤¦¯¸]|[¹²³¼½¾¤¦¯¸][^\W\d_]|[ðþÐÞ]")


@dataclass
class RawArticle:
    """One article as read from its file, before cleaning."""

    article_id: str
    text: str
    source_file: str
    metadata: dict[str, object] = field(default_factory=dict)
    from_web_page: bool = False  # the text was extracted from HTML: plain text, no tags to strip


def article_suffix(path: Path) -> str:
    """Return a file's suffix in lower case, with a compression suffix kept: ".html.gz"."""
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return path.suffix.lower()


def article_stem(path: Path) -> str:
    """Return a file's name without its suffix (and without ".gz"): the default article id."""
    name = path.name
    suffix = article_suffix(path)
    return name[: len(name) - len(suffix)] if suffix and name.lower().endswith(suffix) else path.stem


def is_web_page(path: Path) -> bool:
    """Whether a file is a saved web page (.html, .htm, gzipped or not)."""
    return article_suffix(path) in HTML_SUFFIXES


def is_article_file(path: Path) -> bool:
    """Whether a file's suffix is one read as an article (.txt, or a saved web page)."""
    return article_suffix(path) in TEXT_SUFFIXES | HTML_SUFFIXES


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the name of the UTF-16 or UTF-32 encoding the bytes are in when they have no
    byte-order mark (charset-normalizer's guess, checked by decoding), or None."""
    best = charset_normalizer.from_bytes(data[:MAX_BYTES_SNIFFED * 4]).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(character.isprintable() or character.isspace() for character in text[:MAX_BYTES_SNIFFED])
    return best.encoding if printable >= UTF16_PRINTABLE_SHARE * min(len(text), MAX_BYTES_SNIFFED) else None


def _is_latin(character: str) -> bool:
    return unicodedata.name(character, "").startswith("LATIN")


def _looks_misread(text: str) -> bool:
    """Whether a text decoded from a code page shows the marks of the wrong one: symbols inside
    words (Polish or Turkish letters read as cp1252: "powiedzia³", "baþkaný"), words mixing Latin
    with Cyrillic or Greek letters (Polish read as cp1251: "powiedziaі"), or most non-ASCII words
    wholly in accented Latin letters (Cyrillic read as cp1252: "Ìýð ãîðîäà ñêàçàë"; French or German
    has accents inside ASCII words: "déjà", "Straße")."""
    if CP1252_SYMBOL_IN_WORD.search(text):
        return True
    words = [word for word in LETTER_RUN.findall(text) if not word.isascii()]
    if not words:
        return False
    wholly_accented = 0
    for word in words:
        latin = [_is_latin(character) for character in word if character.isalpha()]
        if any(latin) and not all(latin):
            return True
        if len(word) > 1 and all(latin) and not any(character.isascii() for character in word):
            wholly_accented += 1
    return wholly_accented > ALL_ACCENTED_WORDS_SHARE * len(words)


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for bytes in an 8-bit code page, or None when none fits.

    cp1252 (Western European Windows, the usual code page of news saved on Windows) is tried
    first, then charset-normalizer's guesses in its order, then the other Windows code pages; the
    first whose text does not look misread wins (on short texts the detector often names another
    Latin page for English or French with curly quotes, or cp1252 for Polish). When every reading
    looks wrong, the detector's best guess is used, and the problem row names it.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    candidates = ["cp1252", *(match.encoding for match in matches), *WINDOWS_CODE_PAGES]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_misread(text):
            return text, encoding
    return str(best), best.encoding


def decode(data: bytes, source: str, problems: ProblemLog) -> str | None:
    """Return the text of a file's bytes, or None (with a problem logged) if it has no usable text.

    UTF-8 is read as is, and UTF-16 with a byte-order mark; any other encoding (UTF-16 without
    the mark, a Windows or ISO code page) is detected with charset-normalizer and logged.
    """
    if not data.strip():
        problems.add(source, "the file is empty", "skipped: add the article's text or remove the file",
                     code=codes.FILE_EMPTY)
        return None
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:MAX_BYTES_SNIFFED]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            problems.add(source, "the file is binary, not text", "skipped: save the article as plain text (.txt)",
                         code=codes.FILE_BINARY)
            return None
        label = encoding.upper().replace("_", "-", 1).replace("_", " ")
        problems.add(source, f"the file has no byte-order mark; it was read as {label}",
                     "repaired: check its text, and save it as UTF-8 to be sure", code=codes.ENCODING_GUESSED)
        return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    result = _decode_legacy(data)
    if result is None:
        problems.add(source, "the file is not readable text in any known encoding", "skipped: save it as UTF-8 text",
                     code=codes.ENCODING_UNKNOWN)
        return None
    text, encoding = result
    problems.add(source, f"the file is not UTF-8; it was read as {encoding}",
                 "repaired: check its quote marks and accents, and save it as UTF-8 to be sure",
                 code=codes.ENCODING_GUESSED)
    return text


def _read_bytes(path: Path, source: str, problems: ProblemLog) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        problems.add(source, f"the file cannot be read ({error.strerror})", "skipped: check the file's permissions",
                     code=codes.FILE_UNREADABLE)
        return None


def read_text_file(path: Path, source: str, problems: ProblemLog) -> str | None:
    """Return the decoded text of one file, or None with a problem logged."""
    data = _read_bytes(path, source, problems)
    return None if data is None else decode(data, source, problems)



def _guessed_date(html: str) -> str | None:
    """Return the date htmldate finds when it may search the whole page (a date in the text, or a
    year alone, such as a copyright year, given as YYYY-01-01)."""
    try:
        return find_date(html, **set_date_params(extensive=True))
    except Exception:  # htmldate raises several types on odd markup; a guess is never needed
        return None


def read_html_file(path: Path, source: str, problems: ProblemLog, *,
                   date_given: bool = False) -> tuple[str, dict[str, object]] | None:
    """Return the article text and metadata of a saved web page, extracted with trafilatura.

    The date is the page's own (its metadata, or a full date written in the page); a page whose
    only date is a year alone (a copyright year: "© 2019" is not 1 January 2019) gets no date, and
    a problem says so unless ``date_given`` (the manifest gives the date).
    """
    data = _read_bytes(path, source, problems)
    if data is None:
        return None
    if article_suffix(path).endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            problems.add(source, f"the file is not a readable gzip archive ({error})",
                         "skipped: save the page again, or unpack it", code=codes.GZIP_UNREADABLE)
            return None
    html = decode(data, source, problems)
    if html is None:
        return None
    # favor_precision: on the 181 pages of the Article Extraction Benchmark it keeps less page
    # furniture (body-text precision 0.942 -> 0.958) for a little recall (0.978 -> 0.971).
    # extensive_search=False first: htmldate's extensive search also takes a year alone (a
    # copyright year) as 1 January of that year.
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True,
                                           date_extraction_params=set_date_params(extensive=False))
    if document is None or not (document.text or "").strip():
        problems.add(source, "no article text was found in the web page",
                     "skipped: save the page's article text as a .txt file instead", code=codes.PAGE_NO_TEXT)
        return None
    date = document.date or None
    if date is None and not date_given:  # a date given in articles.csv wins: no second search of the page
        guess = _guessed_date(html)
        if guess and guess.endswith(YEAR_ALONE):
            problems.add(source, f"the page gives no publication date; the only date found ({guess}) is a "
                         "year alone, such as a copyright year",
                         "date left unknown (NaT): give the date in articles.csv", code=codes.DATE_YEAR_ONLY)
        else:
            date = guess  # a full date written in the page ("publiziert am 25. September 2018")
    metadata = {"title": document.title, "date": date, "url": document.url,
                "outlet": document.sitename or document.hostname, "author": document.author}
    return document.text, metadata


def read_article_file(path: Path, source: str, problems: ProblemLog, *,
                      date_given: bool = False) -> tuple[str, dict[str, object]] | None:
    """Return the text and any metadata of one .txt or .html article file, or None if unusable."""
    if is_web_page(path):
        return read_html_file(path, source, problems, date_given=date_given)
    text = read_text_file(path, source, problems)
    return None if text is None else (text, {})

