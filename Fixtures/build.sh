#!/usr/bin/env bash
# Rebuilds every fixture binary from its source. Needs the venv that
# ../shared/tools/wasm-toolchain.sh creates (default .venv-wasm in the package root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${VENV:-$root/.venv-wasm}
[ -x "$venv/bin/wasm-tools" ] || bash "$root/../shared/tools/wasm-toolchain.sh" "$venv"
for wat in "$root"/Fixtures/core/*.wat; do
  "$venv/bin/wasm-tools" parse "$wat" -o "${wat%.wat}.wasm"
done
# Core modules the canonical ABI tests instantiate.
for wat in "$root"/Fixtures/components/cabi-*.wat; do
  "$venv/bin/wasm-tools" parse "$wat" -o "${wat%.wat}.wasm"
done
echo "fixtures rebuilt"
