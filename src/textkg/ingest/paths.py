"""The files an input names: a file as given, the input files under a directory, the files a glob
pattern matches, or ``-`` for standard input.

Searched here rather than with ``glob`` or ``pathlib``: the standard ``glob`` follows symbolic
links under ``**``, so two links that loop back make it exponential (it hangs), and both skip a
directory they cannot read without a word, while textkg must report it. As ``find`` and bash's
``globstar`` do, a search never descends through a link to a directory (links to files are read);
a pattern's explicit parts (``corpus/*/x.txt``) may cross links, at most as deep as the pattern.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md"})
CORPUS_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | CORPUS_SUFFIXES
STDIN = "-"
GLOB_CHARS = frozenset("*?[")
RECURSIVE = "**"

OnUnreadable = Callable[[Path, OSError], None]
"""Told about each directory that a search could not read (its files are then missing)."""


def expand_paths(paths: Iterable[str | Path], on_unreadable: OnUnreadable, exclude: Iterable[str | Path] = ()) -> list[Path]:
    """The inputs named by ``paths``, each once, in a stable order: files as given (any suffix: an
    unsupported one is reported when read), ``-`` for standard input, and the input files under a
    directory or matching a glob pattern, except those under a directory in ``exclude``.

    Raises InputError for a path that does not exist, or a directory or pattern with no input files.
    """
    excluded = tuple(Path(p).resolve() for p in exclude)
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        text = str(raw)
        path = Path(raw)
        if text == STDIN:
            found = [Path(STDIN)]
        elif path.is_dir():
            found = _inputs_under(path, excluded, on_unreadable)
            if not found:
                raise InputError(path, f"no input files ({', '.join(sorted(SUPPORTED_SUFFIXES))}) in this directory")
        elif path.is_file():
            found = [path]
        elif GLOB_CHARS & set(text):
            found = _inputs_matching(text, excluded, on_unreadable)
            if not found:
                raise InputError(text, f"no input files ({', '.join(sorted(SUPPORTED_SUFFIXES))}) match this pattern")
        else:
            raise InputError(path, "no such file or directory")
        for item in found:
            key = item if str(item) == STDIN else item.resolve()
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files


def _is_excluded(path: Path, excluded: tuple[Path, ...]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(directory) for directory in excluded)


def _is_input(path: Path, excluded: tuple[Path, ...]) -> bool:
    return path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not _is_excluded(path, excluded)


def _inputs_under(directory: Path, excluded: tuple[Path, ...], on_unreadable: OnUnreadable) -> list[Path]:
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        on_unreadable(Path(exc.filename) if exc.filename else directory, exc)

    for root, subdirectories, names in os.walk(directory, onerror=unreadable):  # never through links
        here = Path(root)
        subdirectories[:] = [name for name in subdirectories if not _is_excluded(here / name, excluded)]
        found.extend(path for name in names if _is_input(path := here / name, excluded))
    return sorted(found)


def _inputs_matching(pattern: str, excluded: tuple[Path, ...], on_unreadable: OnUnreadable) -> list[Path]:
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if GLOB_CHARS & set(part))
    base = Path(*parts[:first]) if first else Path(".")
    found: list[Path] = []
    for match in sorted(set(_PatternSearch(on_unreadable).matches(base, parts[first:])), key=str):
        if match.is_dir():
            found.extend(_inputs_under(match, excluded, on_unreadable))
        elif _is_input(match, excluded):
            found.append(match)
    return found


class _PatternSearch:
    """One expansion of a pattern, with glob's rules: ``**`` for any number of directories, names
    starting with a dot matched only by a part starting with one. Each directory is listed once
    and each (directory, rest of the pattern) searched once, so repeated ``**`` cost no more."""

    def __init__(self, on_unreadable: OnUnreadable) -> None:
        self._on_unreadable = on_unreadable
        self._listings: dict[Path, list[os.DirEntry]] = {}
        self._visited: set[tuple[Path, int]] = set()

    def matches(self, directory: Path, parts: tuple[str, ...]) -> Iterator[Path]:
        if (directory, len(parts)) in self._visited:
            return
        self._visited.add((directory, len(parts)))
        if not parts:
            yield directory
            return
        part, rest = parts[0], parts[1:]
        if part == RECURSIVE:
            yield from self.matches(directory, rest)
            for entry in self._entries(directory):
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                    yield from self.matches(directory / entry.name, parts)
            return
        if not GLOB_CHARS & set(part):
            candidates = [directory / part] if os.path.lexists(directory / part) else []
        else:
            candidates = [
                directory / entry.name
                for entry in self._entries(directory)
                if fnmatch.fnmatchcase(entry.name, part) and (part.startswith(".") or not entry.name.startswith("."))
            ]
        for path in candidates:
            if not rest:
                yield path
            elif path.is_dir():
                yield from self.matches(path, rest)

    def _entries(self, directory: Path) -> list[os.DirEntry]:
        if directory not in self._listings:
            self._listings[directory] = self._list(directory)
        return self._listings[directory]

    def _list(self, directory: Path) -> list[os.DirEntry]:
        try:
            with os.scandir(directory) as listing:
                return sorted(listing, key=lambda entry: entry.name)
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            self._on_unreadable(directory, exc)
            return []
