#!/bin/sh
# Rebuilds the benchmark modules from their C sources with the Swift toolchain's clang and
# wasm-ld (no libc). Idempotent: the same sources give the same .wasm files.
#   Benchmarks/wasm/build.sh
set -eu
cd "$(dirname "$0")"

CLANG=${CLANG:-clang}
FLAGS="--target=wasm32 -O2 -nostdlib -mbulk-memory -Wall -Wextra -Werror -Wl,--no-entry"

for program in fib sieve sort matmul nbody sha256 memops coremark simd_scalar; do
    "$CLANG" $FLAGS "$program.c" -o "$program.wasm"
done

# 128-bit SIMD (wasm_simd128.h intrinsics), the only module built with it.
"$CLANG" $FLAGS -msimd128 simd.c -o simd.wasm

# The large module is generated C (not committed: about 12 MB of source for 4 MB of Wasm).
python3 generate_large.py > large.c
"$CLANG" $FLAGS -I. large.c -o large.wasm
rm -f large.c
