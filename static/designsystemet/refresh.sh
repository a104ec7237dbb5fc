#!/usr/bin/env bash
# Re-vendor Designsystemet CSS from the npm registry into this directory.
# Usage:  ./refresh.sh                      # pinned versions below
#         CSS_VERSION=latest THEME_VERSION=latest ./refresh.sh
# Then update the versions/checksums in README.md and review `git diff`.
set -euo pipefail

CSS_VERSION="${CSS_VERSION:-1.22.0}"
THEME_VERSION="${THEME_VERSION:-1.11.0}"   # package is deprecated; 1.11.0 is final
DEST="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm pack --silent "@digdir/designsystemet-css@${CSS_VERSION}"
npm pack --silent "@digdir/designsystemet-theme@${THEME_VERSION}"
mkdir css theme
tar xzf digdir-designsystemet-css-*.tgz   -C css
tar xzf digdir-designsystemet-theme-*.tgz -C theme

cp css/package/dist/src/index.css  "$DEST/designsystemet.css"
cp theme/package/brand/digdir.css  "$DEST/theme-digdir.css"
cp css/package/LICENSE             "$DEST/LICENSE-designsystemet-css"
cp theme/package/LICENSE           "$DEST/LICENSE-designsystemet-theme"

cd "$DEST"
# Our CSP is default-src 'self': refuse anything that would load from elsewhere.
if grep -Eo '@import[^;]*|url\([^)]{0,40}' designsystemet.css theme-digdir.css \
     | grep -Ev 'url\(["'\'']?data:'; then
  echo "ERROR: external @import/url() found above; strip it before committing." >&2
  exit 1
fi
echo "css   $(node -p "require('$TMP/css/package/package.json').version" 2>/dev/null || echo "$CSS_VERSION")"
echo "theme $(node -p "require('$TMP/theme/package/package.json').version" 2>/dev/null || echo "$THEME_VERSION")"
ls -l designsystemet.css theme-digdir.css
sha256sum designsystemet.css theme-digdir.css
