"""How long each page of the dashboard takes to draw in a real browser (Debian's chromium driven by
Playwright), with a cold server and a warm one.

    python bench/bench_browser.py --store /tmp/dash/aj.duckdb [--repeat 3] [--app PATH]

For each page the server is started afresh on the store as `newstally serve` starts it (nothing
cached) and the page opened once: the cold time, what the first visitor after a restart waits
for. It is then opened again by new visitors (a fresh browser profile each: the server warm, the
browser's cache empty) and by a returning one (the same profile, reloading): the warm times are
medians. A visitor already on the dashboard reaches the page by its link in the sidebar, from
another page: "warm: from a page" (the pages' views, such as "?view=Table", have no link). A time
runs from the start of the navigation (or the click) to the moment the script has finished and
every chart and table on the page is drawn.

Two floors are measured first on the same machine: a Streamlit page holding only a title, and one
holding a single three-bar plotly chart; no page of the dashboard can draw faster than they do.
``--app`` serves another checkout of the dashboard (e.g. an older commit unpacked with
`git archive`) to compare.
"""

from __future__ import annotations

import argparse
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT, machine

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# (page as it is named in the table, path under the server)
PAGES = (
    ("Overview", ""),
    ("Figures", "figures"),
    ("Figures: who reported what", "figures?view=Who+reported+what"),
    ("Figures: table", "figures?view=Table"),
    ("Speakers", "speakers"),
    ("Speakers: quoted alongside", "speakers?view=Quoted+alongside"),
    ("Speakers: all speakers", "speakers?view=All+speakers"),
    ("Statements", "statements"),
    ("Articles", "articles"),
    ("Corpus", "corpus"),
)
# drawn: the script is idle, no placeholder is left, every chart shown has its SVG and every table its canvas
DRAWN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('h1') || document.querySelector('[data-testid=stSkeleton]')) return false;
  const shown = e => e.checkVisibility();  // not inside a closed expander or tab
  const charts = Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]')).filter(shown);
  const tables = Array.from(document.querySelectorAll('[data-testid=stDataFrame]')).filter(shown);
  return charts.every(c => c.querySelector('.main-svg')) && tables.every(t => t.querySelector('canvas'));
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FLOOR_APP = """import streamlit as st
st.title("Floor")
if st.query_params.get("chart"):
    import plotly.graph_objects as go
    st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])))
"""


def _serve(app: Path, store: Path, script: str = "dashboard.py") -> tuple[subprocess.Popen, str]:
    """A server on ``app``'s ``script``, started as `newstally serve` starts it where the checkout has
    the launcher (components/launch.py), else with `streamlit run`."""
    port = _free_port()
    options = [
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    launcher = script == "dashboard.py" and (app / "components" / "launch.py").is_file()
    command = ["-m", "components.launch"] if launcher else ["-m", "streamlit", "run", str(app / script)]
    process = subprocess.Popen(
        [sys.executable, *command, *options],
        cwd=app,
        env={**os.environ, "NEWSTALLY_STORE": str(store)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit(f"streamlit did not answer on {url}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def _drawn(page, url: str) -> float:
    """Seconds from the start of the navigation to ``url`` until ``page`` has drawn it."""
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=120_000, polling=50)
    return page.evaluate("() => performance.now()") / 1000


def _new_visitor(browser, url: str) -> float:
    """``_drawn`` in a fresh browser profile: nothing of the page cached."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        return _drawn(context.new_page(), url)
    finally:
        context.close()


def _returning_visitor(browser, url: str, repeat: int) -> list[float]:
    """``_drawn`` ``repeat`` times in one browser profile that has seen the page once before."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        _drawn(page, url)
        return [_drawn(page, url) for _ in range(repeat)]
    finally:
        context.close()


def _navigating_visitor(browser, url: str, path: str, repeat: int) -> list[float]:
    """Seconds from a click on the page's link in the sidebar, on another page of the dashboard, until
    the page is drawn: moving between pages in one visit, ``repeat`` times (the page seen once before)."""
    if "?" in path:
        return []  # a view of a page is not in the sidebar's navigation
    title = next(name for name, p in PAGES if p == path)
    start = "articles" if path == "corpus" else "corpus"
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    times = []
    try:
        page = context.new_page()
        for visit in range(repeat + 1):
            _drawn(page, f"{url}/{start}")
            link = page.locator(f'[data-testid=stSidebarNav] a[href="{url}/{path}"]')
            started = page.evaluate("() => performance.now()")
            link.click()
            page.wait_for_function(
                f"() => document.querySelector('h1')?.textContent === {title!r} && ({DRAWN})()",
                timeout=120_000,
                polling=50,
            )
            if visit:
                times.append((page.evaluate("() => performance.now()") - started) / 1000)
    finally:
        context.close()
    return times


def _measure(browser, app: Path, store: Path, path: str, repeat: int, script: str = "dashboard.py") -> tuple:
    process, url = _serve(app, store, script)
    try:
        cold = _new_visitor(browser, f"{url}/{path}")
        new = [_new_visitor(browser, f"{url}/{path}") for _ in range(repeat)]
        returning = _returning_visitor(browser, f"{url}/{path}", repeat)
        navigating = _navigating_visitor(browser, url, path, repeat) if script == "dashboard.py" else []
    finally:
        _stop(process)
    return cold, statistics.median(new), statistics.median(returning), statistics.median(navigating or [math.nan])


def _row(name: str, times: tuple, load: float) -> str:
    navigating = "-" if math.isnan(times[3]) else f"{times[3]:.2f}"
    return f"{name:34} {times[0]:12.2f} {times[1]:18.2f} {times[2]:16.2f} {navigating:>18} {load:6.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="the store to serve (e.g. the Al Jazeera corpus)")
    parser.add_argument("--repeat", type=int, default=3, help="warm visits per page (default 3)")
    parser.add_argument("--app", type=Path, default=ROOT, help="the checkout whose dashboard.py is served")
    args = parser.parse_args()
    if not args.store.is_file():
        sys.exit(f"no store at {args.store}: build one with `newstally build CORPUS --store {args.store}`")
    from playwright.sync_api import sync_playwright

    from newstally.build.store import read

    counts = read(
        args.store,
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM figures), "
        "(SELECT count(*) FROM statements), (SELECT count(*) FROM speakers)",
    )
    print(machine())
    print(f"load average at the start: {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    print(
        "store: {} ({:,} articles, {:,} figures, {:,} statements, {:,} speakers); app: {}".format(
            args.store, *[int(v) for v in counts.iloc[0]], args.app
        )
    )
    print(
        f"\n{'page':34} {'cold server':>12} {'warm: new visitor':>18} {'warm: returning':>16} "
        f"{'warm: from a page':>18} {'load':>6}   (seconds in the browser, medians of {args.repeat}; load: "
        "1-minute load average before the page)"
    )
    worst = [0.0, 0.0, 0.0, 0.0]
    floors: list[tuple] = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as floor:
        (Path(floor) / "floor.py").write_text(FLOOR_APP, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        try:
            for name, path in (("floor: a title only", ""), ("floor: one three-bar plotly chart", "?chart=1")):
                load = os.getloadavg()[0]
                times = _measure(browser, Path(floor), args.store.resolve(), path, args.repeat, script="floor.py")
                floors.append(times)
                print(_row(name, times, load), flush=True)
            for name, path in PAGES:
                load = os.getloadavg()[0]
                times = _measure(browser, args.app.resolve(), args.store.resolve(), path, args.repeat)
                worst = [max(w, t) if not math.isnan(t) else w for w, t in zip(worst, times)]
                print(_row(name, times, load), flush=True)
        finally:
            browser.close()
    print(
        f"\nslowest page: {worst[0]:.2f} s with a cold server, {worst[1]:.2f} s warm for a new visitor, "
        f"{worst[2]:.2f} s for a returning one, {worst[3]:.2f} s moving to it from another page"
    )
    # the machine is shared: a ratio to the floor (a plotly chart on a bare page, measured in the
    # same run under the same load) compares across runs better than seconds do
    chart = floors[-1]
    print(
        "slowest page / floor with a chart: {:.1f}x cold, {:.1f}x warm new, {:.1f}x warm returning".format(
            *[w / f if f else float("nan") for w, f in zip(worst, chart)]
        )
    )
    print(f"load average at the end: {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
