#!/usr/bin/env bash
# The container's steps (Dockerfile), for machines without Docker, and CI: the committed sources in a
# fresh folder, the build, a production install (`npm ci --omit=dev`), then dev/production-walk.ts
# runs web, worker and copier from it with production settings and walks the wizard once.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT
git archive HEAD | tar -x -C "$dir"
cp -r build "$dir/"
(cd "$dir" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
echo "production: installed with npm ci --omit=dev in $dir ($(ls "$dir/node_modules" | wc -l) packages)"
npx tsx dev/production-walk.ts "$dir"
