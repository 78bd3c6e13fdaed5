#!/usr/bin/env bash
# Installs what the end-to-end tests (test/e2e, `npm run test:e2e`) need, without the
# internet downloads that @vscode/test-electron and code-server's own postinstall make:
#   - Debian packages: chromium (drives code-server's web UI), fonts-noto-cjk (Chinese
#     glyphs in screenshots), neovim (a second LSP client), ripgrep and libkrb5-dev (for
#     code-server's native modules), libreoffice-writer-nogui (opens the .docx fixtures:
#     about 50 packages, 465 MB installed, 1-3 minutes; see docs/e2e.md);
#   - code-server (real VS Code, web build) from the npm registry, with its native modules
#     rebuilt here, into a cache folder outside the repo.
# Idempotent: a stamp file in the cache marks a finished install, so later runs take
# seconds. Delete the cache folder (or set FIVENETS_E2E_FORCE=1) to start over.
#
#   FIVENETS_E2E_CACHE  cache folder (default: $HOME/.cache/fivenets-e2e)
#
# Prints the code-server executable's path as its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE="${FIVENETS_E2E_CACHE:-$HOME/.cache/fivenets-e2e}"
STAMP="$CACHE/.installed-code-server-$CODE_SERVER_VERSION"
CODE_SERVER="$CACHE/node_modules/.bin/code-server"
APT_PACKAGES=(libkrb5-dev ripgrep chromium fonts-noto-cjk neovim libreoffice-writer-nogui)

log() { printf '[e2e-setup] %s\n' "$*" >&2; }

# Runs a command as root: directly, or through sudo when we are not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root for: $*"; return 1
  fi
}

install_debian_packages() {
  local missing=() package
  for package in "${APT_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

install_code_server() {
  local started=$SECONDS
  mkdir -p "$CACHE"
  cd "$CACHE"
  [ -f package.json ] || printf '{ "name": "fivenets-e2e-cache", "private": true }\n' > package.json

  # --ignore-scripts: code-server's postinstall downloads ripgrep from the internet.
  log "npm install code-server@$CODE_SERVER_VERSION (in $CACHE)"
  npm install --no-audit --no-fund --save-exact --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2

  local vscode="$CACHE/node_modules/code-server/lib/vscode"
  cd "$vscode"
  log "npm install (VS Code's own dependencies)"
  npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  log "npm rebuild (native modules; takes a few minutes)"
  npm_config_yes=true npm rebuild kerberos node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid >&2
  ln -sfn node_modules node_modules.asar
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh
  (cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)

  cd "$CACHE"
  log "npm rebuild argon2"
  npm_config_yes=true npm rebuild argon2 >&2

  local version
  # code-server logs a line about its config file first; its own config goes to the cache.
  version="$(XDG_CONFIG_HOME="$CACHE/xdg-config" "$CODE_SERVER" --version 2>/dev/null | grep -E "^$CODE_SERVER_VERSION " | head -n 1 || true)"
  case "$version" in
    "$CODE_SERVER_VERSION "*) ;;
    *) log "code-server --version printed '$version', expected $CODE_SERVER_VERSION"; return 1 ;;
  esac
  printf '%s\n' "$version" > "$STAMP"
  log "code-server ready: $version ($((SECONDS - started)) s)"
}

install_debian_packages
if [ -n "${FIVENETS_E2E_FORCE:-}" ] || [ ! -f "$STAMP" ] || [ ! -x "$CODE_SERVER" ]; then
  install_code_server
else
  log "code-server $CODE_SERVER_VERSION already installed in $CACHE"
fi
printf '%s\n' "$CODE_SERVER"
