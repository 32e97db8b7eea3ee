#!/usr/bin/env bash
# The e2e tests drive Debian's chromium (Playwright's own browser download cannot work offline).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -i 'Noto.*CJK' >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian chromium and fonts-noto-cjk for the e2e tests…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
else
  echo "e2e tests need /usr/bin/chromium and fonts-noto-cjk: run 'sudo apt-get install chromium fonts-noto-cjk'" >&2
  exit 1
fi
