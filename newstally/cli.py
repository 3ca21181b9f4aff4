"""The command line: parses arguments and calls the same plain functions the tests call."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build.store import DEFAULT_STORE
from .contract.errors import NewstallyError

DESCRIPTION = """\
newstally turns news articles into tables: every figure they report (people killed, rockets
fired, aid trucks, ...), every statement (who said what) and every speaker.

  newstally build data/articles                 build the store from a folder of articles
  newstally export out/ --format parquet        write the tables as files
  newstally evaluate gold.jsonl                 score the extraction against a gold file
  newstally serve --store my.duckdb             explore a store in the browser
"""

BUILD_HELP = """\
Reads every CORPUS (a file or a folder: .txt, .md, .json, .jsonl, .csv, .html, .zip, and any of
them compressed as .gz or .bz2) and writes the tables to the store. Articles unchanged since the
last build (same text, same extractor version) are copied, not extracted again. Inputs that
cannot be read are listed in the `rejected` table with a reason; they never stop the build. The
store is replaced only when the build completes: an interrupted build, a full disk or a corpus
with no article at all leaves the previous store as it was.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstally", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser(
        "build",
        help="build the store from corpus files",
        description=BUILD_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("corpus", nargs="+", metavar="CORPUS", help="a file or folder of articles")
    _store_option(build)
    build.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help=f"extract in N processes (default 1; the machine has {_cores()})",
    )
    build.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="local processes (default) or a Dask cluster"
    )
    build.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster",
    )
    build.add_argument(
        "--fresh",
        action="store_true",
        help="extract every article again, reusing nothing (also replaces a damaged store)",
    )
    build.add_argument(
        "--allow-empty",
        action="store_true",
        help="replace the store even when the corpus holds no article (by default such "
        "a build stops and leaves the store as it was)",
    )
    fields = build.add_argument_group(
        "field mapping",
        "which JSON field or CSV column holds what, when the names are not the common ones "
        "(text/body/content/articles, title/headline, published/date, source/outlet, url/link, id)",
    )
    for name in ("id", "text", "title", "published", "source", "url"):
        fields.add_argument(f"--{name}-field", metavar="NAME", help=f"the field holding the {name}")

    export = commands.add_parser(
        "export",
        help="write the tables as CSV or Parquet files",
        description="Writes articles, figures, statements, speakers and rejected as "
        "DIR/<table>.csv (cells that a spreadsheet would run as formulas are "
        "prefixed with ') or DIR/<table>.parquet.",
    )
    export.add_argument("directory", metavar="DIR")
    _store_option(export)
    export.add_argument("--format", choices=("csv", "parquet"), default="csv")

    evaluate = commands.add_parser(
        "evaluate",
        help="score the store against a gold file",
        description="Scores the figures and statements in the store against a gold JSONL "
        "file (docs/conventions.md): precision, recall and F1 for figures "
        "and key-category figures, category and qualifier accuracy, and "
        "statement detection and attribution, strict and lenient.",
    )
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    _store_option(evaluate)
    evaluate.add_argument("--misses", action="store_true", help="also list every miss, as JSON lines")

    serve = commands.add_parser(
        "serve",
        help="open the dashboard on a store",
        description="Serves the dashboard (streamlit run dashboard.py) on the store given, "
        "on 127.0.0.1 only; see docs/serving.md to serve a team.",
    )
    _store_option(serve)
    serve.add_argument("--port", type=int, default=8501, help="the port to listen on (default %(default)s)")

    audit = commands.add_parser(
        "audit-speakers",
        help="check that the speakers are fit to filter by",
        description="Audits the speakers of a store: display names held by several rows, "
        "articles where a surname is quoted beside the full name as two rows, "
        "rows among the most quoted that name no one (descriptions, "
        "possessives, common nouns), and statements by unnamed sources.",
    )
    _store_option(audit)
    audit.add_argument(
        "--top",
        type=int,
        default=300,
        metavar="N",
        help="how many of the most quoted rows to check for names of no one (default %(default)s)",
    )
    audit.add_argument("--examples", type=int, default=15, metavar="N", help="examples listed per finding")

    train = commands.add_parser(
        "train-parser",
        help="train the dependency parser from a treebank",
        description="Trains the tagger and dependency parser the rules read from the "
        "Universal Dependencies English Web Treebank (train, dev and test "
        "CoNLL-U files and its LICENSE.txt), scores it on the test split and "
        "writes it into the package. About an hour of one core.",
    )
    train.add_argument(
        "--treebank",
        default="../shared/treebank",
        metavar="DIR",
        help="the UD_English-EWT folder (default: %(default)s)",
    )
    train.add_argument("--output", metavar="DIR", help="where to write the model (default: the package's own)")
    return parser


def _store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", default=str(DEFAULT_STORE), metavar="PATH", help="the DuckDB store (default: %(default)s)"
    )


def _version() -> str:
    from . import __version__

    return __version__


def _cores() -> int:
    return os.cpu_count() or 1


def run_build(args: argparse.Namespace) -> int:
    from .build.ingest import FieldMap
    from .build.pipeline import ProgressBar, build

    fields = FieldMap(
        **{name: getattr(args, f"{name}_field") for name in ("id", "text", "title", "published", "source", "url")}
    )
    missing = [c for c in args.corpus if not Path(c).exists()]
    if missing:
        raise NewstallyError(f"no such file or folder: {', '.join(missing)}")
    bar = ProgressBar()
    try:
        summary = build(
            args.corpus,
            args.store,
            fields,
            engine=args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
            fresh=args.fresh,
            progress=bar,
            allow_empty=args.allow_empty,
        )
    finally:
        bar.close()
    print(summary.line())
    if summary.rejected:
        print(
            f"{summary.rejected:,} inputs rejected: see the 'rejected' table (newstally export DIR, or the "
            f"dashboard's Corpus page)"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    from .build.export import export

    for path in export(args.store, args.directory, args.format):
        print(path)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    import json

    from .build.store import connect, damage_reported
    from .evaluate import load_gold, score

    gold = load_gold(args.gold)
    with connect(args.store) as con, damage_reported(args.store):
        figures = con.execute("SELECT * FROM figures").df()
        statements = con.execute("SELECT * FROM statements").df()
        built = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
    report = score(gold, figures, statements, articles=built)
    if args.misses:
        for miss in report.misses:
            print(json.dumps(miss, ensure_ascii=False, default=str))
    print(report.table())
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Replaces this process with ``streamlit run dashboard.py`` on the store given (through
    ``components.launch``, which imports what every page needs before the first visitor comes)."""
    root = Path(__file__).resolve().parents[1]
    dashboard = root / "dashboard.py"
    if not dashboard.is_file():
        raise NewstallyError(
            f"no dashboard.py beside the package in {root}: run `newstally serve` from a clone of "
            "the repository (`make run` sets it up)"
        )
    if not 0 < args.port < 65536:
        raise NewstallyError(f"--port must be between 1 and 65535, not {args.port}")
    store = Path(args.store).expanduser().resolve()  # the dashboard reads relative paths from its own folder
    os.environ["NEWSTALLY_STORE"] = str(store)
    os.chdir(root)  # where .streamlit/config.toml is
    print(f"newstally serve: {store} on http://127.0.0.1:{args.port} (Ctrl+C stops it)", flush=True)
    os.execv(sys.executable, [sys.executable, "-m", "components.launch", "--server.port", str(args.port)])


def run_audit_speakers(args: argparse.Namespace) -> int:
    import duckdb

    from .read.speaker_audit import AuditWords, audit_speakers
    from .rules import lexicon

    places = lexicon.rows("nationalities")
    organisations = lexicon.words("org_words") | lexicon.words("group_nouns") | lexicon.words("generic_org_nouns")
    words = AuditWords(
        places=frozenset(r["word"].lower() for r in places if r.get("form") != "adjective"),
        adjectives=frozenset(r["word"].lower() for r in places if r.get("form") == "adjective"),
        person_nouns=frozenset(lexicon.words("speaker_nouns") - organisations),
        organisations=frozenset(
            n.lower() for r in lexicon.rows("organisations") for n in [r["name"], *r.get("aliases", "").split("|")] if n
        ),
        titles=lexicon.words("titles") | lexicon.words("honorifics") | lexicon.words("role_modifiers"),
    )
    if not Path(args.store).is_file():
        raise NewstallyError(f"no store at {args.store}: build one first with `newstally build CORPUS --store PATH`")
    # Opened as it is, not through the store's schema check: the audit reads only the exported
    # columns, so it compares stores built by any version.
    with duckdb.connect(args.store, read_only=True) as con:
        print(audit_speakers(con, words, top=args.top).table(args.examples))
    return 0


def run_train_parser(args: argparse.Namespace) -> int:
    from .rules.syntax import MODEL
    from .rules.syntax.train import train_parser

    scores = train_parser(Path(args.treebank), Path(args.output) if args.output else MODEL)
    print(f"UAS {scores['dep_uas']:.3f}, LAS {scores['dep_las']:.3f} on the test split -> {args.output or MODEL}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    runners = {
        "build": run_build,
        "export": run_export,
        "evaluate": run_evaluate,
        "serve": run_serve,
        "audit-speakers": run_audit_speakers,
        "train-parser": run_train_parser,
    }
    try:
        return runners[args.command](args)
    except NewstallyError as err:
        print(f"newstally {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"newstally {args.command}: interrupted{_left_as_it_was(args.command)}", file=sys.stderr)
        return 130
    except OSError as err:  # disk full, permission denied, ...: the user's to fix, not a bug
        print(f"newstally {args.command}: {_os_problem(err)}{_left_as_it_was(args.command)}", file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - a bug: say so plainly, with the details on request
        if os.environ.get("NEWSTALLY_DEBUG"):
            raise
        print(
            f"newstally {args.command}: unexpected error ({type(err).__name__}: {err})"
            f"{_left_as_it_was(args.command)}. Run again with NEWSTALLY_DEBUG=1 for the traceback, and "
            "please report it.",
            file=sys.stderr,
        )
        return 1


def _left_as_it_was(command: str) -> str:
    # Only a build writes the store; telling an export that it was left alone would mislead.
    return "; the store was left as it was" if command == "build" else ""


def _os_problem(err: OSError) -> str:
    import errno

    where = f" ({err.filename})" if err.filename else ""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full{where}; free some space, or write elsewhere"
    problem = f"{(err.strerror or str(err)).lower()}{where}"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST):
        return f"{problem}; check the path and its permissions, or write somewhere else"
    return problem


if __name__ == "__main__":
    sys.exit(main())
