#!/usr/bin/env python3
"""Generates the numeric part of the internal instruction set from one table.

Every Wasm numeric operator (Decoding/NumericOperator.swift) becomes one internal opcode of
the same name, whose semantics is the same-named function of NumericSemantics
(Execution/*Semantics.swift). This script writes:
  - Translation/InternalOpcode+Numeric.generated.swift: the opcode mapping,
  - the numeric cases of the interpreter's dispatch switch, between the GENERATED markers
    in Execution/Interpreter.swift,
  - the numeric case list of InternalOpcode, between markers in Translation/InternalInstruction.swift.
Every non-trapping integer or f64 operator also leaves its result in the loop's integer
(`acc`) or float (`facc`) accumulator, and the operators in ACCUMULATOR_CONSUMERS get forms
that read one operand from it (`...AccY`: the left operand, `...AccZ`: the right one; a
commutative operator has only `AccY`, the translator swaps its operands): see
Translation/Translator+Accumulator.swift.
Run it from the package root after changing an operator or its semantics.
"""
import re, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
src = root / "Sources/WasmInterp"
operators = re.findall(r"case (\w+) = 0x", (src / "Decoding/NumericOperator.swift").read_text())
signatures = {}
for name in ["IntegerSemantics", "FloatSemantics", "ConversionSemantics"]:
    text = (src / f"Execution/{name}.swift").read_text()
    for m in re.finditer(r"static func (\w+)\(([^)]*)\)\s*(throws\(TrapReason\))?\s*->\s*(\w+)", text):
        params = [p.split(":")[1].strip() for p in m.group(2).split(",") if ":" in p]
        signatures[m.group(1)] = (params, bool(m.group(3)), m.group(4))

# `bits(_:)` rather than the `bitPattern` getter, which is not always inlined into the huge
# interpreter function (see FloatSemantics.swift).
read = {
    "UInt32": "u32(fp[{s}])", "Int32": "s32(fp[{s}])", "UInt64": "fp[{s}]",
    "Int64": "Int64(bitPattern: fp[{s}])", "Float": "Float(bitPattern: u32(fp[{s}]))",
    "Double": "Double(bitPattern: fp[{s}])",
}
write = {
    "Bool": "bit({v})", "UInt32": "UInt64({v})", "Int32": "UInt64(UInt32(bitPattern: {v}))",
    "UInt64": "{v}", "Int64": "UInt64(bitPattern: {v})",
    "Float": "UInt64(bits({v}))", "Double": "bits({v})",
}
# Operators with accumulator forms: name -> True (commutative), False (not: a form for
# each side), the mirrored comparison (`a < b` is `b > a`: the accumulator on the right is
# the mirror's left), or None (unary).
ACCUMULATOR_CONSUMERS = {
    "i32Add": True, "i32Sub": False, "i32Mul": True, "i32And": True, "i32Or": True, "i32Xor": True,
    "i32Shl": False, "i32ShrS": False, "i32ShrU": False, "i32Rotl": False, "i32Rotr": False,
    "i64Add": True, "i64Sub": False, "i64Mul": True, "i64And": True, "i64Or": True, "i64Xor": True,
    "i64Shl": False, "i64ShrU": False,
    "f64Add": True, "f64Sub": False, "f64Mul": True, "f64Div": False,
    "i32Eq": True, "i32Ne": True, "i32LtS": "i32GtS", "i32LtU": "i32GtU", "i32GtS": "i32LtS", "i32GtU": "i32LtU",
    "i32LeS": "i32GeS", "i32LeU": "i32GeU", "i32GeS": "i32LeS", "i32GeU": "i32LeU",
    "i32Eqz": None, "i64ExtendI32S": None, "i64ExtendI32U": None, "i32WrapI64": None,
    "f64Sqrt": None, "f64ConvertI32S": None, "f64ConvertI32U": None,
}
integer_types = {"UInt32", "Int32", "UInt64", "Int64", "Bool"}
# The accumulator an operand or result of this type travels in.
accumulator_of = {t: "acc" for t in integer_types} | {"Double": "facc"}
read_accumulator = {
    "UInt32": "u32(acc)", "Int32": "s32(acc)", "UInt64": "acc", "Int64": "Int64(bitPattern: acc)", "Double": "facc",
}

def body(call, result, throws):
    """The statements that compute `call` into slot x (and the accumulator of its type)."""
    if throws or result not in accumulator_of:
        value = write[result].format(v=("try " if throws else "") + call)
        line = f"fp[Int(i.x)] = {value}"
        return [f"do {{ {line} }} catch {{ exit = .trap(error); break dispatch }}"] if throws else [line]
    if result == "Double":
        return [f"facc = {call}", "fp[Int(i.x)] = bits(facc)"]
    return [f"acc = {write[result].format(v=call)}", "fp[Int(i.x)] = acc"]

cases, mapping, accumulator_opcodes, forms, results = [], [], [], [], []
for op in operators:
    params, throws, result = signatures[op]
    slots = ["Int(i.y)", "Int(i.z)"][: len(params)]
    args = ", ".join(read[t].format(s=s) for t, s in zip(params, slots))
    cases.append(f"            case .{op}:")
    cases += ["                " + line for line in body(f"NumericSemantics.{op}({args})", result, throws)]
    mapping.append(f"        case .{op}: return .{op}")
    if not throws and result in accumulator_of:
        results.append(f"        case .{op}: return .{'integer' if accumulator_of[result] == 'acc' else 'float'}")
    if op not in ACCUMULATOR_CONSUMERS:
        continue
    assert not throws and all(t in read_accumulator for t in params), op
    shape = ACCUMULATOR_CONSUMERS[op]
    positions = ["y", "z"] if shape is False else ["y"]
    for position in positions:
        name = f"{op}Acc{position.upper()}"
        index = 0 if position == "y" else 1
        operands = [read_accumulator[t] if n == index else read[t].format(s=s) for n, (t, s) in enumerate(zip(params, slots))]
        cases.append(f"            case .{name}:")
        cases += ["                " + line for line in body(f"NumericSemantics.{op}({', '.join(operands)})", result, False)]
        accumulator_opcodes.append(name)
        kind = "integer" if accumulator_of[params[index]] == "acc" else "float"
        forms.append(f"        case (.{op}, .{position}): return AccumulatorForm(.{name}, .{kind})")
        results.append(f"        case .{name}: return .{'integer' if accumulator_of[result] == 'acc' else 'float'}")
    if len(positions) == 1 and len(params) == 2:
        left = op if shape is True else shape
        forms.append(f"        case (.{op}, .z): return AccumulatorForm(.{left}AccY, .{kind}, swapsOperands: true)")

def splice(path, begin, end, body):
    text = path.read_text()
    start = text.index(begin) + len(begin)
    stop = text.index(end)
    path.write_text(text[:start] + "\n" + body + "\n" + text[stop:])

splice(src / "Execution/Interpreter.swift", "// BEGIN GENERATED NUMERIC CASES", "            // END GENERATED NUMERIC CASES", "\n".join(cases))
splice(src / "Translation/InternalInstruction.swift", "// BEGIN GENERATED NUMERIC OPCODES", "    // END GENERATED NUMERIC OPCODES",
       "\n".join(f"    case {op}" for op in operators + accumulator_opcodes))
(src / "Translation/InternalOpcode+Numeric.generated.swift").write_text(
    "// Generated by Utilities/generate-numeric-instructions.py; do not edit.\n\n"
    "extension InternalOpcode {\n"
    "    /// The internal opcode of a numeric operator: operands in slots `y` (and `z`), result in slot `x`.\n"
    "    static func numeric(_ op: NumericOperator) -> InternalOpcode {\n"
    "        switch op {\n" + "\n".join(mapping) + "\n        }\n    }\n\n"
    "    /// The form of a numeric opcode that reads its operand `operand` (`y` or `z`) from an\n"
    "    /// accumulator, if it has one.\n"
    "    static func numericAccumulatorForm(of opcode: InternalOpcode, readingAccumulatorAt operand: AccumulatorOperand) -> AccumulatorForm? {\n"
    "        switch (opcode, operand) {\n" + "\n".join(forms) + "\n        default: return nil\n        }\n    }\n\n"
    "    /// The accumulator a numeric opcode leaves its result in (besides slot `x`).\n"
    "    var numericResultAccumulator: Accumulator? {\n"
    "        switch self {\n" + "\n".join(results) + "\n        default: return nil\n        }\n    }\n}\n")
print(f"{len(operators)} numeric operators and {len(accumulator_opcodes)} accumulator forms generated")
