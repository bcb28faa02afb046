#!/bin/sh
# Shrinks a module on which ours and wasmtime diverge, keeping it diverging.
#
#   Utilities/differential/minimize.sh FILE.wasm [SEED] [--simd]
#
# SEED is the seed whose arguments reproduce the divergence (the N of failures/seed-N.wasm;
# default 0). Writes FILE.min.wasm and prints it as text. Any divergence counts as
# interesting, so check that the shrunk module still shows the one you are after.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/work/main/.venv-wasm/bin/python}
wasm_tools=$(dirname "$python")/wasm-tools
input=$1
seed=${2:-0}
simd=${3:-}
# THEATER=PATH tests another build of ours.
theater_option=${THEATER:+--theater $THEATER}
predicate=$(mktemp)
trap 'rm -f "$predicate"' EXIT
cat > "$predicate" <<EOF
#!/bin/sh
exec "$python" "$here/run.py" --check "\$1" --seed "$seed" --interesting $simd $theater_option
EOF
chmod +x "$predicate"
output="${input%.wasm}.min.wasm"
"$wasm_tools" shrink "$predicate" "$input" -o "$output"
"$wasm_tools" print "$output"
"$python" "$here/run.py" --check "$output" --seed "$seed" $simd $theater_option || true
