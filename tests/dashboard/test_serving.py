"""Serving defaults: local only, XSRF protection on, an upload limit that the README states."""
from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def _config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_serving_binds_to_loopback_with_xsrf_protection():
    server = _config()["server"]
    assert server["address"] == "127.0.0.1"
    assert server["enableXsrfProtection"] is True


def test_serving_upload_limit_is_stated_in_the_readme():
    limit = _config()["server"]["maxUploadSize"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\b{limit}\s*MB\b", readme), "the README must state the default upload limit"


def test_serving_make_run_ends_in_streamlit_run_dashboard():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "streamlit run dashboard.py" in run_recipe
