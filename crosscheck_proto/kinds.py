"""What the contract's finding kinds mean, in one place for the service and for whoever renders its findings:
which kinds are discrepancies, and the order findings are listed in.

Kinds are named as in `FindingKind` without the `FINDING_KIND_` prefix of the wire enum."""

from __future__ import annotations

# Discrepancies first, the ones that change what a reader believes most at the top; then agreement; then a
# claim only one source makes.
KIND_ORDER: tuple[str, ...] = (
    "CONTRADICTION",
    "DATE_MISMATCH",
    "NUMBER_MISMATCH",
    "QUOTE_ATTRIBUTION",
    "ROLE_MISMATCH",
    "QUOTE_WORDING",
    "AGREEMENT",
    "UNCORROBORATED",
)
# Sources agree, or only one source reports the claim: every other kind is a discrepancy between sources.
NOT_DISCREPANCIES = frozenset({"AGREEMENT", "UNCORROBORATED"})
DISCREPANCY_KINDS: tuple[str, ...] = tuple(k for k in KIND_ORDER if k not in NOT_DISCREPANCIES)


def is_discrepancy_kind(name: str) -> bool:
    """`name` as the service's records spell it ("DATE_MISMATCH") or as the wire enum does ("FINDING_KIND_…")."""
    return name.removeprefix("FINDING_KIND_") not in NOT_DISCREPANCIES
