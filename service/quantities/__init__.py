"""Quantities: amounts with what they count, and whether two of them can both be right."""

from service.quantities.compare import QuantityRelation, relate_quantities
from service.quantities.extract import extract_quantities

__all__ = ["QuantityRelation", "extract_quantities", "relate_quantities"]
