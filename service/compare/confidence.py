"""What a discrepancy's confidence means: the share of findings of its kind and severity that were right.

The shares are measured by the perturbation suite (`python -m tests.eval.perturb ../shared/data`, its
precision table) on its tuning split only: real articles against copies with one controlled edit, where a
finding is right when it is of the kind the edit calls for and its evidence covers the edited characters. Each
share is smoothed by one right and one wrong finding, (right + 1) / (raised + 2), so a kind raised 4 times and
right 4 times reads 0.83 rather than certainty. A severity the suite never raised takes its kind's share. Agreements and uncorroborated claims keep their own scores (alignment probability,
quote overlap).
"""

from __future__ import annotations

from service.records import FindingKind, Severity

# (kind, severity) -> smoothed share of right findings on the tuning split (502 pairs, seed 20240611).
MEASURED: dict[tuple[FindingKind, Severity], float] = {
    (FindingKind.CONTRADICTION, Severity.MAJOR): 0.94,  # 14 of 14
    (FindingKind.DATE_MISMATCH, Severity.MAJOR): 0.97,  # 56 of 57
    (FindingKind.NUMBER_MISMATCH, Severity.MAJOR): 0.98,  # 45 of 45
    (FindingKind.NUMBER_MISMATCH, Severity.MINOR): 0.67,  # 1 of 1
    (FindingKind.QUOTE_ATTRIBUTION, Severity.MAJOR): 0.98,  # 42 of 42
    (FindingKind.QUOTE_WORDING, Severity.MAJOR): 0.98,  # 107 of 108
    (FindingKind.ROLE_MISMATCH, Severity.MAJOR): 0.97,  # 28 of 28
}
# The suite's overall smoothed share, for a kind it never raised (293 of 295 right).
OVERALL = 0.99


def calibrated(kind: FindingKind, severity: Severity) -> float:
    """The measured share for the kind at this severity; a severity the suite's edits never produced takes its
    kind's lowest measured share (the same finder, a milder difference)."""
    if (kind, severity) in MEASURED:
        return MEASURED[kind, severity]
    same_kind = [share for (k, _), share in MEASURED.items() if k is kind]
    return min(same_kind) if same_kind else OVERALL
