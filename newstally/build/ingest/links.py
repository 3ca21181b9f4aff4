"""Symbolic links inside a corpus folder: which are followed, and why the others are not.

A link is followed only when it stays inside the folder being read (the corpus root) and leads
somewhere the walk would not reach by itself (a hidden folder, say). Every other link becomes a
Rejected with its reason, never an error and never silence:

- broken (its target does not exist) or looping (it leads back to itself);
- pointing outside the corpus folder: a corpus of news articles has no business reading
  ``/etc/passwd`` because a link in it says so;
- pointing at a file or folder the walk reads in its own place, which would be read twice
  (a link back to a parent folder is the usual case, and would otherwise go round forever).

The folder given as the corpus may itself be a link: its target is the root.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from .options import os_reason


class Links:
    """The link policy for one walk of the corpus folder ``root``; ``hidden(relative_path)`` says
    whether the walk leaves a path out by itself."""

    def __init__(self, root: Path, hidden: Callable[[str], bool]):
        self._root = os.path.realpath(root)
        self._hidden = hidden
        self._followed: set[str] = {self._root}  # real folders the walk has entered through links

    def problem(self, path: Path, kind: str) -> str | None:
        """None when ``path`` is no link, or a link to follow; else why it is not followed.

        ``kind`` is "file", "folder" or "manifest" (a manifest is metadata, not an article, so
        reading it from its own place as well does no harm).
        """
        if not path.is_symlink():
            return None
        try:
            target = os.readlink(path)
            real = os.path.realpath(path, strict=True)
        except OSError as error:
            return _unfollowable(path, error)
        inside = os.path.relpath(real, self._root)
        if inside == os.pardir or inside.startswith(os.pardir + os.sep):
            return (
                f"link to {real}, outside the folder being read; newstally follows links only "
                f"within the corpus folder, so copy the {_noun(kind)} into it, or give it as a "
                "corpus of its own"
            )
        if kind != "manifest" and not self._hidden(inside.replace(os.sep, "/")):
            where = "the corpus folder itself" if inside == os.curdir else inside
            return (
                f"link to {where}, which is read in its own place; the link is left out so the "
                f"{_noun(kind)} is not read twice (the link was {target})"
            )
        if kind == "folder":
            if real in self._followed:
                return (
                    f"link to {target}, a folder already read through another link; left out, "
                    "as following it again would read it twice or go round in circles"
                )
            self._followed.add(real)
        return None


def _unfollowable(path: Path, error: OSError) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    if error.errno == errno.ELOOP:
        return (
            f"link loop: {target} leads back to itself through links, so there is nothing to "
            "read; correct the link or remove it"
        )
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"broken link: it points to {target}, which does not exist; correct the link or remove it"
    return f"link to {target} could not be followed: {os_reason(error)}"


def _noun(kind: str) -> str:
    return "folder" if kind == "folder" else "file"
