#!/usr/bin/env bash
# The long fuzz run (issue 5): 10,000 hypothesis examples per fuzz test instead of CI's 150.
set -euo pipefail
cd "$(dirname "$0")/.."
HYPOTHESIS_PROFILE=bench python -m pytest tests/test_robustness.py -k "random_bytes or truncated or any_text" -q "$@"
