"""The evaluation ratchet: check every headline metric against its floor in benchmarks/baseline.json.

    python benchmarks/ratchet.py                      # the ci tier (what CI runs), exit 1 on any drop
    python benchmarks/ratchet.py --tier full          # the whole gold sets
    python benchmarks/ratchet.py --update             # raise floors to today's values (never lowers them)
    python benchmarks/ratchet.py --only polnear --accept-drop "quotes: stricter cue rule, see #12"

Datasets whose adapter is not written yet, or whose data (../shared) is absent, are listed as skipped. A
floor of null is "not yet measured": shown, never failing, set by the next --update. The rules live in
eventwire.evaluate.ratchet; this is the command around them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from eventwire.evaluate import ratchet as r

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"


def _throughput(entry: r.Entry) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "throughput.py"), "--articles", str(entry.options.get("articles", 60)),
           "--processes", str(entry.options.get("processes", 1)), "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    last = json.loads(out[-1]) if out and out[-1].startswith("{") else {}
    return last


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tier", default="ci", help="ci (subsets that fit CI, default) or full")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="the baseline file (default: %(default)s)")
    ap.add_argument("--only", action="append", metavar="NAME", help="check only this dataset (repeatable)")
    ap.add_argument("--update", action="store_true", help="raise floors to the measured values (never lowers)")
    ap.add_argument("--accept-drop", metavar="REASON",
                    help="lower failing floors to the measured values, recording REASON in the file (implies "
                         "--update for the others)")
    ap.add_argument("--no-throughput", action="store_true", help="skip the throughput entry")
    ap.add_argument("--results", type=Path, metavar="FILE",
                    help="also write every measured value (all metrics, not only the gated ones) as JSON")
    args = ap.parse_args(argv)

    data = r.load_baseline(args.baseline)
    checks: list[r.Check] = []
    skipped: dict[str, str] = {}
    changes: list[str] = []
    measured: dict[str, Any] = {}
    started = time.perf_counter()
    for entry in r.entries(data, args.tier):
        if args.only and entry.dataset not in args.only:
            continue
        if entry.kind == "throughput" and args.no_throughput:
            skipped[entry.dataset] = "--no-throughput"
            continue
        why = r.skip_reason(entry)
        if why:
            skipped[entry.dataset] = why
            continue
        t0 = time.perf_counter()
        try:
            values = _throughput(entry) if entry.kind == "throughput" else r.measure(entry)
        except Exception as exc:  # noqa: BLE001 - an adapter that crashes is a failure; report it and go on
            print(f"{entry.dataset}: ERROR {type(exc).__name__}: {exc}", file=sys.stderr)
            checks.append(r.Check(entry.dataset, "(run)", "", None, None, "FAIL"))
            continue
        print(f"{entry.dataset}: n={values.get('n', '-')} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        measured[entry.dataset] = {**values, "seconds": round(time.perf_counter() - t0, 1)}
        checks.extend(r.compare(entry, values))
        if args.update or args.accept_drop:
            data, changed = r.raise_floors(data, args.tier, entry.dataset, values, accept_drop=args.accept_drop,
                                           date=dt.date.today().isoformat())
            changes.extend(changed)
    print(r.format_table(checks, skipped))
    if args.results is not None:
        args.results.write_text(json.dumps(measured, indent=1, default=str), encoding="utf-8")
    print(f"\ntier {args.tier}: {len(checks)} metrics, {sum(c.failed for c in checks)} below floor, "
          f"{len(skipped)} skipped, {time.perf_counter() - started:.0f} s")
    if changes:
        r.save_baseline(args.baseline, data)
        print("\n".join(["", f"updated {args.baseline}:"] + [f"  {c}" for c in changes]))
        if args.accept_drop:
            print("accepted drops are recorded in the file; give the same reason in the commit message")
    if r.failed(checks) and not args.accept_drop:
        print("\nFAILED: a metric fell below its floor (fix it, or pass --accept-drop REASON)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
