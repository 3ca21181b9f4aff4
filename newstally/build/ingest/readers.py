"""One Source to the Articles and Rejected it holds, chosen by its extension."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator

from newstally.contract.records import Article, Rejected

from .charsets import web_charset
from .compressed import COMPRESSIONS, unpacked_source
from .fields import article_from_values, metadata_values
from .html_text import declared_charset, page
from .options import EXTENSIONS, FieldMap, Limits, RejectedInput, os_reason, unexpected_reason
from .sources import Source, whole_file
from .structured import csv_articles, json_articles, jsonl_articles
from .text import article_text, bom_encoding, decoded_text, front_matter, normalised_text


def source_articles(source: Source, fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    """The Articles in ``source``, or Rejected for it or its records; never raises for bad input.

    Zip archives are not read here (see ``archives``): an archive inside an archive, or a .zip
    that is not a file on disk, is Rejected by the caller. A .gz or .bz2 file is read as the file
    it holds (see ``compressed``).
    """
    try:
        if source.extension in COMPRESSIONS:
            yield from source_articles(unpacked_source(source, limits), fields, limits)
        elif source.extension in (".txt", ".md"):
            yield _text_file_article(source, fields, limits)
        elif source.extension in (".html", ".htm"):
            yield _page_article(source, fields, limits)
        elif source.extension == ".json":
            yield from json_articles(source, fields, limits)
        elif source.extension == ".jsonl":
            yield from jsonl_articles(source, fields, limits)
        elif source.extension == ".csv":
            yield from csv_articles(source, fields, limits)
        else:
            yield Rejected(source.path, unsupported_reason(source.extension))
    except RejectedInput as error:
        yield Rejected(source.path, error.reason)
    except UnicodeDecodeError as error:
        yield Rejected(
            source.path,
            f"not valid {error.encoding.upper()} text ({error.reason}), "
            "though it starts like it; save it again as UTF-8",
        )
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        yield Rejected(source.path, f"could not be read: {os_reason(error)}")
    except Exception as error:  # noqa: BLE001 - one input's surprise must not stop the build
        yield Rejected(source.path, unexpected_reason(error))


def unsupported_reason(extension: str) -> str:
    """Why a file with ``extension`` is not read, and which extensions are."""
    shown = f"file type {extension}" if extension else "file without an extension"
    plain = [e for e in EXTENSIONS if e not in COMPRESSIONS]
    packed = " or ".join(COMPRESSIONS)
    readable = ", ".join(plain[:-1]) + " and " + plain[-1]
    return (
        f"unsupported {shown}; newstally reads {readable} files, also compressed as {packed}, "
        "so convert it to one of these (for example plain text as .txt) or leave it out of "
        "the corpus"
    )


def _text_file_article(source: Source, fields: FieldMap, limits: Limits) -> Article:
    text = decoded_text(whole_file(source, limits.max_file_bytes))
    values, body = front_matter(text)
    if values and not body.strip():
        raise RejectedInput(
            "no text after the front matter: the file holds only the '---' block "
            "of title, date and the like; put the article text below the closing "
            "'---'"
        )
    # Front matter speaks for its own file, so it wins over a manifest row.
    return article_from_values(
        article_text(body),
        metadata_values(values, fields),
        fallback_id=source.stem,
        path=source.path,
        metadata=source.metadata,
    )


def _page_article(source: Source, fields: FieldMap, limits: Limits) -> Article:
    data = whole_file(source, limits.max_file_bytes)
    charset = web_charset(declared_charset(data))
    html = None
    if charset and not bom_encoding(data):
        try:
            html = normalised_text(data.decode(charset))
        except (LookupError, UnicodeError):
            html = None  # a wrong declaration is common; the usual detection follows
    if html is None:
        html = decoded_text(data)
    found = page(html)
    if not found.text.strip():
        raise RejectedInput(
            "no readable text in the page: after leaving out scripts, styles, "
            "navigation, headers and footers nothing was left; save the article "
            "itself as .txt or .html"
        )
    from_page = {"title": found.title, "published": found.published, "source": found.source, "url": found.url}
    # What a user wrote in a manifest wins over what the page's markup claims.
    return article_from_values(
        found.text, source.metadata, fallback_id=source.stem, path=source.path, metadata=from_page
    )
