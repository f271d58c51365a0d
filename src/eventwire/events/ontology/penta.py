"""The CAMEO "penta-class" of an event code (ConfliBERT's 5-class labels): 0 neutral statement (roots 01-02),
1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict
(14-20). It follows the CAMEO root, not eventwire's quad (where REQUEST, root 02 or 10, is verbal conflict)."""
from __future__ import annotations

PENTA_NAMES = ("neutral", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def penta_class(cameo: str | None) -> int | None:
    """0..4 for a CAMEO code ("042" -> 1), None for a missing or malformed code."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 2:
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None
