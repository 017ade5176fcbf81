#!/usr/bin/env sh
# The browser tests drive Debian's Chromium (Playwright's own download is not used).
set -eu
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
echo "Installing Debian's chromium for the browser tests ..."
if [ "$(id -u)" = "0" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium is missing: install it with 'apt-get install chromium' (needs root)," >&2
  echo "or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
