"""Generated from proto/crosscheck/v1/crosscheck.proto by scripts/generate_stubs.py."""
