#!/usr/bin/env bash
# The script behind action.yml: runs `fivenets lint` with the action's inputs (as environment
# variables), writes a SARIF file when asked, and exits with fivenets' exit code (0 clean,
# 1 lint errors, 2 usage/config/I-O error). Tested by test/integrations/action.test.ts.
#
#   FIVENETS_PATHS      paths, folders or globs, separated by spaces or new lines (default: .)
#   FIVENETS_FORMAT     report format on the log (default: github, annotations on the pull request)
#   FIVENETS_SARIF      a file to write SARIF to as well (empty: none)
#   FIVENETS_ARGS       more lint options (--max-warnings 0, --config …), split on spaces
#   FIVENETS_VERSION    the npm version to run when the repository has no fivenets installed
#   FIVENETS_BIN        the command to run instead (tests)
set -euo pipefail
set -f # paths are fivenets' to expand, not the shell's

read -r -d '' -a paths <<<"${FIVENETS_PATHS:-.}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)
read -r -d '' -a extra <<<"${FIVENETS_ARGS:-}" || true
format=${FIVENETS_FORMAT:-github}

if [ -n "${FIVENETS_BIN:-}" ]; then
  read -r -a fivenets <<<"$FIVENETS_BIN"
elif [ -x node_modules/.bin/fivenets ]; then
  fivenets=(node_modules/.bin/fivenets)
else
  fivenets=(npx --yes "fivenets@${FIVENETS_VERSION:-latest}")
fi

cache=(--cache --cache-location "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/fivenets-action.cache")
if [ -n "${FIVENETS_SARIF:-}" ]; then
  # SARIF for code scanning first (its exit code is the annotated run's too); the cache makes
  # the second run read nothing but hashes.
  status=0
  "${fivenets[@]}" lint "${paths[@]}" "${extra[@]}" "${cache[@]}" --format sarif --output "$FIVENETS_SARIF" || status=$?
  if [ "$status" -ge 2 ]; then exit "$status"; fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif=$FIVENETS_SARIF" >>"$GITHUB_OUTPUT"; fi
fi
exec "${fivenets[@]}" lint "${paths[@]}" "${extra[@]}" "${cache[@]}" --format "$format"
