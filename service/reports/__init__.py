"""Consistency reports over a publication-date window: built, stored, compared with the previous report, and
written every night."""
