"""Comparison stage: aligned claims and quotes across articles become findings."""

from service.compare.evidence import is_discrepancy, ordered
from service.compare.group import Analysed, compare_articles

__all__ = ["Analysed", "compare_articles", "is_discrepancy", "ordered"]
