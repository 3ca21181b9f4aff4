"""Property tests over every reader: thousands of generated inputs per format, and for each one no
exception, every record an Article or a Rejected that names the input, and every string one the
store can hold.

Generating a document costs far more than reading it, so each example is read whole and cut
short at a few places (a stream reader's favourite surprise): about four inputs per example.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_files import assert_storable

from newstally.build.ingest import Limits, html_tokens, read_corpus
from newstally.contract.records import Article, Rejected

# Small limits, so that generated inputs reach them too.
LIMITS = Limits(
    max_file_bytes=4096,
    max_record_bytes=2048,
    max_entries=8,
    max_total_uncompressed=64 * 1024,
    max_json_depth=6,
    max_number_digits=30,
)
# 500 examples a format (about 2,000 inputs) keep the whole suite within minutes on a busy 2-core
# machine; raise max_examples for a deeper search after changing a reader.
FUZZ = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


CUTS = st.lists(st.floats(0, 1), max_size=3)


def _check_cut(path: Path, data: bytes, cuts: list[float]) -> None:
    """Checks ``data`` whole, and cut short at each fraction of its length in ``cuts``."""
    _check(path, data)
    for cut in cuts:
        _check(path, data[: int(cut * len(data))])


def _check(path: Path, data: bytes) -> list[Article | Rejected]:
    for old in path.parent.iterdir():
        old.unlink()
    path.write_bytes(data)
    records = list(read_corpus([path], limits=LIMITS))
    assert records, "the input is not accounted for"
    for record in records:
        assert isinstance(record, (Article, Rejected))
        assert record.path.startswith(str(path)), record
        if isinstance(record, Article):
            assert record.text.strip() and record.article_id
        else:
            assert len(record.reason) > 15
    assert_storable(records)
    return records


# --- what the generated inputs are made of -------------------------------------------------------

HOSTILE_TEXT = st.sampled_from(
    [
        "\ud800",
        "\udfff",
        "\x00",
        "\ufeff",
        "\r\n",
        "\u2028",
        "=1+1",
        "\\",
        '"',
        "<",
        "&amp;",
        "---",
        "\x85",
        "\U0001f600",
        "a" * 300,
    ]
)
TEXT = st.one_of(st.text(max_size=60), HOSTILE_TEXT, st.lists(HOSTILE_TEXT, max_size=4).map("".join))
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "utf-8-sig"])
FIELD_NAMES = st.sampled_from(["id", "text", "title", "published", "source", "url", "body", "date", "x"])
DATES = st.sampled_from(["2024-02-30", "2023-10-09", "09/10/2023", "31/12/2023", "9 Oct 2023", "", "x"])
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT, DATES)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(FIELD_NAMES, inner, max_size=5)),
    max_leaves=12,
)
RECORDS = st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=6)
JSON_FRAGMENTS = st.sampled_from(
    [
        "[" * 50,
        "]" * 3,
        '{"a":' * 40,
        "9" * 40,
        "-" + "9" * 40,
        '"\\ud800"',
        '"\\udc00\\ud800"',
        "1e999",
        "NaN",
        ",",
        "\n",
        '"',
        "{",
        "}",
        ":",
        "\\",
    ]
)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


@st.composite
def mutated(draw, base: bytes) -> bytes:
    """``base`` cut, with bytes or JSON fragments spliced in: damaged versions of a valid input."""
    data = base
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.binary(max_size=8), JSON_FRAGMENTS.map(str.encode)))
        data = data[:at] + piece + data[at + draw(st.integers(0, 4)) :]
    return data


@st.composite
def json_documents(draw) -> bytes:
    value = draw(st.one_of(st.lists(RECORDS, max_size=5), RECORDS, JSON_VALUES))
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    data = _encoded(text, draw(ENCODINGS))
    return draw(st.one_of(st.just(data), mutated(data)))


@st.composite
def jsonl_documents(draw) -> bytes:
    lines = [
        json.dumps(v, ensure_ascii=draw(st.booleans()))
        for v in draw(st.lists(st.one_of(RECORDS, JSON_VALUES), max_size=6))
    ]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    return draw(st.one_of(st.just(data), mutated(data)))


@st.composite
def csv_documents(draw) -> bytes:
    header = draw(st.lists(st.one_of(FIELD_NAMES, TEXT), min_size=1, max_size=5))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(st.lists(st.lists(st.one_of(TEXT, DATES), max_size=6), max_size=5))
    quoted = lambda cell: '"' + cell.replace('"', '""') + '"' if draw(st.booleans()) else cell  # noqa: E731
    text = "\n".join(delimiter.join(quoted(c) for c in row) for row in [header, *rows])
    data = _encoded(text, draw(ENCODINGS))
    return draw(st.one_of(st.just(data), mutated(data)))


@st.composite
def text_documents(draw) -> bytes:
    front = draw(
        st.one_of(
            st.just(""),
            st.dictionaries(FIELD_NAMES, TEXT, max_size=4).map(
                lambda d: "---\n" + "".join(f"{k}: {v}\n" for k, v in d.items()) + "---\n"
            ),
        )
    )
    text = front + draw(TEXT)
    return draw(st.one_of(st.binary(max_size=300), st.just(_encoded(text, draw(ENCODINGS)))))


TAGS = st.sampled_from(
    [
        "p",
        "div",
        "article",
        "main",
        "body",
        "head",
        "title",
        "script",
        "style",
        "nav",
        "h1",
        "br",
        "meta",
        "time",
        "a",
        "span",
        "td",
        "B",
        "Script",
    ]
)
ATTRIBUTE_NAMES = st.sampled_from(["name", "property", "content", "rel", "href", "datetime", "charset"])
ATTRIBUTE_VALUES = st.sampled_from(
    ['"a>b"', "'x'", "plain", '"&amp;&lt;"', '"2023-10-09"', '"og:title"', '"canonical"', '"datePublished"']
)


@st.composite
def markup(draw, well_formed: bool) -> str:
    """HTML made of tags, attributes, text, comments and scripts; with ``well_formed`` False also
    of fragments that never close."""
    parts = []
    for _ in range(draw(st.integers(0, 14))):
        tag = draw(TAGS)
        attrs = "".join(f" {draw(ATTRIBUTE_NAMES)}={draw(ATTRIBUTE_VALUES)}" for _ in range(draw(st.integers(0, 2))))
        choices = [
            f"<{tag}{attrs}>",
            f"</{tag}>",
            f"<{tag}{attrs}/>",
            f"<{tag.upper()}\n{attrs.upper()} >",
            f"</{tag} >",
            '<P CLASS = "a&amp;b" ID=x>',
            "<td\n>",
            "&#x41;&#65&lt&notit;",
            draw(st.text(alphabet="ab &;#x12<>\n", max_size=12)).replace("<", "< "),
            "<!-- c -->",
            "<!DOCTYPE html>",
            "&amp; &eacute; &#65;",
            "<script>if (a < b) x()</script>",
        ]
        if not well_formed:
            choices += ["<a b", "<!--", "</", "<?", "<![CDATA[", '<a b="', "<", "&", "\ud800", "</ p>"]
        parts.append(draw(st.sampled_from(choices)))
    return "".join(parts)


@st.composite
def html_documents(draw) -> bytes:
    charset = draw(
        st.sampled_from(["", "utf-8", "utf-7", "punycode", "unicode_escape", "cp1251", "utf-16", "no-such-charset"])
    )
    head = f'<meta charset="{charset}">' if charset else ""
    return _encoded(head + draw(markup(well_formed=False)), draw(ENCODINGS))


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


ANY_DOCUMENT = st.one_of(
    st.tuples(st.just(".json"), json_documents()),
    st.tuples(st.just(".jsonl"), jsonl_documents()),
    st.tuples(st.just(".csv"), csv_documents()),
    st.tuples(st.just(".txt"), text_documents()),
    st.tuples(st.just(".html"), html_documents()),
)


# --- the properties ------------------------------------------------------------------------------


@FUZZ
@given(data=json_documents(), cuts=CUTS)
def test_fuzz_json(folder, data, cuts):
    _check_cut(folder / "f.json", data, cuts)


@FUZZ
@given(data=jsonl_documents(), cuts=CUTS)
def test_fuzz_jsonl(folder, data, cuts):
    _check_cut(folder / "f.jsonl", data, cuts)


@FUZZ
@given(data=csv_documents(), cuts=CUTS)
def test_fuzz_csv(folder, data, cuts):
    _check_cut(folder / "f.csv", data, cuts)


@FUZZ
@given(data=text_documents(), extension=st.sampled_from([".txt", ".md"]), cuts=CUTS)
def test_fuzz_text_and_markdown(folder, data, extension, cuts):
    _check_cut(folder / f"f{extension}", data, cuts)


@FUZZ
@given(data=html_documents(), cuts=CUTS)
def test_fuzz_html(folder, data, cuts):
    _check_cut(folder / "f.html", data, cuts)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@settings(FUZZ, max_examples=400)
@given(
    entries=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "a.txt",
                    "b.json",
                    "c.jsonl",
                    "d.csv",
                    "e.html",
                    "../up.txt",
                    "/abs.txt",
                    "in.zip",
                    "manifest.csv",
                    "x.gz",
                    ".hidden.txt",
                    "dir/",
                    "f.pdf",
                ]
            ),
            st.one_of(st.binary(max_size=200), text_documents(), jsonl_documents()),
        ),
        max_size=10,
    ),
    cuts=CUTS,
)
def test_fuzz_zip(folder, entries, cuts):
    _check_cut(folder / "f.zip", _zip(entries), cuts)


@FUZZ
@given(document=ANY_DOCUMENT, packing=st.sampled_from([".gz", ".bz2"]), cuts=CUTS)
def test_fuzz_compressed(folder, document, packing, cuts):
    extension, data = document
    packed = (gzip.compress if packing == ".gz" else bz2.compress)(data)
    _check_cut(folder / f"f{extension}{packing}", packed, cuts)


# --- the tokenizer reads well-formed markup as html.parser does ----------------------------------


class _Events:
    def __init__(self):
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", self.events[-1][1] + data)
        else:
            self.events.append(("data", data))


class _StandardParser(HTMLParser):
    def __init__(self, sink: _Events):
        super().__init__(convert_charrefs=True)
        self.handle_starttag = sink.handle_starttag
        self.handle_startendtag = sink.handle_startendtag
        self.handle_endtag = sink.handle_endtag
        self.handle_data = sink.handle_data


@settings(FUZZ, max_examples=1000)
@given(html=markup(well_formed=True))
def test_fuzz_tokenizer_agrees_with_html_parser_on_well_formed_markup(html):
    ours, theirs = _Events(), _Events()
    html_tokens.feed(ours, html)
    standard = _StandardParser(theirs)
    standard.feed(html)
    standard.close()
    assert ours.events == theirs.events
