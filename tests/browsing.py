"""What the browser tests share: a dashboard served on a store, waiting for Streamlit to draw,
screenshots, the contrast check, and a crowded store (the issue's shapes at a small size).

Not a test module: the browser test modules import it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Every text node on the page measured against the background it sits on (WCAG 2 AA: 4.5:1, 3:1
# for large text). Icons (ligature text) and disabled controls are left out; a slider's value sits
# above its thumb, on the page (not on the thumb it is nested in); text on heat grid cells is
# checked by the chart's own tests.
CONTRAST = """() => {
  const parse = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = el => { const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; for (const c of layers.reverse()) bg = over(c, bg); return bg; };
  const failing = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim(); const el = n.parentElement;
    if (!text || !el || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const box = el.getBoundingClientRect(); if (box.width <= 1 || box.height <= 1) continue;  // for screen readers
    if (el.closest('[data-testid=stIconMaterial], [disabled], [aria-disabled=true], .textpoint')) continue;
    const style = getComputedStyle(el); const svg = el instanceof SVGElement;
    if (/Material/.test(style.fontFamily)) continue;  // an icon's name, drawn as the icon
    let fg = parse(svg && style.fill !== 'none' ? style.fill : style.color); if (!fg) continue;
    if (svg) fg[3] *= parseFloat(style.fillOpacity || 1);
    const onPage = svg || el.closest('[data-testid=stSliderThumbValue]');
    const bg = onPage ? [255, 255, 255, 1] : background(el); const shown = over(fg, bg);
    const ratio = (Math.max(lum(shown), lum(bg)) + 0.05) / (Math.min(lum(shown), lum(bg)) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (parseInt(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) failing.push(`${text.slice(0, 40)} (${ratio.toFixed(2)}:1)`);
  }
  return failing;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(store: Path):
    """The URL of ``streamlit run dashboard.py`` on ``store``, stopped on exit."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, "NEWSTALLY_STORE": str(store)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not answer on {url}") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def settle(page, timeout: float = 60_000) -> None:
    """Waits until Streamlit has finished rerunning the script and drawing its charts and tables."""
    try:  # a rerun may already be over by the time we look
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=1_500)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError: nothing was running
        pass
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]') && "
        "Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))"
        ".filter(c => c.checkVisibility()).every(c => c.querySelector('.main-svg'))",
        timeout=timeout,
    )


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]')
    settle(page)


def screenshot(page, name: str) -> Path:
    """Saves the whole page (Streamlit scrolls inside its own container: the window is made as tall
    as the page first) to tests/artifacts/NAME.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stMainBlockContainer]')).map(e => e.scrollHeight), 900)"
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 120, 6000)})
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def eventually(read, expected, timeout: float = 20):
    """``read()`` once it equals ``expected`` (the URL changes before the rerun ends), or its last value."""
    deadline = time.monotonic() + timeout
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.25)
        value = read()
    return value


def chart_data(page, index: int = 0) -> dict:
    """What plotly drew in the ``index``-th chart of the page: its traces and its axes, as laid out."""
    return page.evaluate(
        """i => {
      const plot = document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')[i];
      const axis = a => a && {range: a.range, type: a.type, dtick: a.dtick, title: a.title && a.title.text,
                              ticktext: a.ticktext, tickvals: a._vals && a._vals.map(v => v.text)};
      const layout = plot._fullLayout; const axes = {};
      for (const key of Object.keys(layout)) if (/^[xy]axis\\d*$/.test(key)) axes[key] = axis(layout[key]);
      return {axes, title: layout.title && layout.title.text, traces: plot._fullData.map(t => ({name: t.name,
        mode: t.mode, type: t.type, y: Array.from(t.y || []), x: Array.from(t.x || []),
        color: t.marker && t.marker.color, symbol: t.marker && t.marker.symbol, dash: t.line && t.line.dash,
        yaxis: t.yaxis}))}; }""",
        index,
    )


def table_cells(page, column: int, table: int = 0) -> list[str]:
    """The visible cells of a column of a table (Streamlit's grid keeps an accessible copy)."""
    page.wait_for_selector('[data-testid="stDataFrame"] td[role="gridcell"]', state="attached")
    cells = page.locator('[data-testid="stDataFrame"]').nth(table).locator(f'td[aria-colindex="{column}"]')
    return cells.all_text_contents()  # at once: the grid swaps its rows as it scrolls


def column_index(page, name: str, table: int = 0) -> int:
    """The aria-colindex of the column headed ``name``."""
    page.wait_for_selector('[data-testid="stDataFrame"] th[role="columnheader"]', state="attached")
    headers = page.locator('[data-testid="stDataFrame"]').nth(table).locator('th[role="columnheader"]')
    for i in range(headers.count()):
        if headers.nth(i).text_content().strip() == name:
            return int(headers.nth(i).get_attribute("aria-colindex"))
    raise AssertionError(f"no column {name!r}")


def select_row(page, row: int = 0, table: int = 0) -> None:
    """Ticks the selection box of the ``row``-th row of a table (the grid draws on a canvas)."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(table)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 34 * row + 17)
    settle(page)


# --- the crowded store -----------------------------------------------------------------------------


def _row(table: str, **values) -> tuple:
    # rows by column name, so columns added to the schema later come in empty
    from newstally.contract.schema import columns

    return tuple(values.get(column) for column in columns(table))


LONG_STATEMENT = ("the ceasefire talks would go on through the night " * 8).strip()
N_PEOPLE = 720  # speakers quoted once each (three an article): more than one page of the speakers table


def _spans(written: list) -> tuple[str, list[tuple[str, str, int, int, str]]]:
    """The article made of ``written`` (sentence, marks) and each mark's (kind, text, start, end, sentence)."""
    spans, offset = [], 0
    for sentence, marks in written:
        for kind, text in marks:
            at = offset + sentence.index(text)
            spans.append((kind, text, at, at + len(text), sentence))
        offset += len(sentence) + 1
    return " ".join(sentence for sentence, _ in written), spans


def build_crowded_store(path: Path) -> Path:
    """A store shaped like the issue's corpus, small: one source reports 1,200 killed figures (and a
    few misread millions), five named speakers report a handful each; two groups of speakers are
    quoted together; 720 speakers are quoted once; a range reaches 2,000,000; a statement is long;
    four inputs were rejected. Dates run from 2023-10-07 over 200 days, inside the bundled
    reference."""
    from newstally.build.store import write_meta, writing

    articles, texts, figures, statements = [], [], [], []
    start = date(2023, 10, 7)
    named = {f"speaker-{n}": f"Speaker {word}" for n, word in enumerate(["One", "Two", "Three", "Four", "Five"], 1)}
    groups = [("speaker-1", "speaker-2", "speaker-3"), ("speaker-4", "speaker-5")]
    for i in range(240):
        aid = f"a{i:03d}"
        day = start + timedelta(days=i * 200 // 240)
        written: list[tuple[str, tuple[tuple[str, str], ...]]] = []

        def add(sentence: str, *marks: tuple[str, str], into=written) -> None:
            into.append((sentence, marks))

        for k in range(5):  # the source's own figures: a cumulative toll, and a few small event counts
            value = 150 * i + 7 * k if k < 3 else 2 + k
            if i % 80 == 5 and k == 0:
                value = 2_300_000  # "2.3 million people", misread as killed
            add(f"Officials said {value:,} people were killed.", ("figure", f"{value:,} people"))
        group = groups[i % 2]
        for speaker in group:
            add(
                f"“We counted {3 + i % 4} dead,” said {named[speaker]}.",
                ("figure", f"{3 + i % 4} dead"),
                ("statement", f"We counted {3 + i % 4} dead"),
            )
        people = [f"Person {3 * i + j:03d}" for j in range(3)]
        for name in people:
            add(f"“I saw it,” said {name}.", ("statement", "I saw it"))
        if i == 0:
            add(f"“{LONG_STATEMENT},” said Speaker One.", ("statement", LONG_STATEMENT))
            add(
                "Between 1,000,000 and 2,000,000 people were displaced.",
                ("figure", "Between 1,000,000 and 2,000,000 people"),
            )
            add("About 60% of them were killed.", ("figure", "60%"))
        text, spans = _spans(written)
        articles.append(
            _row(
                "articles",
                article_id=aid,
                title=f"Report {i}",
                source="Big Source" if i % 6 else "Other Wire",
                url="",
                published=day,
                n_words=len(text.split()),
                content_hash=aid,
                path=f"{aid}.txt",
                extractor_version="crowded",
            )
        )
        texts.append(_row("texts", article_id=aid, text=text))
        n_fig = n_st = 0
        who = {**{s: named[s] for s in group}, **{n.lower().replace(" ", "-"): n for n in people}}
        for kind, marked, begin, end, sentence in spans:
            if kind == "figure":
                speaker = next((s for s in group if named[s] in sentence), None)
                low, high = (1_000_000, 2_000_000) if marked.startswith("Between") else (None, None)
                value = 1_500_000 if low else float(marked.split()[0].replace(",", "").rstrip("%"))
                unit = "percent" if marked.endswith("%") else "people"
                category = "displaced" if low else "killed"
                figures.append(
                    _row(
                        "figures",
                        figure_id=f"{aid}:f{n_fig}",
                        article_id=aid,
                        start=begin,
                        end=end,
                        text=marked,
                        value=value,
                        low=low or value,
                        high=high or value,
                        qualifier="exact",
                        unit=unit,
                        category=category,
                        sentence=sentence,
                        speaker_id=speaker,
                        rule="crowded",
                    )
                )
                n_fig += 1
            else:
                speaker = next((sid for sid, name in who.items() if f"said {name}." in sentence), "speaker-1")
                statements.append(
                    _row(
                        "statements",
                        statement_id=f"{aid}:s{n_st}",
                        article_id=aid,
                        speaker_id=speaker,
                        speaker=named.get(speaker) or who.get(speaker),
                        kind="direct",
                        cue="" if n_st == 0 and i % 3 == 0 else "said",
                        text=marked,
                        start=begin,
                        end=end,
                        rule="crowded",
                    )
                )
                n_st += 1
    people = [
        _row(
            "speakers",
            speaker_id=f"person-{i:03d}",
            name=f"Person {i:03d}",
            type="person",
            role="",
            org="",
            country="",
            aliases=[],
            n_statements=1,
            n_articles=1,
        )
        for i in range(N_PEOPLE)
    ]
    speakers = [
        _row(
            "speakers",
            speaker_id=sid,
            name=name,
            type="person",
            role="spokesperson",
            org=None,
            country=None,
            aliases=[],
            n_statements=100,
            n_articles=100,
        )
        for sid, name in named.items()
    ]
    with writing(path, fresh=True) as writer:
        writer.insert("articles", articles)
        writer.insert("texts", texts)
        writer.insert("figures", figures)
        writer.insert("statements", statements)
        writer.insert("speakers", speakers + people)
        writer.insert("rejected", [_row("rejected", path=f"bad/{n}.txt", reason="the file is empty") for n in range(4)])
        write_meta(writer, extractor_version="crowded")
    return path
