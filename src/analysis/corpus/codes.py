"""The machine-readable codes of the corpus's two logs, each defined once with its English meaning.

- ``corpus.removed``'s ``reason_code``: why cleaning took a line, or part of one, out or repaired
  it. ``REMOVAL_REASONS`` maps each code to the English of the ``reason`` column, word for word.
- ``corpus.problems``'s ``code``: what kind of problem a file or row had. ``PROBLEM_CODES`` maps
  each code to what it means; the ``problem`` and ``action`` columns say it for the one file or row.

Code that selects rows compares codes (``removed["reason_code"].isin(CAPTION_CODES)``), never the
start of the English text, which may be reworded.
"""

from __future__ import annotations

__all__ = [
    "APOSTROPHE", "CAPTION", "CAPTION_CODES", "COLUMN_AMBIGUOUS", "COLUMN_MISSING", "COLUMN_REPEATED",
    "COLUMN_RESERVED", "CREDIT", "CREDIT_CAPTION", "CREDIT_UNCLEAR", "DATE_AMBIGUOUS", "DATE_HEADER",
    "DATE_HEADER_DIFFERS", "DATE_ORDER_CONFLICT", "DATE_RELATIVE", "DATE_UNREADABLE", "DATE_WITHOUT_DAY",
    "DATE_YEAR_ONLY", "EMPTY_AFTER_CLEANING", "ENCODING_GUESSED", "ENCODING_UNKNOWN", "FILE_BINARY", "FILE_EMPTY",
    "FILE_LISTED_TWICE", "FILE_MISSING", "FILE_NOT_ARTICLE", "FILE_NOT_IN_MANIFEST", "FILE_UNREADABLE", "FURNITURE",
    "GLUED_SENTENCES", "GZIP_UNREADABLE", "HIDDEN_FILES", "HTML_TAGS", "ID_REPEATED", "JSON_LINE_INVALID",
    "LINK_BROKEN", "LINK_TO_READ_FILE", "LONG_REMOVAL", "LONG_SENTENCES", "MORE_DOUBTS", "NOT_ENGLISH",
    "NO_ARTICLES", "OUTLET_MISSING", "OUTSIDE_FOLDER", "PAGE_NO_TEXT", "PROBLEM_CODES", "QUOTE_MARKS_LOST",
    "REMOVAL_REASONS",
    "REPEATED_LINE", "ROW_EXTRA_FIELDS", "ROW_MISSING_FIELDS", "ROW_NO_FILE", "SCRIPT", "TABLE_UNREADABLE", "TEXT_EMPTY",
    "TEXT_NOT_STRING", "TITLE", "TRUNCATED_CAPTION",
]

# --- corpus.removed: why a line, or part of one, was taken out or repaired ---------------------------

DATE_HEADER = "date_header"
CAPTION = "caption"
REPEATED_LINE = "repeated_line"
TRUNCATED_CAPTION = "truncated_caption"
CREDIT_CAPTION = "credit_caption"
CREDIT = "credit"
FURNITURE = "furniture"
TITLE = "title"
APOSTROPHE = "apostrophe"
GLUED_SENTENCES = "glued_sentences"
SCRIPT = "script"

REMOVAL_REASONS = {
    DATE_HEADER: "date header (kept as the article's date)",
    CAPTION: "photo caption (the scraped text repeats it)",
    REPEATED_LINE: "repeated copy of the line before",
    TRUNCATED_CAPTION: "truncated copy of the next line (a cut-off caption)",
    CREDIT_CAPTION: "photo caption with a credit line",
    CREDIT: "photo credit inside a line of text (only the credit was taken out)",
    FURNITURE: "page furniture (heading or navigation with '|')",
    TITLE: "title repeated at the top of the text",
    APOSTROPHE: "apostrophe lost in scraping, put back",
    GLUED_SENTENCES: "paragraph break put back where sentences ran together with no space",
    SCRIPT: "JavaScript of an embedded post or player inside a line of text (only the script was taken out)",
}
# The whole lines taken out as photo captions, with or without a credit line.
CAPTION_CODES = (CAPTION, CREDIT_CAPTION)


# --- corpus.problems: what kind of problem a file or row had -------------------------------------------

# Reading a file
FILE_EMPTY = "file_empty"
FILE_BINARY = "file_binary"
FILE_UNREADABLE = "file_unreadable"
ENCODING_GUESSED = "encoding_guessed"
ENCODING_UNKNOWN = "encoding_unknown"
GZIP_UNREADABLE = "gzip_unreadable"
PAGE_NO_TEXT = "page_no_text"
# The corpus folder and its manifest
OUTSIDE_FOLDER = "outside_folder"
LINK_BROKEN = "link_broken"
LINK_TO_READ_FILE = "link_to_read_file"
HIDDEN_FILES = "hidden_files"
FILE_NOT_ARTICLE = "file_not_article"
FILE_NOT_IN_MANIFEST = "file_not_in_manifest"
FILE_MISSING = "file_missing"
FILE_LISTED_TWICE = "file_listed_twice"
ROW_NO_FILE = "row_no_file"
NO_ARTICLES = "no_articles"
# Tables (a manifest, a table of articles, the events timeline) and their rows
TABLE_UNREADABLE = "table_unreadable"
JSON_LINE_INVALID = "json_line_invalid"
COLUMN_MISSING = "column_missing"
COLUMN_AMBIGUOUS = "column_ambiguous"
COLUMN_REPEATED = "column_repeated"
COLUMN_RESERVED = "column_reserved"
ROW_EXTRA_FIELDS = "row_extra_fields"
ROW_MISSING_FIELDS = "row_missing_fields"
TEXT_EMPTY = "text_empty"
TEXT_NOT_STRING = "text_not_string"
ID_REPEATED = "id_repeated"
OUTLET_MISSING = "outlet_missing"
# Dates
DATE_RELATIVE = "date_relative"
DATE_WITHOUT_DAY = "date_without_day"
DATE_AMBIGUOUS = "date_ambiguous"
DATE_ORDER_CONFLICT = "date_order_conflict"
DATE_UNREADABLE = "date_unreadable"
DATE_YEAR_ONLY = "date_year_only"
DATE_HEADER_DIFFERS = "date_header_differs"
# Cleaning and segmenting the text
HTML_TAGS = "html_tags"
CREDIT_UNCLEAR = "credit_unclear"
LONG_REMOVAL = "long_removal"
MORE_DOUBTS = "more_doubts"
EMPTY_AFTER_CLEANING = "empty_after_cleaning"
LONG_SENTENCES = "long_sentences"
NOT_ENGLISH = "not_english"
QUOTE_MARKS_LOST = "quote_marks_lost"

PROBLEM_CODES = {
    FILE_EMPTY: "the file is empty (skipped)",
    FILE_BINARY: "the file is binary, not text (skipped)",
    FILE_UNREADABLE: "the file cannot be opened, e.g. for its permissions (skipped)",
    ENCODING_GUESSED: "the file is not UTF-8 (or is UTF-16 without a byte-order mark); its encoding was guessed",
    ENCODING_UNKNOWN: "the file is not readable text in any known encoding (skipped)",
    GZIP_UNREADABLE: "a .gz web page is not a readable gzip archive (skipped)",
    PAGE_NO_TEXT: "no article text was found in a web page (skipped)",
    OUTSIDE_FOLDER: "a file, folder or link leads outside the corpus folder (refused, not read)",
    LINK_BROKEN: "a link to a file that does not exist (skipped)",
    LINK_TO_READ_FILE: "a link to an article file that is read already (skipped: not read twice)",
    HIDDEN_FILES: "hidden files or folders (names starting with '.') hold article files (not read)",
    FILE_NOT_ARTICLE: "a file of a kind that is not read as an article (ignored)",
    FILE_NOT_IN_MANIFEST: "an article file that articles.csv does not list (loaded without its metadata)",
    FILE_MISSING: "a manifest row names a file that does not exist (skipped)",
    FILE_LISTED_TWICE: "a manifest row names a file an earlier row names (skipped)",
    ROW_NO_FILE: "a manifest row names no file (skipped)",
    NO_ARTICLES: "no article was found in the folder or file (nothing loaded)",
    TABLE_UNREADABLE: "a manifest, table or timeline is not a readable CSV, JSON lines or Parquet table",
    JSON_LINE_INVALID: "a line of a .jsonl file is not valid JSON, or not a JSON object (skipped)",
    COLUMN_MISSING: "a table lacks a column it needs ('text', 'file', 'date' and 'event')",
    COLUMN_AMBIGUOUS: "a table has two columns of a name it needs, and which to read cannot be told (not used)",
    COLUMN_REPEATED: "a table has two columns of one name (the second kept apart under another name)",
    COLUMN_RESERVED: "a column has the name of a column the package computes (kept apart under another name)",
    ROW_EXTRA_FIELDS: "a CSV row has more fields than the header (skipped)",
    ROW_MISSING_FIELDS: "a CSV row has fewer fields than the header (the missing ones read as empty)",
    TEXT_EMPTY: "a row's text is empty (skipped)",
    TEXT_NOT_STRING: "a row's text is a number, a list or another value that is not text (skipped)",
    ID_REPEATED: "an article id is used by another article (loaded under a new id)",
    OUTLET_MISSING: "a row has no outlet (the article id is shown as its outlet)",
    DATE_RELATIVE: "a date is a word relative to the day of loading, such as 'yesterday' (left unknown)",
    DATE_WITHOUT_DAY: "a date has no day, only a year or a month (left unknown)",
    DATE_AMBIGUOUS: "a date whose day and month could be either way round (left unknown)",
    DATE_ORDER_CONFLICT: "a date can only be read in the order opposite to the dayfirst given (kept)",
    DATE_UNREADABLE: "a date cannot be read (left unknown)",
    DATE_YEAR_ONLY: "a web page's only date is a year alone, such as a copyright year (left unknown)",
    DATE_HEADER_DIFFERS: "the date header of the text differs from the manifest's date (the manifest's kept)",
    HTML_TAGS: "a text contains HTML tags (the tags removed, their text kept)",
    CREDIT_UNCLEAR: "what looks like a photo credit inside the text, whose end cannot be told (kept)",
    LONG_REMOVAL: "a line taken out is longer than a caption, so it may be story text (check corpus.removed)",
    MORE_DOUBTS: "an article has more doubtful places than are listed (clean_text(text).doubts lists them)",
    EMPTY_AFTER_CLEANING: "nothing is left of the text after cleaning (skipped)",
    LONG_SENTENCES: "sentences longer than the longest kept whole were split into pieces",
    NOT_ENGLISH: "the text does not look like English, and the lexicon measures are English-only (loaded)",
    QUOTE_MARKS_LOST: "apostrophes were lost in scraping and the text has no double quote mark: its quote marks "
                      "were probably lost too, so no quote can be found in it (loaded)",
}
