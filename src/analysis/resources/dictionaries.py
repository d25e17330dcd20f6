"""Editable dictionaries kept as YAML under ``data/``: read, validated, and explained when wrong.

Every error names the file and, where YAML knows it, the line, says what is wrong and what to do.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.resources import paths
from analysis.errors import DictionaryError

__all__ = ["default_watchlist", "load_name_lists", "load_speaker_aliases", "load_targets", "load_watchlist",
           "node_lines", "read_yaml"]


def read_yaml(path: str | Path) -> object:
    """Return the parsed YAML of ``path``, or raise DictionaryError naming the line of a syntax error."""
    path = Path(path)
    if not path.is_file():
        raise DictionaryError(f"{path}: no such dictionary file")
    return copy.deepcopy(_parsed(str(path), *_version(path)))


def _version(path: Path) -> tuple[int, int]:
    # A file is parsed again as soon as it is saved with changes (its time or size changes).
    status = path.stat()
    return status.st_mtime_ns, status.st_size


# The tags YAML's safe loader builds (str, int, seq, map, ...); any other tag ("!!python/object/...")
# asks for a Python object or a type of its own, which a dictionary file never needs.
_PLAIN_TAGS = frozenset(tag for tag in yaml.SafeLoader.yaml_constructors if tag) | {"!"}
_TAG_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)


@lru_cache(maxsize=64)
def _parsed(name: str, mtime_ns: int, size: int) -> object:
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
        _refuse_aliases_and_tags(path, text)
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DictionaryError(f"{path}{where}: not valid YAML ({problem}); check the indentation and colons there") from None
    except UnicodeDecodeError:
        raise DictionaryError(f"{path}: not UTF-8 text; save it as UTF-8") from None


def _refuse_aliases_and_tags(path: Path, text: str) -> None:
    """Raise DictionaryError at the first anchor, alias or non-plain tag of a YAML text.

    YAML's events are read one by one and never expanded, so this takes time in proportion to the
    file: a "billion laughs" file (aliases of aliases, nine levels deep) is refused at its first
    anchor instead of being expanded to billions of entries by whatever walks the parsed data.
    """
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DictionaryError(f"{path}, line {line}: anchors and aliases (&name, *name) are not allowed in a "
                                  "dictionary file: write the entries out")
        tag = getattr(event, "tag", None) if isinstance(event, _TAG_EVENTS) else None
        if tag is not None and tag not in _PLAIN_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise DictionaryError(f"{path}, line {line}: the tag '{shown}' is not allowed in a dictionary file "
                                  "(tags can build Python objects); delete it and write plain text, lists "
                                  "and mappings")


def node_lines(path: str | Path) -> dict[tuple, int]:
    """Return {location: line number} for every key and list item of a YAML file.

    A location is the tuple of keys and list indexes leading to it: ("frames", "diplomacy", "terms", 3).
    """
    path = Path(path)
    read_yaml(path)  # syntax errors first, with their line
    return dict(_node_lines(str(path), *_version(path)))


@lru_cache(maxsize=64)
def _node_lines(name: str, mtime_ns: int, size: int) -> dict[tuple, int]:
    root = yaml.compose(Path(name).read_text(encoding="utf-8"))
    lines: dict[tuple, int] = {}

    def walk(node, location: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = location + (key.value,)
                lines[here] = key.start_mark.line + 1
                walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                here = location + (index,)
                lines[here] = item.start_mark.line + 1
                walk(item, here)

    if root is not None:
        walk(root, ())
    return lines


def _where(path: Path, *location) -> str:
    """Return "file, line N" for a key or list item of a YAML file (just the file if not found)."""
    line = node_lines(path).get(tuple(location))
    return f"{path}, line {line}" if line else str(path)


def _default(name: str) -> Path:
    return paths.data_dir() / name


def load_name_lists(path: str | Path | None, *, default: str, section: str) -> dict[str, list[str]]:
    """Return ``{name: [strings]}`` from a YAML file whose ``section`` maps each name to a list of strings.

    Used for speaker aliases and sentiment targets: ``section: {Name: [alias, alias]}``.
    """
    path = Path(path) if path is not None else _default(default)
    data = read_yaml(path)
    if not isinstance(data, dict) or section not in data:
        raise DictionaryError(f"{path}: expected a '{section}:' section at the top level")
    entries = data[section] or {}
    if not isinstance(entries, dict):
        raise DictionaryError(f"{_where(path, section)}: '{section}' must map each name to a list, "
                              "like 'Ana Lind: [Ms Lind, A. Lind]'")
    result: dict[str, list[str]] = {}
    for name, values in entries.items():
        if values is None:
            values = []
        if not isinstance(values, list) or not all(isinstance(value, (str, int, float)) for value in values):
            raise DictionaryError(f"{_where(path, section, name)}: the entries of '{name}' must be a list, "
                                  f"like '{name}: [one, two]'")
        result[str(name)] = [str(value) for value in values]
    return result


def load_speaker_aliases(path: str | Path | None = None) -> dict[str, list[str]]:
    """Return ``{canonical speaker: [other spellings]}`` from ``data/speakers.yml`` or ``path``."""
    return load_name_lists(path, default="speakers.yml", section="aliases")


def load_targets(path: str | Path | None = None) -> dict[str, list[str]]:
    """Return ``{target: [aliases]}`` from ``path`` (default: the bundled corpus's ``targets.yml``);
    the target's own name always counts as one of its aliases."""
    path_used = Path(path) if path is not None else paths.bundled_corpus_dir() / "targets.yml"
    targets = load_name_lists(path_used, default="targets.yml", section="targets")
    for name, aliases in targets.items():
        if name not in aliases:
            aliases.insert(0, name)
    if not targets:
        raise DictionaryError(f"{path_used}: no targets listed under 'targets:'")
    return targets


def default_watchlist() -> Path:
    """Return the package's sentiment watch-list, ``data/sentiment_watchlist.yml``."""
    return _default("sentiment_watchlist.yml")


def load_watchlist(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """Return the sentiment watchlist: ``{"misleading": {word: why}, "blind_spots": {word: why}}``."""
    path = Path(path) if path is not None else default_watchlist()
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DictionaryError(f"{path}: expected 'misleading:' and 'blind_spots:' sections")
    watchlist = {}
    for section in ("misleading", "blind_spots"):
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise DictionaryError(f"{_where(path, section)}: '{section}' must map each word to a short reason, "
                                  "like 'defector: a neutral description in news'")
        watchlist[section] = {str(word).casefold(): str(why or "") for word, why in entries.items()}
    unknown = set(data) - {"misleading", "blind_spots"}
    if unknown:
        first = sorted(unknown)[0]
        raise DictionaryError(f"{_where(path, first)}: unknown section '{first}'; use 'misleading' or 'blind_spots'")
    return watchlist
