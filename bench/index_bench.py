"""Index benchmark: build time, warm search latency (p50/p95, one query at a time), peak memory.

Run with `make bench`. Builds a fresh index in a temporary folder (in a child process, so the
search process's memory is its own), then times every dev-set query ROUNDS times.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import Searcher, Settings  # noqa: E402
from index.evaluate import load_dev_set  # noqa: E402

ROUNDS = 5


def _build(index_dir: Path) -> float:
    env = {**os.environ, "INDEX_DIR": str(index_dir)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "index", "build", "--force"],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        index_dir = Path(folder) / "index"
        build_seconds = _build(index_dir)
        opened = time.perf_counter()
        searcher = Searcher.open(Settings(index_dir=index_dir))
        searcher.warm_up()
        open_seconds = time.perf_counter() - opened
        queries = [q.q for q in load_dev_set(REPO / "eval" / "retrieval_dev.yaml")]
        latencies = []
        for _ in range(ROUNDS):
            for query in queries:
                started = time.perf_counter()
                searcher.search(query, k=5)
                latencies.append((time.perf_counter() - started) * 1000)
        report = {
            "passages": len(searcher.passages),
            "build_seconds": round(build_seconds, 2),
            "open_and_warm_seconds": round(open_seconds, 2),
            "queries_timed": len(latencies),
            "search_ms_p50": round(statistics.median(latencies), 2),
            "search_ms_p95": round(_percentile(latencies, 0.95), 2),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "cpus": os.cpu_count(),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
