#!/usr/bin/env bash
# Install what the browser tests need: Debian's Chromium and the Python Playwright package.
# Playwright drives /usr/bin/chromium directly (tests/serve/test_browser.py passes executable_path),
# so `playwright install` (which downloads browsers) is never run.
#
#   scripts/browser_setup.sh [PYTHON]     # PYTHON defaults to .venv/bin/python
set -euo pipefail
python="${1:-.venv/bin/python}"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi
"$python" -m pip install --quiet playwright
chromium --version
"$python" -c "import playwright.sync_api; print('playwright', __import__('importlib.metadata').metadata.version('playwright'))"
