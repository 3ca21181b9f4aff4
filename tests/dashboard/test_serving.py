"""Serving defaults: local only, XSRF protection on, an upload limit that the README states."""

from __future__ import annotations

import os
import re
import tomllib

from conftest import ROOT

from newstally.cli import main


def _config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_serving_binds_to_loopback_with_xsrf_protection():
    server = _config()["server"]
    assert server["address"] == "127.0.0.1"
    assert server["enableXsrfProtection"] is True


def test_serving_does_not_watch_its_source_files():
    # the watcher's work on every visit and rerun delayed each page's first draw (bench/bench_browser.py)
    assert _config()["server"]["fileWatcherType"] == "none"


def test_serving_upload_limit_is_stated_in_the_readme():
    limit = _config()["server"]["maxUploadSize"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\b{limit}\s*MB\b", readme), "the README must state the default upload limit"


def test_serving_make_run_ends_in_newstally_serve_with_its_store_and_port():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "newstally serve" in run_recipe and "$(STORE)" in run_recipe and "$(PORT)" in run_recipe


def test_serving_serve_runs_streamlit_on_the_dashboard_with_the_store(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(os, "execv", lambda program, argv: calls.append(argv))
    monkeypatch.setattr(os, "chdir", lambda path: calls.append(path))
    monkeypatch.delenv("NEWSTALLY_STORE", raising=False)
    main(["serve", "--store", str(tmp_path / "mine.duckdb"), "--port", "8602"])
    assert calls[0] == ROOT
    assert calls[1][1:3] == ["-m", "components.launch"]
    assert calls[1][-2:] == ["--server.port", "8602"]
    assert os.environ["NEWSTALLY_STORE"] == str(tmp_path / "mine.duckdb")


def test_serving_serve_refuses_a_port_out_of_range(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err


def test_serving_launch_runs_streamlit_on_the_dashboard(monkeypatch):
    import sys

    from components import launch

    ran = []
    monkeypatch.setattr(sys, "argv", list(sys.argv))  # the launcher sets them for Streamlit's command line
    monkeypatch.setattr(launch.cli, "main", lambda: ran.append(list(sys.argv)) or 0)
    assert launch.main(["--server.port", "8602"]) == 0
    assert ran == [["streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", "8602"]]
    assert launch.DASHBOARD.is_file()
