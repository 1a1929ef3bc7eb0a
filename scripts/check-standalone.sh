#!/usr/bin/env bash
# Proof that the repository stands alone: clone the current commit (HEAD) into an empty temporary
# folder with nothing beside it, install from the lockfile, rebuild the data package and run the
# unit tests there.
#   - `npm run data` must leave the committed package byte-identical (`git status --porcelain` empty);
#   - the unit tests (`npx vitest run`) must pass; arguments are passed to vitest (default: all).
# Uncommitted changes are not part of the proof: commit first. npm reuses its cache (--prefer-offline).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$src" rev-parse HEAD)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/standalone-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "standalone: cloning $rev into $tmp/repo"
git clone --quiet --no-hardlinks "$src" "$tmp/repo"
cd "$tmp/repo"
git -c advice.detachedHead=false checkout --quiet "$rev"
if [ -n "$(ls -A "$tmp" | grep -v '^repo$' || true)" ]; then echo "standalone: $tmp is not empty beside the clone" >&2; exit 1; fi

npm ci --no-audit --no-fund --prefer-offline
npm run data
changed="$(git status --porcelain)"
if [ -n "$changed" ]; then
  echo "standalone: npm run data changed the committed package in a fresh clone:" >&2
  echo "$changed" >&2
  git --no-pager diff --stat >&2
  exit 1
fi
echo "standalone: npm run data is byte-identical to the committed package"
npx vitest run "$@"
echo "standalone: OK ($rev)"
