"""Reading speed of every reader, on real articles and on the worst shapes known for each.

    python bench/bench_readers.py [--corpus PATH] [--mb N]

Reading only: files to Articles and Rejected (``read_corpus``), no extraction. Real articles are
the Al Jazeera corpus written out in each format (about --mb MB of input per format). The worst
shapes are hostile inputs made to cost a reader the most per byte (issue 15): a reader whose time
grew with the square of the input would show a falling MB/s from one size to the next, so each
shape is timed at two sizes. Last, the 2.3 MB page of issue 15 (100,000 stray end tags), read
alone and built whole (its 100,000 figures extracted and stored).
"""

from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from common import ALJAZEERA, ROOT, machine, newstally

sys.path.insert(0, str(ROOT))
from newstally.build.ingest import Limits, read_corpus  # noqa: E402

LIMITS = Limits()


def _records(corpus: Path, n_bytes: int) -> list[dict]:
    out, total = [], 0
    with corpus.open(encoding="utf-8") as lines:
        while total < n_bytes:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    out.append({**record, "id": f"{record['id']}-{len(out)}"})
                    total += len(line)
                    if total >= n_bytes:
                        break
            lines.seek(0)
    return out


def _page(record: dict) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in record["text"].split("\n") if p.strip())
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{record.get("title", "")}</title>'
        f'<script>var x = 1 < 2;</script></head><body><nav><a href="/">Home</a></nav>'
        f"<article><h1>{record.get('title', '')}</h1>{paragraphs}</article>"
        f"<footer>(c) Example</footer></body></html>"
    )


def real_inputs(folder: Path, records: list[dict]) -> dict[str, Path]:
    """One input per reader, all holding the same articles."""
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    paths = {}
    paths[".jsonl"] = folder / "a.jsonl"
    paths[".jsonl"].write_bytes(jsonl)
    paths[".json"] = folder / "a.json"
    paths[".json"].write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    paths[".csv"] = folder / "a.csv"
    with paths[".csv"].open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["id", "title", "published", "text"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    for extension, render in (
        (".txt", lambda r: r["text"]),
        (".md", lambda r: f"---\ntitle: {r.get('title', '')}\npublished: {r.get('published', '')}\n---\n{r['text']}"),
        (".html", _page),
    ):
        paths[extension] = folder / extension.lstrip(".")
        paths[extension].mkdir()
        for r in records:
            (paths[extension] / f"{r['id']}{extension}").write_text(render(r), encoding="utf-8")
    paths[".zip"] = folder / "a.zip"
    with zipfile.ZipFile(paths[".zip"], "w", zipfile.ZIP_DEFLATED) as archive:
        for r in records:
            archive.writestr(f"{r['id']}.txt", r["text"])
    paths[".jsonl.gz"] = folder / "a.jsonl.gz"
    paths[".jsonl.gz"].write_bytes(gzip.compress(jsonl))
    paths[".jsonl.bz2"] = folder / "a.jsonl.bz2"
    paths[".jsonl.bz2"].write_bytes(bz2.compress(jsonl))
    return paths


# name -> (file extension, content for about n bytes)
WORST_SHAPES = {
    "html: 100,000-style stray end tags": (
        ".html",
        lambda n: "<html><body>" + "<span>" * (n // 40) + "</b>text 3 killed" * (n // 40),
    ),
    "html: '<a b' never closed": (".html", lambda n: "<a b" * (n // 4)),
    "html: '<!--' never closed": (".html", lambda n: "<!--" * (n // 4)),
    "html: '<![CDATA[' repeated": (".html", lambda n: "<![CDATA[" * (n // 9)),
    "html: '<p>x</p>' (densest real tags)": (".html", lambda n: "<p>x</p>" * (n // 8)),
    "html: open <div> nested": (".html", lambda n: "<div>" * (n // 5) + "x"),
    "html: entities": (".html", lambda n: "&amp;&#123;&#x41;&foo" * (n // 21)),
    "txt: front matter line of spaces": (".txt", lambda n: "---\na" + " " * n + "\n---\nbody"),
    "txt: one line": (".txt", lambda n: "word " * (n // 5)),
    "json: nested 100,000 deep": (".json", lambda n: "[" * (n // 2) + "]" * (n // 2)),
    "json: list of tiny records": (".json", lambda n: "[" + ",".join(['{"text":"x"}'] * (n // 13)) + "]"),
    "json: 5,000-digit numbers": (
        ".json",
        lambda n: "[" + ",".join(['{"text":"x","n":' + "7" * 5000 + "}"] * (n // 5020)) + "]",
    ),
    "json: one string of backslashes": (".json", lambda n: '{"text": "' + "\\\\" * (n // 2) + '"}'),
    "jsonl: lines nested deep": (".jsonl", lambda n: ("[" * 5000 + "]" * 5000 + "\n") * (n // 10001)),
    "jsonl: empty lines": (".jsonl", lambda n: "\n" * n + '{"text": "x"}'),
    "csv: tiny rows": (".csv", lambda n: "text\n" + "x\n" * (n // 2)),
    "csv: one quoted cell of newlines": (".csv", lambda n: 'text\n"' + "\n" * n + '"\n'),
}


def _read_seconds(path: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    n_articles = n_rejected = 0
    for record in read_corpus([path], limits=LIMITS):
        if type(record).__name__ == "Article":
            n_articles += 1
        else:
            n_rejected += 1
    return time.perf_counter() - started, n_articles, n_rejected


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ALJAZEERA)
    parser.add_argument("--mb", type=float, default=10.0, help="MB of real articles per format (default 10)")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = _records(args.corpus, int(args.mb * 2**20))
        print(f"\nreal articles: {len(records):,} from {args.corpus}")
        print(f"{'reader':12} {'input MB':>9} {'seconds':>8} {'MB/s':>7} {'articles':>9}")
        (folder / "real").mkdir()
        for name, path in real_inputs(folder / "real", records).items():
            seconds, n_articles, _ = _read_seconds(path)
            size = _size(path) / 2**20
            print(f"{name:12} {size:9.1f} {seconds:8.2f} {size / seconds:7.1f} {n_articles:9,}")

        print("\nworst shapes (MB/s at two sizes: linear time keeps it level)")
        print(f"{'shape':42} {'1 MB':>8} {'4 MB':>8}  outcome")
        for name, (extension, make) in WORST_SHAPES.items():
            rates, outcome = [], ""
            for n_bytes in (2**20, 4 * 2**20):
                path = folder / f"shape{extension}"
                path.write_text(make(n_bytes), encoding="utf-8")
                seconds, n_articles, n_rejected = _read_seconds(path)
                rates.append(path.stat().st_size / 2**20 / seconds)
                outcome = f"{n_articles} articles, {n_rejected} rejected"
            print(f"{name:42} {rates[0]:8.1f} {rates[1]:8.1f}  {outcome}")

        page = folder / "issue15" / "stray_end_tags.html"
        page.parent.mkdir()
        page.write_text("<html><body>" + "<span>" * 100_000 + "</b>text 3 killed" * 100_000, encoding="utf-8")
        seconds, _, _ = _read_seconds(page)
        print(
            f"\nissue 15's page ({page.stat().st_size / 2**20:.1f} MB, 100,000 stray end tags): read in "
            f"{seconds:.2f} s (was 136 s)"
        )
        started = time.perf_counter()
        out = subprocess.run(
            newstally("build", str(page.parent), "--store", str(folder / "s.duckdb")),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        print(f"built whole in {time.perf_counter() - started:.1f} s, interpreter start included: {out.strip()}")


if __name__ == "__main__":
    main()
