"""The files that steer the analysis: general ones from data/, the corpus's own from beside its
articles, each checked before use with its file and line."""

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.resources import paths
from analysis.resources.files import MISSING, ResourceError, check_resources, find_resources, fingerprint

ROOT = Path(__file__).resolve().parent.parent


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "one.txt").write_text("The council approved the wind farm.\n", encoding="utf-8")
    return folder


def test_the_bundled_corpus_has_its_own_targets_elements_and_coding_sheets():
    found = find_resources(None)
    corpus = paths.bundled_corpus_dir()
    assert found.codebook == paths.data_dir() / "frames" / "news_frames.yml"
    assert found.watchlist == paths.data_dir() / "sentiment_watchlist.yml"
    assert (found.targets, found.story_elements, found.coding_sheets) == (
        corpus / "targets.yml", corpus / "story_elements.yml", corpus / "coding-sheets")
    check_resources(found)


def test_another_corpus_gets_the_general_resources_and_none_of_the_bundled_corpus_own(tmp_path):
    found = find_resources(_corpus(tmp_path / "wind"))
    assert found.codebook == paths.data_dir() / "frames" / "news_frames.yml"
    assert (found.targets, found.story_elements, found.coding_sheets) == (None, None, None)
    assert found.describe()["targets"] == MISSING["targets"]


def test_a_corpus_folder_or_table_brings_its_own_files_and_they_are_not_read_as_articles(tmp_path):
    folder = _corpus(tmp_path / "wind")
    (folder / "targets.yml").write_text("targets:\n  Mara Quist: [Ms Quist]\n", encoding="utf-8")
    (folder / "coding-sheets").mkdir()
    (folder / "coding-sheets" / "coder-ana.csv").write_text("unit_id,question_id,code\n", encoding="utf-8")
    found = find_resources(folder)
    assert found.targets == folder / "targets.yml" and found.coding_sheets == folder / "coding-sheets"
    corpus = load_corpus(folder)
    assert list(corpus.articles["article_id"]) == ["one"] and corpus.problems.empty
    table = folder / "articles-table.csv"
    pd.DataFrame({"text": ["Wind."]}).to_csv(table, index=False)
    assert find_resources(table).targets == folder / "targets.yml"


def test_given_resources_win_and_a_codebook_may_be_named(tmp_path):
    mine = tmp_path / "mine.yml"
    found = find_resources(None, codebook="generic_frames", targets=mine)
    assert found.codebook == paths.data_dir() / "frames" / "generic_frames.yml"
    assert found.targets == mine


def test_a_mistake_is_named_with_its_file_and_line(tmp_path):
    elements = tmp_path / "elements.yml"
    elements.write_text("codebook: Wind farm\nelements:\n  noise:\n    label: Noise\n    terms: [noise, noise]\n",
                        encoding="utf-8")
    with pytest.raises(ResourceError, match=rf"^the story elements: {elements}, line 5: the term 'noise' is listed twice"):
        check_resources(find_resources(None, story_elements=elements))
    with pytest.raises(ResourceError, match=r"no such file or folder \(the watchlist\)"):
        check_resources(find_resources(None, watchlist=tmp_path / "missing.yml"))
    with pytest.raises(ResourceError, match="must be a folder of coder-NAME.csv files"):
        check_resources(find_resources(None, coding_sheets=elements))


def test_the_fingerprint_changes_when_a_resource_is_edited(tmp_path):
    folder = _corpus(tmp_path / "wind")
    targets = folder / "targets.yml"
    targets.write_text("targets:\n  Mara Quist: []\n", encoding="utf-8")
    before = fingerprint(find_resources(folder))
    targets.write_text("targets:\n  Mara Quist: [Ms Quist]\n", encoding="utf-8")
    assert fingerprint(find_resources(folder)) != before


def test_a_resource_beside_the_articles_that_links_outside_the_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.yml"
    outside.write_text("targets:\n  Someone: []\n", encoding="utf-8")
    folder = _corpus(tmp_path / "wind")
    (folder / "story_elements.yml").symlink_to(outside)
    with pytest.raises(ResourceError, match=r"story_elements.yml: a link to .*secret.yml, outside the corpus folder; "
                                            r"refused, not read: copy the file into the corpus folder, or give it "
                                            r"with --story-elements$"):
        find_resources(folder)
