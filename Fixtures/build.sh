#!/usr/bin/env bash
# Rebuilds every fixture binary from its source. Needs the venv that
# ../shared/tools/wasm-toolchain.sh creates (default .venv-wasm in the package root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${VENV:-$root/.venv-wasm}
[ -x "$venv/bin/wasm-tools" ] || bash "$root/../shared/tools/wasm-toolchain.sh" "$venv"
wasm_tools="$venv/bin/wasm-tools"
for wat in "$root"/Fixtures/core/*.wat; do
  "$wasm_tools" parse "$wat" -o "${wat%.wat}.wasm"
done
# Core modules the canonical ABI tests instantiate.
for wat in "$root"/Fixtures/components/cabi-*.wat; do
  "$wasm_tools" parse "$wat" -o "${wat%.wat}.wasm"
done

# Components: a core module written in WAT against the canonical ABI, with its WIT world
# embedded, wrapped by `wasm-tools component new`.
components="$root/Fixtures/components"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
built_components=()
build_component() { # NAME WIT WORLD [STRING-ENCODING]
  local name=$1 wit=$2 world=$3 encoding=${4:-utf8}
  "$wasm_tools" parse "$components/$name.wat" -o "$work/$name.core.wasm"
  "$wasm_tools" component embed "$components/$wit" "$work/$name.core.wasm" \
    --world "$world" --encoding "$encoding" -o "$work/$name.embed.wasm"
  "$wasm_tools" component new "$work/$name.embed.wasm" -o "$components/$name.wasm"
  built_components+=("$name")
}
build_component actor-counter theater-simple.wit message-actor
build_component echo echo.wit echo-world
build_component echo-forward echo.wit forward-world
build_component strings-utf8 strings.wit strings utf8
build_component strings-utf16 strings.wit strings utf16
build_component strings-latin1 strings.wit strings compact-utf16
build_component resources resources.wit resources
# Dummy components: wasm-tools generates a core module with the world's signatures whose
# bodies trap. They are for decoding, type resolution and WIT printing, not for running.
build_dummy_component() { # NAME WIT WORLD
  "$wasm_tools" component embed "$components/$2" --world "$3" --dummy-names legacy -o "$work/$1.embed.wasm"
  "$wasm_tools" component new "$work/$1.embed.wasm" -o "$components/$1.wasm"
  built_components+=("$1")
}
build_dummy_component dummy-message-actor theater-simple.wit message-actor
build_dummy_component dummy-supervisor-actor theater-simple.wit supervisor-actor
build_dummy_component dummy-versioned versioned.wit versioned
# Written directly in the component text format.
"$wasm_tools" parse "$components/multi-instance.wat" -o "$components/multi-instance.wasm"
built_components+=(multi-instance)
for name in versioned-names component-calls nested-reuse; do
  "$wasm_tools" parse "$components/$name.wat" -o "$components/$name.wasm"
  built_components+=("$name")
done
# Actors for the actor system's tests (Fixtures/actor-system): C against the canonical
# ABI, compiled without libc; their worlds extend theater:simple (same package, so the
# WIT directory holds both files).
actor_system="$root/Fixtures/actor-system"
clang=${CLANG:-clang}
mkdir -p "$work/actor-system-wit"
cp "$components/theater-simple.wit" "$actor_system"/*.wit "$work/actor-system-wit/"
for source in "$actor_system"/*.c; do
  name=$(basename "${source%.c}")
  "$clang" --target=wasm32 -mcpu=mvp -mbulk-memory -O2 -fno-builtin -nostdlib -Wl,--no-entry \
    -Wl,--stack-first -Wl,-z,stack-size=65536 "$source" -o "$work/$name.core.wasm"
  "$wasm_tools" component embed "$work/actor-system-wit" "$work/$name.core.wasm" \
    --world "$name" -o "$work/$name.embed.wasm"
  "$wasm_tools" component new "$work/$name.embed.wasm" -o "$actor_system/$name.wasm"
done

# The WIT each component's world prints as, to compare the Swift printer with.
for name in "${built_components[@]}"; do
  "$wasm_tools" component wit "$components/$name.wasm" > "$components/$name.expected.wit"
done
# Run every component fixture under wasmtime, when its Python API is installed.
if "$venv/bin/python" -c "import wasmtime" 2>/dev/null; then
  "$venv/bin/python" "$components/check-with-wasmtime.py" "$components"
fi
echo "fixtures rebuilt"

# Actor fixtures (Fixtures/actors): theater:simple actors written in C against the
# canonical ABI, sharing the glue in actor-abi.h, compiled with the Swift toolchain's
# clang (no libc, no wit-bindgen); `minimal` is WAT. Each becomes a component of the
# world its source names.
actors="$root/Fixtures/actors"
clang=${CLANG:-clang}
build_actor() { # NAME WORLD
  local name=$1 world=$2 core="$work/actor-$1.core.wasm"
  if [ -f "$actors/$name.c" ]; then
    "$clang" --target=wasm32 -mcpu=mvp -mbulk-memory -O2 -nostdlib \
      -Wall -Wextra -Werror -Wno-unused-parameter -Wno-unused-function \
      -Wl,--no-entry -Wl,-z,stack-size=4096 -Wl,--strip-debug \
      -o "$core" "$actors/$name.c"
  else
    "$wasm_tools" parse "$actors/$name.wat" -o "$core"
  fi
  "$wasm_tools" component embed "$components/theater-simple.wit" "$core" \
    --world "$world" -o "$work/actor-$name.embed.wasm"
  "$wasm_tools" component new "$work/actor-$name.embed.wasm" -o "$actors/$name.wasm"
}
for name in counter echo ping-pong requester spinner greedy-allocator trapper noop; do
  build_actor "$name" message-actor
done
build_actor minimal minimal
if "$venv/bin/python" -c "import wasmtime" 2>/dev/null; then
  "$venv/bin/python" "$actors/check-with-wasmtime.py" "$actors"
fi
echo "actor fixtures rebuilt"

# Supervision fixtures (Fixtures/supervision): a supervisor actor in C with the shared
# glue of Fixtures/actors, built without and with supervisor-handlers.
supervision="$root/Fixtures/supervision"
mkdir -p "$work/supervision-wit"
cp "$components/theater-simple.wit" "$supervision/supervision.wit" "$work/supervision-wit/"
build_supervisor() { # NAME WORLD [CLANG-FLAG]
  local name=$1 world=$2 flag=${3:-} core="$work/supervision-$1.core.wasm"
  "$clang" --target=wasm32 -mcpu=mvp -mbulk-memory -O2 -nostdlib $flag \
    -Wall -Wextra -Werror -Wno-unused-parameter -Wno-unused-function \
    -Wl,--no-entry -Wl,-z,stack-size=4096 -Wl,--strip-debug \
    -o "$core" "$supervision/supervisor.c"
  "$wasm_tools" component embed "$work/supervision-wit" "$core" --world "$world" -o "$work/supervision-$name.embed.wasm"
  "$wasm_tools" component new "$work/supervision-$name.embed.wasm" -o "$supervision/$name.wasm"
}
build_supervisor supervisor wasm-supervisor
build_supervisor supervisor-handlers supervisor-actor -DWITH_HANDLERS
echo "supervision fixtures rebuilt"
