"""Records (JSON objects, CSV rows, front matter, manifest rows) to Article fields.

The usual names of each field are schema, not language, so they live here as a small constant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newstally.contract.records import Article

from .dates import iso_date
from .options import FIELD_FLAGS, FieldMap, RejectedInput
from .text import article_text, normalised_text

FIELDS = ("id", "text", "title", "published", "source", "url")

# Usual names of each field, most specific first; compared after ``field_key``.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "docid", "document_id", "uid", "uuid"),
    "text": ("text", "body", "content", "article", "articles", "full_text", "article_text", "body_text", "maintext"),
    "title": ("title", "headline", "headlines", "heading"),
    "published": (
        "published",
        "date",
        "published_at",
        "pubdate",
        "pub_date",
        "publish_date",
        "published_date",
        "publication_date",
        "date_published",
        "datepublished",
        "datetime",
    ),
    "source": ("source", "outlet", "publisher", "source_name", "site_name", "newspaper"),
    "url": ("url", "link", "uri", "href", "web_url"),
}

_KEY_SEPARATORS = re.compile(r"[\s\-]+")


def field_key(name: str) -> str:
    """``name`` as it is compared: lower case, spaces and hyphens as underscores."""
    return _KEY_SEPARATORS.sub("_", name.strip().lower())


def resolved_fields(keys: Iterable[str], fields: FieldMap) -> dict[str, str | None]:
    """For each field, the key among ``keys`` that holds it, or None when none does.

    A name given in ``fields`` is looked up alone: when it is missing the field is None, and
    ``missing_named_fields`` says so, rather than falling back to a usual name.
    """
    by_key: dict[str, str] = {}
    for key in keys:
        by_key.setdefault(field_key(str(key)), key)
    resolved: dict[str, str | None] = {}
    for name in FIELDS:
        given = getattr(fields, name)
        if given:
            resolved[name] = by_key.get(field_key(given))
        else:
            resolved[name] = next((by_key[s] for s in SYNONYMS[name] if s in by_key), None)
    return resolved


def missing_named_fields(resolved: Mapping[str, str | None], fields: FieldMap) -> list[str]:
    """A phrase for each field named in ``fields`` that ``resolved`` did not find."""
    return [
        f"'{getattr(fields, name)}' (given with {FIELD_FLAGS[name]})"
        for name in FIELDS
        if getattr(fields, name) and resolved[name] is None
    ]


def no_text_reason(keys: Iterable[str], fields: FieldMap, key_word: str) -> str:
    """Why a record or file with these ``keys`` has no text, and how to point at it.

    ``key_word`` is what the format calls a key: "field" for JSON, "column" for CSV.
    """
    found = ", ".join(str(k) for k in keys) or "none"
    if fields.text:
        return (
            f"no {key_word} named '{fields.text}' (given with --text-field) "
            f"({key_word}s found: {found}); check the name"
        )
    usual = _listed(SYNONYMS["text"][:5])
    return (
        f"looked for a {key_word} named {usual} ({key_word}s found: {found}); name the {key_word} "
        f"that holds the article text with --text-field {key_word.upper()}"
    )


def record_article(
    record: Mapping,
    resolved: Mapping[str, str | None],
    fields: FieldMap,
    *,
    fallback_id: str,
    path: str,
    key_word: str = "field",
) -> Article:
    """The Article a record holds; raises RejectedInput when it has no usable text.

    ``resolved`` is ``resolved_fields`` of the record's keys (the same for every row of a CSV);
    ``key_word`` is "field" or "column", as the reasons should say.
    """
    text_key = resolved["text"]
    if text_key is None or text_key not in record:
        raise RejectedInput("record has no text: " + no_text_reason(record.keys(), fields, key_word))
    raw = record[text_key]
    if isinstance(raw, list) and all(isinstance(part, str) for part in raw):
        raw = "\n".join(raw)  # a list of paragraphs
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise RejectedInput(
            f"{key_word} '{text_key}' holds {json_type(raw)}, not text; it should hold the article text as a string"
        )
    try:
        text = article_text(normalised_text(raw), "text")
    except RejectedInput:
        raise RejectedInput(
            f"record has empty text in {key_word} '{text_key}'; there is nothing to "
            "read, so fill it in or leave the record out"
        ) from None
    values = {name: _plain(record.get(key)) if key else "" for name, key in resolved.items() if name != "text"}
    return article_from_values(text, values, fallback_id=fallback_id, path=path)


def metadata_values(record: Mapping, fields: FieldMap) -> dict[str, str]:
    """The id, title, published, source and url a record gives, as plain strings ("" if absent)."""
    resolved = resolved_fields(record.keys(), fields)
    return {name: _plain(record.get(key)) if key else "" for name, key in resolved.items() if name != "text"}


def article_from_values(
    text: str, values: Mapping[str, str], *, fallback_id: str, path: str, metadata: Mapping[str, str] | None = None
) -> Article:
    """An Article of ``text`` with the first non-empty of ``values`` and ``metadata`` per field."""
    sources = (values, metadata or {})

    def pick(name: str) -> str:
        return next((found for found in (s.get(name) for s in sources) if found), "")

    return Article(
        article_id=pick("id") or fallback_id,
        text=text,
        title=pick("title"),
        source=pick("source"),
        url=pick("url"),
        # an unreadable date in the record should not hide a readable one in the manifest
        published=next((d for d in (iso_date(s.get("published")) for s in sources) if d), ""),
        path=path,
    )


def _plain(value: object) -> str:
    # Metadata is one line: collapse newlines and runs of spaces a CSV or JSON export left in it.
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def json_type(value: object) -> str:
    """What a JSON value is, as a user would say it: "a number", "a list", ..."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return type(value).__name__


def _listed(names: Iterable[str]) -> str:
    names = list(names)
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
