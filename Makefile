# The two commands of the README. Both work on a fresh Debian machine with Python 3.11, as root.
PYTHON ?= python3
# Debian's own Python marks itself externally managed; we install into it on purpose (no venv).
PIP := PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore $(PYTHON) -m pip install --disable-pip-version-check --quiet
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install install-test chromium bench

run: install
	$(PYTHON) -m streamlit run dashboard.py

test: install-test chromium
	$(PYTHON) -m pytest

install:
	$(PIP) -e .

install-test:
	$(PIP) -e '.[test]'

# Debian's chromium drives the browser tests and chart export (kaleido finds it by itself).
chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

bench: install-test
	$(PIP) -e '.[bench]'
	$(PYTHON) bench/run_all.py
