"""Golden end-to-end cases (``seed-article``): code ``article.txt`` and score it against ``expected.yaml``
with the golden scorer (``evaluate.golden``), the rules of ``shared/tools/score_golden.py``.

Metrics: ``items_passed``, ``items_total``, ``forbidden`` (counts) and ``items_rate`` (passed / total, so the
case reads on the same 0..1 scale as the other sets). ``n`` is the number of expected items. ``--limit`` does
not apply (one article). Errors: one per failed item (``gold`` = the item label, ``predicted`` = why it
failed) and one per forbidden finding.
"""
from __future__ import annotations

from pathlib import Path

from ...errors import ConfigError
from ..core import EvalContext, EvalResult


def evaluate_seed(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    import yaml

    from ...ingest.readers import InputFailure, read_inputs
    from ...store.contract import to_contract
    from ..golden import score

    article_path, expected_path = data_dir / "article.txt", data_dir / "expected.yaml"
    for path in (article_path, expected_path):
        if not path.is_file():
            raise ConfigError(str(path), "golden case file missing",
                              "pass --data DIR with article.txt and expected.yaml")
    items = list(read_inputs([str(article_path)]))
    article = items[0]
    if isinstance(article, InputFailure):
        raise article.error
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) or {}
    output = to_contract(ctx.pipeline.code(article))
    result = score(expected, output)
    text = output["article"]["text"]
    errors = [{"kind": "item", "gold": i.label, "predicted": i.why or "failed", "text": text[:200]}
              for i in result.items if not i.ok]
    errors += [{"kind": "forbidden", "gold": "absent", "predicted": f, "text": text[:200]}
               for f in result.forbidden_found]
    metrics: dict[str, float | int | None] = {
        "items_passed": result.passed, "items_total": result.total, "forbidden": result.forbidden,
        "items_rate": result.passed / result.total if result.total else 0.0,
    }
    return EvalResult(ctx.name, result.total, metrics, errors)
