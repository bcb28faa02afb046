"""Random modules rich in value flow, to stress the translation of stack code to registers.

wasm-smith's code is valid but mostly dead: values are dropped, and a body often ends in an
appended `unreachable`. The bugs a register-allocating translator is prone to need values to
travel: an operand read from a local that is overwritten before the operand is consumed
(`local.get 0 ... local.tee 0 ... i32.sub`), values carried by branches out of nested blocks
(`br_if`, `br_table`, multi-value block results and parameters), loop parameters, results
of calls and indirect calls moved through scratch locals. This generator builds every
expression to feed a result, a global or memory, so a wrong value shows.

Every module terminates (loops count down a dedicated local; calls go only to functions
defined earlier), and traps are rare (addresses are masked into the memory, divisors made
odd), so calls run to the end. Output is WebAssembly text; `generate(seed, simd)` returns it.
"""

from __future__ import annotations

import random
import struct
from dataclasses import dataclass, field

SCALARS = ["i32", "i64", "f32", "f64"]

UNARY = {  # result type: [(operand type, instruction)]
    "i32": [("i32", "i32.clz"), ("i32", "i32.ctz"), ("i32", "i32.popcnt"), ("i32", "i32.eqz"),
            ("i32", "i32.extend8_s"), ("i32", "i32.extend16_s"), ("i64", "i32.wrap_i64"), ("i64", "i64.eqz"),
            ("f32", "i32.trunc_sat_f32_s"), ("f32", "i32.trunc_sat_f32_u"), ("f64", "i32.trunc_sat_f64_s"),
            ("f64", "i32.trunc_sat_f64_u"), ("f32", "i32.reinterpret_f32")],
    "i64": [("i64", "i64.clz"), ("i64", "i64.ctz"), ("i64", "i64.popcnt"), ("i64", "i64.extend8_s"),
            ("i64", "i64.extend16_s"), ("i64", "i64.extend32_s"), ("i32", "i64.extend_i32_s"),
            ("i32", "i64.extend_i32_u"), ("f32", "i64.trunc_sat_f32_s"), ("f32", "i64.trunc_sat_f32_u"),
            ("f64", "i64.trunc_sat_f64_s"), ("f64", "i64.trunc_sat_f64_u"), ("f64", "i64.reinterpret_f64")],
    "f32": [("f32", "f32.abs"), ("f32", "f32.neg"), ("f32", "f32.sqrt"), ("f32", "f32.ceil"), ("f32", "f32.floor"),
            ("f32", "f32.trunc"), ("f32", "f32.nearest"), ("i32", "f32.convert_i32_s"), ("i32", "f32.convert_i32_u"),
            ("i64", "f32.convert_i64_s"), ("i64", "f32.convert_i64_u"), ("f64", "f32.demote_f64"),
            ("i32", "f32.reinterpret_i32")],
    "f64": [("f64", "f64.abs"), ("f64", "f64.neg"), ("f64", "f64.sqrt"), ("f64", "f64.ceil"), ("f64", "f64.floor"),
            ("f64", "f64.trunc"), ("f64", "f64.nearest"), ("i32", "f64.convert_i32_s"), ("i32", "f64.convert_i32_u"),
            ("i64", "f64.convert_i64_s"), ("i64", "f64.convert_i64_u"), ("f32", "f64.promote_f32"),
            ("i64", "f64.reinterpret_i64")],
}
# Conversions that trap on NaN and out-of-range inputs: rarer, so calls mostly run on.
TRAPPING_UNARY = {"i32": [("f32", "i32.trunc_f32_s"), ("f64", "i32.trunc_f64_u")],
                  "i64": [("f32", "i64.trunc_f32_u"), ("f64", "i64.trunc_f64_s")]}

INTEGER_BINARY = ["add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr"]
DIVISIONS = ["div_s", "div_u", "rem_s", "rem_u"]
INTEGER_COMPARISONS = ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"]
FLOAT_BINARY = ["add", "sub", "mul", "div", "min", "max", "copysign"]
FLOAT_COMPARISONS = ["eq", "ne", "lt", "gt", "le", "ge"]

LOADS = {  # result type: [(instruction, bytes)]
    "i32": [("i32.load", 4), ("i32.load8_s", 1), ("i32.load8_u", 1), ("i32.load16_s", 2), ("i32.load16_u", 2)],
    "i64": [("i64.load", 8), ("i64.load8_s", 1), ("i64.load16_u", 2), ("i64.load32_s", 4), ("i64.load32_u", 4)],
    "f32": [("f32.load", 4)],
    "f64": [("f64.load", 8)],
    "v128": [("v128.load", 16), ("v128.load8x8_s", 8), ("v128.load16x4_u", 8), ("v128.load32x2_s", 8),
             ("v128.load8_splat", 1), ("v128.load32_splat", 4), ("v128.load64_splat", 8),
             ("v128.load32_zero", 4), ("v128.load64_zero", 8)],
}
STORES = {"i32": ["i32.store", "i32.store8", "i32.store16"], "i64": ["i64.store", "i64.store8", "i64.store32"],
          "f32": ["f32.store"], "f64": ["f64.store"], "v128": ["v128.store"]}

VECTOR_UNARY = [
    "v128.not", "i8x16.abs", "i8x16.neg", "i8x16.popcnt", "i16x8.abs", "i16x8.neg", "i32x4.abs", "i32x4.neg",
    "i64x2.abs", "i64x2.neg", "f32x4.abs", "f32x4.neg", "f32x4.sqrt", "f32x4.ceil", "f32x4.floor", "f32x4.trunc",
    "f32x4.nearest", "f64x2.abs", "f64x2.neg", "f64x2.sqrt", "f64x2.ceil", "f64x2.floor", "f64x2.trunc",
    "f64x2.nearest", "i16x8.extend_low_i8x16_s", "i16x8.extend_high_i8x16_u", "i32x4.extend_low_i16x8_u",
    "i32x4.extend_high_i16x8_s", "i64x2.extend_low_i32x4_s", "i64x2.extend_high_i32x4_u",
    "i32x4.trunc_sat_f32x4_s", "i32x4.trunc_sat_f32x4_u", "f32x4.convert_i32x4_s", "f32x4.convert_i32x4_u",
    "f64x2.convert_low_i32x4_s", "f64x2.convert_low_i32x4_u", "f32x4.demote_f64x2_zero",
    "f64x2.promote_low_f32x4", "i32x4.trunc_sat_f64x2_s_zero", "i32x4.trunc_sat_f64x2_u_zero",
    "i16x8.extadd_pairwise_i8x16_s", "i16x8.extadd_pairwise_i8x16_u", "i32x4.extadd_pairwise_i16x8_s",
    "i32x4.extadd_pairwise_i16x8_u",
]
VECTOR_BINARY = [
    "v128.and", "v128.or", "v128.xor", "v128.andnot", "i8x16.add", "i8x16.sub", "i8x16.add_sat_s",
    "i8x16.add_sat_u", "i8x16.sub_sat_s", "i8x16.sub_sat_u", "i8x16.min_s", "i8x16.min_u", "i8x16.max_s",
    "i8x16.max_u", "i8x16.avgr_u", "i8x16.eq", "i8x16.ne", "i8x16.lt_s", "i8x16.gt_u", "i8x16.le_s", "i8x16.ge_u",
    "i8x16.narrow_i16x8_s", "i8x16.narrow_i16x8_u", "i8x16.swizzle", "i16x8.add", "i16x8.sub", "i16x8.mul",
    "i16x8.add_sat_u", "i16x8.sub_sat_s", "i16x8.min_u", "i16x8.max_s", "i16x8.avgr_u", "i16x8.q15mulr_sat_s",
    "i16x8.eq", "i16x8.lt_u", "i16x8.ge_s", "i16x8.narrow_i32x4_s", "i16x8.narrow_i32x4_u",
    "i16x8.extmul_low_i8x16_s", "i16x8.extmul_high_i8x16_u", "i32x4.add", "i32x4.sub", "i32x4.mul",
    "i32x4.min_s", "i32x4.max_u", "i32x4.dot_i16x8_s", "i32x4.eq", "i32x4.gt_s", "i32x4.le_u",
    "i32x4.extmul_low_i16x8_u", "i32x4.extmul_high_i16x8_s", "i64x2.add", "i64x2.sub", "i64x2.mul",
    "i64x2.eq", "i64x2.ne", "i64x2.lt_s", "i64x2.ge_s", "i64x2.extmul_low_i32x4_s", "f32x4.add", "f32x4.sub",
    "f32x4.mul", "f32x4.div", "f32x4.min", "f32x4.max", "f32x4.pmin", "f32x4.pmax", "f32x4.eq", "f32x4.lt",
    "f32x4.ge", "f64x2.add", "f64x2.sub", "f64x2.mul", "f64x2.div", "f64x2.min", "f64x2.max", "f64x2.pmin",
    "f64x2.pmax", "f64x2.ne", "f64x2.gt", "f64x2.le",
]
VECTOR_SHIFTS = ["i8x16.shl", "i8x16.shr_s", "i8x16.shr_u", "i16x8.shl", "i16x8.shr_s", "i16x8.shr_u",
                 "i32x4.shl", "i32x4.shr_s", "i32x4.shr_u", "i64x2.shl", "i64x2.shr_s", "i64x2.shr_u"]
SPLATS = [("i32", "i8x16.splat"), ("i32", "i16x8.splat"), ("i32", "i32x4.splat"), ("i64", "i64x2.splat"),
          ("f32", "f32x4.splat"), ("f64", "f64x2.splat")]
# (scalar type, instruction, lane count)
EXTRACTS = [("i32", "i8x16.extract_lane_s", 16), ("i32", "i8x16.extract_lane_u", 16),
            ("i32", "i16x8.extract_lane_s", 8), ("i32", "i16x8.extract_lane_u", 8), ("i32", "i32x4.extract_lane", 4),
            ("i64", "i64x2.extract_lane", 2), ("f32", "f32x4.extract_lane", 4), ("f64", "f64x2.extract_lane", 2)]
REPLACES = [("i32", "i8x16.replace_lane", 16), ("i32", "i16x8.replace_lane", 8), ("i32", "i32x4.replace_lane", 4),
            ("i64", "i64x2.replace_lane", 2), ("f32", "f32x4.replace_lane", 4), ("f64", "f64x2.replace_lane", 2)]
VECTOR_TESTS = ["v128.any_true", "i8x16.all_true", "i16x8.all_true", "i32x4.all_true", "i64x2.all_true",
                "i8x16.bitmask", "i16x8.bitmask", "i32x4.bitmask", "i64x2.bitmask"]

MEMORY_PAGES = 1
# Addresses are masked to the first 32 KiB, plus offsets below 256: always in bounds.
ADDRESS_MASK = 0x7FFF


def float_text(bits: int, type_name: str) -> str:
    """An exact WebAssembly text literal for a float's bit pattern (NaN payloads included)."""
    width, exponent_bits, fraction_bits = (32, 8, 23) if type_name == "f32" else (64, 11, 52)
    sign = "-" if bits >> (width - 1) else ""
    exponent = (bits >> fraction_bits) & ((1 << exponent_bits) - 1)
    fraction = bits & ((1 << fraction_bits) - 1)
    if exponent == (1 << exponent_bits) - 1:
        return f"{sign}inf" if fraction == 0 else f"{sign}nan:0x{fraction:x}"
    value = struct.unpack("<f", struct.pack("<I", bits))[0] if type_name == "f32" else \
        struct.unpack("<d", struct.pack("<Q", bits))[0]
    return value.hex() if not sign or value != 0 else "-0x0p+0"


@dataclass
class Label:
    kind: str          # "block", "loop", "if" or "function"
    types: list[str]   # what a branch to it carries: results, or a loop's parameters


@dataclass
class FunctionPlan:
    name: str
    parameters: list[str]
    results: list[str]


@dataclass
class FunctionBuilder:
    rng: random.Random
    module: "ModuleBuilder"
    index: int
    plan: FunctionPlan
    locals: list[str] = field(default_factory=list)          # beyond the parameters
    counters: int = 0                                         # loop counters, after the locals
    labels: list[Label] = field(default_factory=list)
    budget: int = 0

    # -- locals

    def all_value_locals(self) -> list[tuple[int, str]]:
        values = list(enumerate(self.plan.parameters + self.locals))
        return values

    def local_of(self, type_name: str) -> int:
        """An existing local of the type (or a new one): reads and writes collide on purpose."""
        candidates = [index for index, t in self.all_value_locals() if t == type_name]
        if candidates and self.rng.random() < 0.85:
            return self.rng.choice(candidates)
        self.locals.append(type_name)
        return len(self.plan.parameters) + len(self.locals) - 1

    def new_counter(self) -> int:
        self.counters += 1
        return -self.counters  # resolved to an index after the value locals, in finish()

    # -- expressions: each returns instructions that push values of the given types

    def values(self, types: list[str], depth: int) -> list[str]:
        if len(types) >= 2 and depth < 7 and self.rng.random() < 0.3:
            # Several values from one producer: a call's results or a block's, straight into
            # the consumer.
            callees = [i for i, plan in enumerate(self.module.plans[:self.index]) if plan.results == types]
            if callees and self.rng.random() < 0.5:
                callee = self.rng.choice(callees)
                return self.values(self.module.plans[callee].parameters, depth + 1) + [f"call {callee}"]
            code = ["block" + self.block_type([], types)]
            code += self.body(Label("block", types), [], depth + 1)
            return code + ["end"]
        code: list[str] = []
        for type_name in types:
            # Side effects between operands: a local written here may be what an operand
            # already on the stack was read from.
            if self.rng.random() < 0.2:
                code += self.statement(depth + 1)
            code += self.value(type_name, depth)
        return code

    def value(self, type_name: str, depth: int) -> list[str]:
        self.budget -= 1
        if depth >= 7 or self.budget <= 0:
            return self.leaf(type_name)
        makers = [
            (6, self.leaf), (6, self.unary), (9, self.binary), (3, self.tee), (2, self.select),
            (2, self.block_expression), (2, self.if_expression), (1, self.loop_expression),
            (2, self.call_expression), (1, self.indirect_call_expression), (2, self.load), (1, self.global_get),
            (1, self.kept_branch_value),
        ]
        if type_name == "v128":
            makers += [(4, self.vector_binary), (2, self.vector_unary), (2, self.splat_or_replace),
                       (1, self.vector_shift), (1, self.bitselect), (1, self.shuffle)]
        elif self.module.simd and type_name in SCALARS:
            makers.append((2, self.from_vector))
        total = sum(weight for weight, _ in makers)
        pick = self.rng.uniform(0, total)
        for weight, maker in makers:
            pick -= weight
            if pick <= 0:
                return maker(type_name, depth + 1)
        return self.leaf(type_name, depth)

    def leaf(self, type_name: str, depth: int = 0) -> list[str]:
        choice = self.rng.random()
        if choice < 0.5:
            return [f"local.get {self.local_of(type_name)}"]
        if choice < 0.6:
            return self.global_get(type_name, depth)
        return [self.constant(type_name)]

    def constant(self, type_name: str) -> str:
        rng = self.rng
        if type_name in ("i32", "i64"):
            width = 32 if type_name == "i32" else 64
            value = rng.choice([rng.randint(-5, 70), rng.getrandbits(width), 1 << (width - 1),
                                (1 << (width - 1)) - 1, (1 << width) - 1, rng.randint(0, 0x8000)])
            return f"{type_name}.const {value & ((1 << width) - 1)}"
        if type_name in ("f32", "f64"):
            width = 32 if type_name == "f32" else 64
            if rng.random() < 0.6:
                value = rng.choice([0.0, -0.0, 0.5, -1.5, 2.5, 3.0, 1e10, -7.25, 2147483648.0, float("inf"),
                                    -float("inf"), 4294967296.0, 1e-40, rng.randint(-100, 100) / 8])
                bits = struct.unpack("<I", struct.pack("<f", value))[0] if width == 32 else \
                    struct.unpack("<Q", struct.pack("<d", value))[0]
            elif rng.random() < 0.5:
                bits = rng.choice([0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0001]) if width == 32 else \
                    rng.choice([0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000, 0x7FF4_0000_0000_0001])
            else:
                bits = rng.getrandbits(width)
            return f"{type_name}.const {float_text(bits, type_name)}"
        # Lanes of one width, at that width's edges (min, max, -1, 0, 1) or random; often all
        # the same, so that lane-wise operators meet an edge in every lane.
        shape, bits = rng.choice([("i8x16", 8), ("i16x8", 16), ("i32x4", 32), ("i64x2", 64)])
        edges = [1 << (bits - 1), (1 << (bits - 1)) - 1, (1 << bits) - 1, 0, 1]
        if bits == 32:
            edges += [0x7FC0_0000, 0x8000_0000 | 0x3F80_0000, 0x4F00_0000]  # NaN, -1.0f, 2^31 as f32
        pick = lambda: rng.choice(edges) if rng.random() < 0.7 else rng.getrandbits(bits)  # noqa: E731
        lanes = [pick()] * (128 // bits) if rng.random() < 0.5 else [pick() for _ in range(128 // bits)]
        return f"v128.const {shape} " + " ".join(str(lane) for lane in lanes)

    def global_get(self, type_name: str, depth: int = 0) -> list[str]:
        return [f"global.get {self.module.global_of(type_name)}"]

    def unary(self, type_name: str, depth: int) -> list[str]:
        if type_name == "v128":
            return self.vector_unary(type_name, depth)
        options = UNARY[type_name]
        if type_name in TRAPPING_UNARY and self.rng.random() < 0.05:
            options = TRAPPING_UNARY[type_name]
        operand, instruction = self.rng.choice(options)
        return self.value(operand, depth) + [instruction]

    def binary(self, type_name: str, depth: int) -> list[str]:
        rng = self.rng
        if type_name == "v128":
            return self.vector_binary(type_name, depth)
        if type_name == "i32" and rng.random() < 0.35:
            operand = rng.choice(SCALARS)
            operator = rng.choice(INTEGER_COMPARISONS if operand in ("i32", "i64") else FLOAT_COMPARISONS)
            return self.values([operand, operand], depth) + [f"{operand}.{operator}"]
        if type_name in ("i32", "i64"):
            if rng.random() < 0.1:
                # An odd divisor is never 0; MIN / -1 can still trap, as it should.
                operator = rng.choice(DIVISIONS)
                divisor = self.value(type_name, depth) + [f"{type_name}.const 1", f"{type_name}.or"]
                return self.value(type_name, depth) + divisor + [f"{type_name}.{operator}"]
            return self.values([type_name, type_name], depth) + [f"{type_name}.{rng.choice(INTEGER_BINARY)}"]
        return self.values([type_name, type_name], depth) + [f"{type_name}.{rng.choice(FLOAT_BINARY)}"]

    def tee(self, type_name: str, depth: int) -> list[str]:
        return self.value(type_name, depth) + [f"local.tee {self.local_of(type_name)}"]

    def select(self, type_name: str, depth: int) -> list[str]:
        typed = f"select (result {type_name})" if type_name == "v128" or self.rng.random() < 0.3 else "select"
        return self.values([type_name, type_name, "i32"], depth) + [typed]

    def block_type(self, parameters: list[str], results: list[str]) -> str:
        text = "".join(f" (param {t})" for t in parameters) + "".join(f" (result {t})" for t in results)
        return text

    def some_types(self, most: int) -> list[str]:
        return [self.rng.choice(self.module.types) for _ in range(self.rng.randint(0, most))]

    def block_expression(self, type_name: str, depth: int) -> list[str]:
        results = self.with_extra_results(type_name)
        parameters = self.some_types(2) if self.rng.random() < 0.3 else []
        code = self.values(parameters, depth)
        code.append("block" + self.block_type(parameters, results))
        code += self.body(Label("block", results), parameters, depth)
        code.append("end")
        return code + self.keep_last(results, type_name)

    def kept_branch_value(self, type_name: str, depth: int) -> list[str]:
        """`br_if` whose value, when the branch is not taken, is an operand of what follows."""
        code = ["block" + self.block_type([], [type_name])]
        self.labels.append(Label("block", [type_name]))
        for _ in range(self.rng.randint(0, 2)):
            code += self.statement(depth + 1)
        code += self.values([type_name, "i32"], depth) + ["br_if 0"]
        if type_name in SCALARS:
            code += self.value(type_name, depth) + [self.combine(type_name)]
        else:
            code += self.value(type_name, depth) + ["v128.xor"]
        self.labels.pop()
        return code + ["end"]

    def if_expression(self, type_name: str, depth: int) -> list[str]:
        results = self.with_extra_results(type_name)
        parameters = self.some_types(1) if self.rng.random() < 0.3 else []
        code = self.values(parameters, depth) + self.value("i32", depth)
        code.append("if" + self.block_type(parameters, results))
        code += self.body(Label("if", results), parameters, depth)
        code.append("else")
        code += self.body(Label("if", results), parameters, depth)
        code.append("end")
        return code + self.keep_last(results, type_name)

    def loop_expression(self, type_name: str, depth: int) -> list[str]:
        """`loop` counting down its own local; a branch back carries the loop's parameters."""
        results = self.with_extra_results(type_name)
        parameters = self.some_types(2) if self.rng.random() < 0.4 else []
        counter = self.new_counter()
        code = [f"i32.const {self.rng.randint(1, 4)}", f"local.set {counter}"]
        code += self.values(parameters, depth)
        code.append("loop" + self.block_type(parameters, results))
        label = Label("loop", parameters)
        self.labels.append(label)
        code += self.consume(parameters)
        for _ in range(self.rng.randint(0, 3)):
            code += self.statement(depth + 1)
        code += self.values(parameters, depth + 1)
        code += [f"local.get {counter}", "i32.const 1", "i32.sub", f"local.tee {counter}", "br_if 0"]
        # Not taken: the parameters' values are still there; set them aside for the results.
        code += self.consume(parameters)
        code += self.values(results, depth + 1)
        self.labels.pop()
        code.append("end")
        return code + self.keep_last(results, type_name)

    def with_extra_results(self, type_name: str) -> list[str]:
        """A result list ending in `type_name`, sometimes with more before it (multi-value)."""
        return self.some_types(2 if self.rng.random() < 0.3 else 0) + [type_name]

    def keep_last(self, types: list[str], type_name: str) -> list[str]:
        """Instructions leaving only the last of `types` (which is `type_name`) on the stack."""
        if len(types) == 1:
            return []
        keeper = self.local_of(type_name)
        code = [f"local.set {keeper}"]
        for t in reversed(types[:-1]):
            code.append("drop" if self.rng.random() < 0.5 else f"local.set {self.local_of(t)}")
        return code + [f"local.get {keeper}"]

    def consume(self, types: list[str]) -> list[str]:
        """Pops values of `types` (top last) into locals or drops them."""
        return ["drop" if self.rng.random() < 0.3 else f"local.set {self.local_of(t)}" for t in reversed(types)]

    def body(self, label: Label, parameters: list[str], depth: int) -> list[str]:
        """A block's body: takes its parameters, runs statements, ends with its results or a branch."""
        self.labels.append(label)
        code: list[str] = []
        if len(parameters) == 1 and label.types and label.types[-1] == parameters[0] and \
                parameters[0] in SCALARS and self.rng.random() < 0.5:
            # Combine the parameter into the result: it must survive the statements between.
            for _ in range(self.rng.randint(0, 2)):
                code += self.statement(depth + 1)
            code += self.values(label.types[:-1], depth + 1)
            if label.types[:-1]:
                # Values pushed above the parameter: set them aside, combine, put them back.
                saved = [self.local_of(t) for t in label.types[:-1]]
                code += [f"local.set {index}" for index in reversed(saved)]
                code += self.value(parameters[0], depth + 1) + [self.combine(parameters[0])]
                keeper = self.local_of(parameters[0])
                code += [f"local.set {keeper}"] + [f"local.get {index}" for index in saved] + [f"local.get {keeper}"]
            else:
                code += self.value(parameters[0], depth + 1) + [self.combine(parameters[0])]
            self.labels.pop()
            return code
        code += self.consume(parameters)
        for _ in range(self.rng.randint(0, 3)):
            code += self.statement(depth + 1)
        code += self.ending(depth + 1)
        self.labels.pop()
        return code

    def combine(self, type_name: str) -> str:
        return f"{type_name}.{self.rng.choice(['add', 'sub', 'mul', 'xor'] if type_name[0] == 'i' else ['add', 'sub', 'mul', 'min'])}"

    def branch_targets(self) -> list[int]:
        """Depths of enclosing labels a branch may leave to (loops only by their own countdown)."""
        return [depth for depth, label in enumerate(reversed(self.labels)) if label.kind != "loop"]

    def ending(self, depth: int) -> list[str]:
        """The end of the innermost label's body: its values, or a branch or return elsewhere."""
        label = self.labels[-1]
        choice = self.rng.random()
        targets = self.branch_targets()
        if choice < 0.55 or not targets:
            return self.values(label.types, depth)
        if choice < 0.75:
            target = self.rng.choice(targets)
            return self.values(self.label_at(target).types, depth) + [f"br {target}"]
        if choice < 0.9:
            target = self.rng.choice(targets)
            types = self.label_at(target).types
            same = [t for t in targets if self.label_at(t).types == types]
            table = [self.rng.choice(same) for _ in range(self.rng.randint(1, 4))]
            return self.values(types + ["i32"], depth) + ["br_table " + " ".join(map(str, table + [target]))]
        return self.values(self.plan.results, depth) + ["return"]

    def label_at(self, depth: int) -> Label:
        return self.labels[len(self.labels) - 1 - depth]

    # -- statements: instructions with no net effect on the stack

    def statement(self, depth: int) -> list[str]:
        self.budget -= 1
        rng = self.rng
        choice = rng.random()
        if depth >= 7 or self.budget <= 0 or choice < 0.3:
            type_name = rng.choice(self.module.types)
            return self.value(type_name, depth) + [f"local.set {self.local_of(type_name)}"]
        if choice < 0.4:
            type_name = rng.choice(self.module.types)
            return self.value(type_name, depth) + [f"global.set {self.module.global_of(type_name)}"]
        if choice < 0.55:
            type_name = rng.choice(self.module.types)
            return self.address(depth) + self.value(type_name, depth) + \
                [f"{rng.choice(STORES[type_name])} offset={rng.randint(0, 255)}"]
        if choice < 0.7 and self.branch_targets():
            # A conditional branch out; when not taken, its values stay and are set aside.
            target = rng.choice(self.branch_targets())
            types = self.label_at(target).types
            return self.values(types + ["i32"], depth) + [f"br_if {target}"] + self.consume(types)
        if choice < 0.8:
            type_name = rng.choice(self.module.types)
            return self.value(type_name, depth) + ["drop"]
        if choice < 0.85:
            length = rng.randint(0, 300)
            if rng.random() < 0.5:
                return self.address(depth) + self.value("i32", depth) + [f"i32.const {length}", "memory.fill"]
            return self.address(depth) + self.address(depth) + [f"i32.const {length}", "memory.copy"]
        if choice < 0.95:
            # A void block whose body may branch anywhere outward.
            code = ["block"]
            code += self.body(Label("block", []), [], depth)
            return code + ["end"]
        code = self.value("i32", depth) + ["if"] + self.body(Label("if", []), [], depth) + ["end"]
        return code

    def address(self, depth: int) -> list[str]:
        return self.value("i32", depth) + [f"i32.const {ADDRESS_MASK}", "i32.and"]

    def load(self, type_name: str, depth: int) -> list[str]:
        instruction, _ = self.rng.choice(LOADS[type_name])
        return self.address(depth) + [f"{instruction} offset={self.rng.randint(0, 255)}"]

    # -- calls

    def callee_results_code(self, plan: FunctionPlan, type_name: str) -> list[str] | None:
        """After a call returning plan.results, instructions leaving one `type_name`."""
        if type_name not in plan.results:
            return None
        position = max(i for i, t in enumerate(plan.results) if t == type_name)
        keeper = self.local_of(type_name)
        code: list[str] = []
        for index in reversed(range(len(plan.results))):
            if index == position:
                code.append(f"local.set {keeper}")
            else:
                code.append("drop")
        return code + [f"local.get {keeper}"]

    def call_expression(self, type_name: str, depth: int) -> list[str]:
        callees = [(i, p) for i, p in enumerate(self.module.plans[:self.index]) if type_name in p.results]
        if not callees:
            return self.unary(type_name, depth) if type_name != "v128" else self.leaf(type_name)
        index, plan = self.rng.choice(callees)
        tail = self.callee_results_code(plan, type_name) or []
        return self.values(plan.parameters, depth) + [f"call {index}"] + tail

    def indirect_call_expression(self, type_name: str, depth: int) -> list[str]:
        callees = [(i, p) for i, p in enumerate(self.module.plans[:self.index]) if type_name in p.results]
        if not callees:
            return self.leaf(type_name)
        index, plan = self.rng.choice(callees)
        slot = index
        if self.rng.random() < 0.05:
            # Maybe another signature, or past the table's end: both trap. Never this function
            # or a later one, so there is no recursion.
            slot = self.rng.choice(list(range(self.index)) + [len(self.module.plans)])
        signature = "".join(f" (param {t})" for t in plan.parameters) + "".join(f" (result {t})" for t in plan.results)
        tail = self.callee_results_code(plan, type_name) or []
        return self.values(plan.parameters, depth) + [f"i32.const {slot}", "call_indirect" + signature] + tail

    # -- vectors

    def vector_unary(self, type_name: str, depth: int) -> list[str]:
        return self.value("v128", depth) + [self.rng.choice(VECTOR_UNARY)]

    def vector_binary(self, type_name: str, depth: int) -> list[str]:
        return self.values(["v128", "v128"], depth) + [self.rng.choice(VECTOR_BINARY)]

    def vector_shift(self, type_name: str, depth: int) -> list[str]:
        return self.values(["v128", "i32"], depth) + [self.rng.choice(VECTOR_SHIFTS)]

    def bitselect(self, type_name: str, depth: int) -> list[str]:
        return self.values(["v128", "v128", "v128"], depth) + ["v128.bitselect"]

    def shuffle(self, type_name: str, depth: int) -> list[str]:
        lanes = " ".join(str(self.rng.randint(0, 31)) for _ in range(16))
        return self.values(["v128", "v128"], depth) + [f"i8x16.shuffle {lanes}"]

    def splat_or_replace(self, type_name: str, depth: int) -> list[str]:
        if self.rng.random() < 0.5:
            scalar, instruction = self.rng.choice(SPLATS)
            return self.value(scalar, depth) + [instruction]
        scalar, instruction, lanes = self.rng.choice(REPLACES)
        return self.values(["v128", scalar], depth) + [f"{instruction} {self.rng.randrange(lanes)}"]

    def from_vector(self, type_name: str, depth: int) -> list[str]:
        if type_name == "i32" and self.rng.random() < 0.3:
            return self.value("v128", depth) + [self.rng.choice(VECTOR_TESTS)]
        options = [(instruction, lanes) for scalar, instruction, lanes in EXTRACTS if scalar == type_name]
        instruction, lanes = self.rng.choice(options)
        return self.value("v128", depth) + [f"{instruction} {self.rng.randrange(lanes)}"]

    # -- the whole function

    def finish(self) -> str:
        self.budget = self.rng.randint(20, 160)
        code = self.body(Label("function", self.plan.results), [], 0)
        value_locals = len(self.plan.parameters) + len(self.locals)
        # Counters were numbered -1, -2, ...: they live after the value locals.
        lines = []
        for instruction in code:
            words = instruction.split(" ")
            if words[0] in ("local.get", "local.set", "local.tee") and words[1].startswith("-"):
                words[1] = str(value_locals + int(words[1][1:]) - 1)
            lines.append("    " + " ".join(words))
        header = f"  (func ${self.plan.name} (export \"{self.plan.name}\")"
        header += "".join(f" (param {t})" for t in self.plan.parameters)
        header += "".join(f" (result {t})" for t in self.plan.results)
        local_types = self.locals + ["i32"] * self.counters
        local_line = ("\n    (local " + " ".join(local_types) + ")") if local_types else ""
        return header + local_line + "\n" + "\n".join(lines) + ")"


@dataclass
class ModuleBuilder:
    rng: random.Random
    simd: bool
    types: list[str] = field(default_factory=list)
    plans: list[FunctionPlan] = field(default_factory=list)
    globals: list[str] = field(default_factory=list)

    def global_of(self, type_name: str) -> int:
        candidates = [index for index, t in enumerate(self.globals) if t == type_name]
        if candidates and self.rng.random() < 0.8:
            return self.rng.choice(candidates)
        self.globals.append(type_name)
        return len(self.globals) - 1

    def build(self) -> str:
        rng = self.rng
        self.types = SCALARS + (["v128", "v128"] if self.simd else [])
        count = rng.randint(1, 6)
        for index in range(count):
            parameters = [rng.choice(self.types) for _ in range(rng.randint(0, 4))]
            results = [rng.choice(self.types) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
            self.plans.append(FunctionPlan(f"f{index}", parameters, results))
        functions = [FunctionBuilder(rng, self, index, plan).finish() for index, plan in enumerate(self.plans)]
        parts = ["(module"]
        parts.append(f"  (memory (export \"memory\") {MEMORY_PAGES} {MEMORY_PAGES + 3})")
        data = "".join(f"\\{rng.getrandbits(8):02x}" for _ in range(rng.randint(0, 96)))
        parts.append(f"  (data (i32.const {rng.randint(0, 64)}) \"{data}\")")
        for index, type_name in enumerate(self.globals):
            initial = FunctionBuilder(rng, self, 0, self.plans[0]).constant(type_name)
            parts.append(f"  (global (export \"g{index}\") (mut {type_name}) ({initial}))")
        parts.append(f"  (table {len(self.plans)} funcref)")
        parts.append("  (elem (i32.const 0) func " + " ".join(f"${p.name}" for p in self.plans) + ")")
        parts += functions
        parts.append(")")
        return "\n".join(parts)


def generate(seed: int, simd: bool) -> str:
    """The text of a random module; the same seed gives the same module."""
    return ModuleBuilder(random.Random(seed), simd).build()
