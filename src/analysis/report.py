"""The report: what ``make report`` and ``python -m analysis report`` write."""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus


def write_report(corpus_path: str | Path | None, out_dir: Path, *, strict: bool = False) -> list[Path]:
    """Load the corpus and write its tables as CSV plus a Markdown summary; return the paths written."""
    corpus = load_corpus(corpus_path, strict=strict)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {
        "articles.csv": corpus.articles.drop(columns=["text"]),
        "summary.csv": corpus.summary(),
        "sentences.csv": corpus.sentences,
        "removed.csv": corpus.removed,
        "problems.csv": corpus.problems,
    }
    written = []
    for name, table in tables.items():
        path = out_dir / name
        table.to_csv(path, index=False)
        written.append(path)

    summary = corpus.summary()
    lines = [
        "# Corpus summary",
        "",
        f"Corpus: `{corpus.source}`",
        "",
        f"{len(corpus.articles)} articles, {len(corpus.sentences)} sentences, "
        f"{int(corpus.articles['n_words'].sum())} words; cleaning removed {len(corpus.removed)} lines; "
        f"{len(corpus.problems)} problems.",
        "",
        "| article | outlet | date | paragraphs | sentences | words | removed lines |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in summary.itertuples(index=False):
        date = "unknown" if row.date is None or str(row.date) == "NaT" else row.date.date().isoformat()
        lines.append(f"| {row.article_id} | {row.outlet} | {date} | {row.n_paragraphs} | "
                     f"{row.n_sentences} | {row.n_words} | {row.n_removed_lines} |")
    if len(corpus.problems):
        lines += ["", "## Problems", ""]
        lines += [f"- **{row.source}**: {row.problem} ({row.action})" for row in corpus.problems.itertuples()]
    path = out_dir / "summary.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written.append(path)
    return written
