"""What a server accepts as an uploaded corpus file, checked on the server: a browser's own check
of size and extension is a courtesy to the user, not a guard, since any client can skip it."""

from __future__ import annotations

from pathlib import PurePosixPath

from .compressed import COMPRESSIONS, inner_problem
from .options import EXTENSIONS, MB, Limits, human_size

DEFAULT_MAX_UPLOAD_BYTES = 200 * MB
# Read whole as one article (see Limits): bigger ones are refused now rather than after the upload.
_ONE_ARTICLE = (".txt", ".md", ".html", ".htm")


def check_upload(
    name: str, size: int, max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, limits: Limits = Limits()
) -> str | None:
    """None when an uploaded file called ``name`` of ``size`` bytes may be built; else the reason
    to show the user (what was expected, what came, what to do).

    Checks the extension (a compressed file by the one inside it, as in articles.jsonl.gz), the
    size against ``max_bytes``, and the size of a one-article file against
    ``limits.max_file_bytes``. The content is judged by the build, which rejects with a reason.
    """
    shown = PurePosixPath(name.replace("\\", "/")).name
    if not shown.strip(". "):
        return "the file has no name; give it a name with its extension, like articles.jsonl"
    extension = PurePosixPath(shown).suffix.lower()
    if extension not in EXTENSIONS:
        readable = ", ".join(EXTENSIONS)
        what = f"a {extension} file" if extension else "a file without an extension"
        return (
            f"{shown} is {what}; newstally reads {readable}, so convert it to one of these "
            "(for example plain text as .txt)"
        )
    if extension in COMPRESSIONS:
        problem = inner_problem(shown)
        if problem:
            return f"{shown}: {problem}"
    if size < 0:
        return f"{shown} reports a size of {size} bytes, which no file has; upload it again"
    if size > max_bytes:
        return (
            f"{shown} is {human_size(size)}, over the {human_size(max_bytes)} upload limit; split "
            "it, compress it (.gz), or build it on the command line: newstally build FILE"
        )
    if extension in _ONE_ARTICLE and size > limits.max_file_bytes:
        return (
            f"{shown} is {human_size(size)}, over the {human_size(limits.max_file_bytes)} limit "
            "for one article; split it into smaller files"
        )
    return None
