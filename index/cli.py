"""Command line: ``python -m index build|search|eval``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from knowledge import KnowledgeError, content_digest, knowledge_root

from .config import REPO_ROOT, Settings
from .search import MODES, EmptyQuery, Searcher
from .store import IndexUnavailable, build_index, current_meta

log = logging.getLogger("index")
DEV_SET = REPO_ROOT / "eval" / "retrieval_dev.yaml"
UNANSWERABLE_SET = REPO_ROOT / "eval" / "unanswerable_dev.yaml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the index if the knowledge or model changed")
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    search = commands.add_parser("search", help="search the index")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=5, help="how many passages (default 5)")
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.add_argument("--mode", choices=MODES, default="hybrid")
    evaluate = commands.add_parser(
        "eval", help="passage recall and MRR; sentence recall@1, answered and honest rates of the replies"
    )
    evaluate.add_argument("--dev", type=Path, default=DEV_SET)
    evaluate.add_argument("--unanswerable", type=Path, default=UNANSWERABLE_SET)
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument(
        "--misses", action="store_true", help="list the queries missed at 5 and the replies that miss"
    )
    return parser


def _print_hits(hits: list, as_json: bool) -> None:
    if as_json:
        print(json.dumps([hit.to_dict() for hit in hits], ensure_ascii=False, indent=2))
        return
    for n, hit in enumerate(hits, start=1):
        p = hit.passage
        cite = " · ".join(x for x in (p.number, p.date, p.title) if x)
        print(f"{n}. [{hit.score:.4f}] {p.text}\n   — {cite}" + (f"\n   {p.url}" if p.url else ""))


def _open_searcher(settings: Settings) -> Searcher:
    """Open the index, building it first when there is none yet."""
    meta = current_meta(settings.index_dir)
    if meta is None:
        log.warning("no index yet: building it")
        build_index(settings, progress=sys.stderr.isatty())
    elif meta.get("knowledge_digest") != content_digest(knowledge_root()):
        log.warning("the knowledge changed since the index was built: run `python -m index build`")
    return Searcher.open(settings)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("faiss").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.command == "build":
            result = build_index(settings, force=args.force, progress=sys.stderr.isatty())
            state = (
                f"built {result.passages} passages in {result.seconds:.1f} s"
                if result.built
                else "up to date"
            )
            print(f"index {state}: {result.path}")
        elif args.command == "search":
            if not args.query.strip():
                print("error: la consulta está vacía", file=sys.stderr)
                return 2
            if args.k < 1:
                print("error: --k debe ser 1 o más", file=sys.stderr)
                return 2
            _print_hits(_open_searcher(settings).search(args.query, args.k), args.json)
        else:
            from .evaluate import (
                evaluate,
                evaluate_answers,
                format_answers,
                format_table,
                load_dev_set,
                load_unanswerable_set,
            )

            searcher = _open_searcher(settings)
            queries = load_dev_set(args.dev)
            report = evaluate(searcher, queries)
            answers = evaluate_answers(searcher, queries, load_unanswerable_set(args.unanswerable))
            if args.json:
                print(json.dumps({"passages": report.summary(), "replies": answers.summary()}, indent=2))
            else:
                print(f"{format_table(report)}\n\n{format_answers(answers)}")
            if args.misses:
                print(report.format_misses())
                print("\n".join(answers.misses))
    except EmptyQuery as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (IndexUnavailable, KnowledgeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
