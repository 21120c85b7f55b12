"""The wire contract for both sides: modules generated from proto/crosscheck/v1/crosscheck.proto by
scripts/generate_stubs.py, and `kinds`, written by hand, saying what the contract's finding kinds mean."""
