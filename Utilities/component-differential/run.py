#!/usr/bin/env python3
"""Differential testing of Theater's component model against wasmtime.

For every component fixture (Fixtures/components/*.wasm, and Fixtures/actors/*.wasm when
that directory exists) this calls every exported function with arguments generated from
its parameter types (boundary integers, special floats, strings in every UTF-8 length
class, empty and long lists, every variant, enum and flag case, ...) on wasmtime (its
Python API) and on ours (`theater component call FILE --calls CALLS.json`, one process per
fixture), and compares each call's result, or the fact that it trapped, and the import
calls and host resource drops it caused.

Imports are stubs on both sides, with one rule (see Sources/TheaterCLI/StubHostImports.swift):
an import returns its first argument when that has the result's type, else a fixed stub
value of the result type (a new host resource for `own`).

Calls run in sessions, each on a new instance: one session per call of a function without
resource parameters, and for components exporting resources one session that constructs
some, calls every function taking them, drops one, and calls the parameterless functions
(observers such as `live-count`) before and after. Each session ends by dropping the
resource handles still alive. The sessions are planned while they run on wasmtime (which
handles are alive decides the resource arguments), then replayed on ours.

Each call gets the same fuel on both sides (--fuel); the engines count fuel differently,
so from a call that runs out on either side to the end of its session nothing is compared
(counted as inconclusive).

Usage (build ours first: swift build --product theater):

    /work/main/.venv-wasm/bin/python Utilities/component-differential/run.py [--verbose]
        [--fuel N] [--theater PATH] [FIXTURE.wasm ...]

Exit status: 0 when every call agrees, 1 on any divergence, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import wasmtime
from wasmtime import component as c

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
FIXTURE_DIRECTORIES = [REPOSITORY / "Fixtures" / "components", REPOSITORY / "Fixtures" / "actors"]
FUEL = 50_000_000  # per call, on both sides (--fuel)


def make_engine():
    config = wasmtime.Config()
    config.consume_fuel = True
    return wasmtime.Engine(config)


ENGINE = make_engine()

# Values per type, in the JSON spelling `theater component call` uses (ComponentValueJSON).
INTEGERS = {
    "S8": [0, -1, 127, -128, 5], "U8": [0, 1, 255, 128],
    "S16": [0, -1, 32767, -32768], "U16": [0, 65535, 1, 32768],
    "S32": [0, -1, 2**31 - 1, -2**31, 12345], "U32": [0, 1, 2**32 - 1, 2**31],
    "S64": [0, -1, 2**63 - 1, -2**63, 2**40], "U64": [0, 1, 2**64 - 1, 2**63],
}
INF, NAN = float("inf"), float("nan")
FLOATS = {
    "F32": [0.0, -0.0, 1.5, -3.25, INF, -INF, NAN, 3.4028234663852886e38, 1.401298464324817e-45,
            1.1754943508222875e-38],
    "F64": [0.0, -0.0, 1.5, -1e300, INF, -INF, NAN, 1.7976931348623157e308, 5e-324, 0.1],
}
CHARS = ["a", "\0", "é", "ÿ", "Ā", "✓", "😀", "\U0010ffff", "\ud7ff", "\ue000"]
STRINGS = ["", "a", "héllo", "ÿþ latin-1", "✓ done", "😀 emoji", "x" * 1000, "é✓😀" * 100, "\0 nul",
           "Ā" + "a" * 40, "ÿ" * 70000]
# Byte strings that mean something to the actor fixtures (invalid UTF-8, "trap", ...).
MESSAGES = [b"\xff\xfe", b"trap", b"fail", b"spin", b"ping 2 peer", b"actor-2:hi", b"3"]
MAX_VALUES = 16
STUB_STRING = "stub ✓ 😀"


@dataclass
class ResourcePick:
    """A resource argument, chosen when the session runs from the live handles of `resource`."""
    owned: bool
    resource: Any
    index: int


def kind(ty) -> str:
    return type(ty).__name__


def values(ty, depth: int = 0) -> list:
    """Argument values of type `ty`; nested aggregates get fewer."""
    result = _values(ty, depth)
    limit = MAX_VALUES if depth < 2 else 2
    return result[:limit]


def _values(ty, depth: int) -> list:
    name = kind(ty)
    if name == "Bool":
        return [False, True]
    if name in INTEGERS:
        return INTEGERS[name]
    if name in FLOATS:
        return FLOATS[name]
    if name == "Char":
        return CHARS
    if name == "String":
        return STRINGS
    if name == "ListType":
        elements = values(ty.element, depth + 1)
        lists = [[], elements[:1], elements]
        if kind(ty.element) == "U8":
            lists += [list(range(256)) * 4, [7] * 70000] + [list(m) for m in MESSAGES]
        return lists
    if name == "RecordType":
        return _combinations([t for _, t in ty.fields], depth,
                             lambda items: {n: v for (n, _), v in zip(ty.fields, items)})
    if name == "TupleType":
        return _combinations(ty.elements, depth, list)
    if name == "VariantType":
        cases = []
        for case, payload in ty.cases:
            payloads = values(payload, depth + 1)[: 3 if not cases else 1] if payload is not None else [None]
            cases += [{case: p} for p in payloads]
        return cases
    if name == "EnumType":
        return list(ty.names)
    if name == "OptionType":
        return [None] + [{"some": v} for v in values(ty.payload, depth + 1)[:3]]
    if name == "ResultType":
        oks = values(ty.ok, depth + 1)[:2] if ty.ok is not None else [None]
        errors = values(ty.err, depth + 1)[:2] if ty.err is not None else [None]
        return [{"ok": v} for v in oks] + [{"err": v} for v in errors]
    if name == "FlagsType":
        names = list(ty.names)
        return [[], names[:1], names[-1:], names, names[::2]]
    if name in ("OwnType", "BorrowType"):
        return [ResourcePick(name == "OwnType", ty.ty, index) for index in range(2)]
    raise NotImplementedError(f"values of {name}")


def _combinations(types, depth, build) -> list:
    """Values of a product type: the i-th takes the i-th value of each member, cycling."""
    member_values = [values(t, depth + 1) for t in types]
    count = max((len(v) for v in member_values), default=1)
    return [build([v[i % len(v)] for v in member_values]) for i in range(count)]


def argument_sets(function_type) -> list:
    parameters = [t for _, t in function_type.params]
    if not parameters:
        return [[]]
    return _combinations(parameters, -1, list)[:MAX_VALUES]


def mentions_resource(ty) -> bool:
    name = kind(ty)
    if name in ("OwnType", "BorrowType"):
        return True
    if name == "ListType":
        return mentions_resource(ty.element)
    if name == "OptionType":
        return mentions_resource(ty.payload)
    if name == "RecordType":
        return any(mentions_resource(t) for _, t in ty.fields)
    if name == "TupleType":
        return any(mentions_resource(t) for t in ty.elements)
    if name == "VariantType":
        return any(t is not None and mentions_resource(t) for _, t in ty.cases)
    if name == "ResultType":
        return any(t is not None and mentions_resource(t) for t in (ty.ok, ty.err))
    return False


def stub_value(ty, session: "Session"):
    """What a stub import returns (the same rule as StubHostImports.swift)."""
    name = kind(ty)
    table = {"Bool": True, "F32": 0.5, "F64": 0.5, "Char": "✓", "String": STUB_STRING}
    if name in table:
        return table[name]
    if name in INTEGERS:
        return 42
    if name == "ListType":
        return [stub_value(ty.element, session)]
    if name == "RecordType":
        return {n: stub_value(t, session) for n, t in ty.fields}
    if name == "TupleType":
        return [stub_value(t, session) for t in ty.elements]
    if name == "VariantType":
        case, payload = ty.cases[0]
        return {case: stub_value(payload, session) if payload is not None else None}
    if name == "EnumType":
        return ty.names[0]
    if name == "OptionType":
        return {"some": stub_value(ty.payload, session)}
    if name == "ResultType":
        return {"ok": stub_value(ty.ok, session) if ty.ok is not None else None}
    if name == "FlagsType":
        return list(ty.names)
    if name == "OwnType":
        session.last_representation += 1
        return {"host-resource": session.last_representation}
    raise NotImplementedError(f"stub value of {name}")


# Conversions between the JSON spelling and wasmtime's Python values.

def variant_cases(ty) -> list:
    name = kind(ty)
    if name == "OptionType":
        return [("none", None), ("some", ty.payload)]
    if name == "ResultType":
        return [("ok", ty.ok), ("err", ty.err)]
    return list(ty.cases)


def to_wasmtime(ty, value, session: "Session"):
    name = kind(ty)
    if name == "ListType":
        if kind(ty.element) == "U8":
            return bytes(value)
        return [to_wasmtime(ty.element, v, session) for v in value]
    if name == "RecordType":
        record = c.Record()
        for field_name, field_type in ty.fields:
            setattr(record, field_name, to_wasmtime(field_type, value[field_name], session))
        return record
    if name == "TupleType":
        return tuple(to_wasmtime(t, v, session) for t, v in zip(ty.elements, value))
    if name in ("VariantType", "OptionType", "ResultType"):
        if name == "OptionType":
            tag, payload = ("none", None) if value is None else ("some", value["some"])
        else:
            (tag, payload), = value.items()
        payload_type = dict(variant_cases(ty))[tag]
        payload = to_wasmtime(payload_type, payload, session) if payload_type is not None else None
        return c.Variant(tag, payload) if ty._tagged() else payload
    if name == "FlagsType":
        return set(value)
    if name in ("OwnType", "BorrowType"):
        if "host-resource" in value:
            make = c.ResourceHost.own if name == "OwnType" else c.ResourceHost.borrow
            return make(value["host-resource"], session.fixture.host_resource_id(ty.ty))
        return session.handle(value["handle"], owned=name == "OwnType")
    if name in ("F32", "F64"):
        return float(value)
    return value


def from_wasmtime(ty, value, session: "Session", in_import: bool):
    name = kind(ty)
    if name == "ListType":
        return [from_wasmtime(ty.element, v, session, in_import) for v in value]
    if name == "RecordType":
        return {n: from_wasmtime(t, getattr(value, n), session, in_import) for n, t in ty.fields}
    if name == "TupleType":
        return [from_wasmtime(t, v, session, in_import) for t, v in zip(ty.elements, value)]
    if name in ("VariantType", "OptionType", "ResultType"):
        tag, payload = lifted_case(ty, value)
        payload_type = dict(variant_cases(ty))[tag]
        payload = from_wasmtime(payload_type, payload, session, in_import) if payload_type is not None else None
        if name == "OptionType":
            return None if tag == "none" else {"some": payload}
        return {tag: payload}
    if name == "FlagsType":
        return [n for n in ty.names if n in value]
    if name in ("OwnType", "BorrowType"):
        if in_import:
            return {"host-resource": value.to_host(session.store).rep}
        return {"handle": session.add_handle(value, ty.ty)}
    return value


def lifted_case(ty, value):
    """(case name, payload) of a lifted variant, option or result: wasmtime gives a
    `Variant` when the cases' Python classes overlap, else the bare payload."""
    if ty._tagged():
        return value.tag, value.payload
    for case, payload_type in variant_cases(ty):
        if payload_type is None:
            if value is None:
                return case, None
            continue
        classes = set()
        payload_type.add_classes(classes)
        if isinstance(value, tuple(classes)):
            return case, value
    raise ValueError(f"no case of {kind(ty)} fits {value!r}")


def file_spelling(value):
    """A value as the calls file spells it: floats and 64-bit integers as strings."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)
    if isinstance(value, int):
        return value if abs(value) < 2**53 else str(value)
    if isinstance(value, list):
        return [file_spelling(v) for v in value]
    if isinstance(value, dict):
        return {k: file_spelling(v) for k, v in value.items()}
    raise TypeError(f"cannot spell {value!r}")


def same(a, b) -> bool:
    """Deep equality that tells booleans from integers and -0.0 from 0.0, and takes NaN
    as equal to NaN."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, float) or isinstance(b, float):
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            return False
        a, b = float(a), float(b)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


# Running on wasmtime.

@dataclass
class Export:
    interface: Optional[str]
    name: str
    type: Any

    @property
    def label(self) -> str:
        return f"{self.interface}#{self.name}" if self.interface else self.name


class Fixture:
    """A component on wasmtime: its exports, and a linker with the stub imports."""

    def __init__(self, path: Path):
        self.path = path
        self.component = c.Component.from_file(ENGINE, str(path))
        self.current: Optional[Session] = None
        self.host_resources: list = []  # (interface, name, wasmtime ResourceType)
        self.exports = self._exports()
        self.linker = c.Linker(ENGINE)
        with self.linker.root() as root:
            for name, item in self.component.type.imports(ENGINE).items():
                self._define_import(root, name, item.ty)

    def _exports(self) -> list:
        found = []
        for name, item in self.component.type.exports(ENGINE).items():
            ty = item.ty
            if isinstance(ty, c.FuncType):
                found.append(Export(None, name, ty))
            elif isinstance(ty, c.ComponentInstanceType):
                for member, member_item in ty.exports(ENGINE).items():
                    if isinstance(member_item.ty, c.FuncType):
                        found.append(Export(name, member, member_item.ty))
        return found

    def _define_import(self, root, name, ty):
        if isinstance(ty, c.FuncType):
            root.add_func(name, self._stub(name, ty))
        elif isinstance(ty, c.ComponentInstanceType):
            with root.add_instance(name) as instance:
                members = ty.exports(ENGINE)
                for member, item in members.items():
                    if isinstance(item.ty, c.ResourceType):
                        self._define_resource(instance, name, member, item.ty)
                for member, item in members.items():
                    if isinstance(item.ty, c.FuncType):
                        instance.add_func(member, self._stub(f"{name}#{member}", item.ty))

    def _define_resource(self, instance, interface, name, resource_type):
        # An interface that `use`s another's resource exports that same type again.
        known = [index for index, (_, _, ty) in enumerate(self.host_resources) if ty == resource_type]
        if known:
            interface, name, _ = self.host_resources[known[0]]
            identifier = known[0] + 1
        else:
            identifier = len(self.host_resources) + 1
            self.host_resources.append((interface, name, resource_type))

        def drop(store, representation):
            self.current.events.append({"drop": name, "rep": representation})
        instance.add_resource(name, c.ResourceType.host(identifier), drop)

    def defines_host_resource(self, resource_type) -> bool:
        return any(known == resource_type for _, _, known in self.host_resources)

    def host_resource_id(self, resource_type) -> int:
        for index, (_, _, known) in enumerate(self.host_resources):
            if known == resource_type:
                return index + 1
        raise ValueError("an import returns a resource the host does not define")

    def _stub(self, label, function_type):
        parameters = [t for _, t in function_type.params]
        result = function_type.result

        def stub(store, *arguments):
            session = self.current
            session.events.append({"import": label, "arguments": [
                from_wasmtime(t, a, session, in_import=True) for t, a in zip(parameters, arguments)]})
            if result is None:
                return None
            if parameters and parameters[0] == result:
                return arguments[0]
            return to_wasmtime(result, stub_value(result, session), session)
        return stub


class Session:
    """One instance on wasmtime, with the resource handles its exports returned."""

    def __init__(self, fixture: Fixture):
        self.fixture = fixture
        fixture.current = self
        self.store = wasmtime.Store(ENGINE)
        self.store.set_fuel(FUEL)
        self.events: list = []
        self.last_representation = 0
        self.host_arguments = 0
        self.handles: list = []  # [ResourceAny, resource type, alive]
        self.actions: list = []  # (action for the calls file, label, wasmtime's outcome)
        try:
            self.instance = fixture.linker.instantiate(self.store, fixture.component)
            self.instantiation_error = None
        except (wasmtime.WasmtimeError, wasmtime.Trap) as error:
            self.instance = None
            self.instantiation_error = str(error)

    def add_handle(self, resource, resource_type) -> int:
        self.handles.append([resource, resource_type, True])
        return len(self.handles)

    def handle(self, number: int, owned: bool):
        entry = self.handles[number - 1]
        if owned:
            entry[2] = False
        return entry[0]

    def live_handles(self, resource_type=None) -> list:
        return [number for number, (_, ty, alive) in enumerate(self.handles, 1)
                if alive and (resource_type is None or ty == resource_type)]

    def realize(self, value):
        """`value` with its resource picks replaced by live handles; None if one has none."""
        if isinstance(value, ResourcePick):
            if self.fixture.defines_host_resource(value.resource):
                # Numbered apart from the resources stub imports make (1, 2, ...).
                self.host_arguments += 1
                return {"host-resource": 1000 + self.host_arguments}
            live = self.live_handles(value.resource)
            if not live:
                raise LookupError
            return {"handle": live[-1 - value.index % len(live) if value.owned else value.index % len(live)]}
        if isinstance(value, list):
            return [self.realize(v) for v in value]
        if isinstance(value, dict):
            return {k: self.realize(v) for k, v in value.items()}
        return value

    def call(self, export: Export, arguments: list) -> bool:
        """Calls `export` on wasmtime and records the action; False if a resource argument
        has no live handle."""
        try:
            arguments = [self.realize(a) for a in arguments]
        except LookupError:
            return False
        action = {"call": {"interface": export.interface, "name": export.name,
                           "arguments": [file_spelling(a) for a in arguments]}}
        self.actions.append((action, f"{export.label}({_short(arguments)})", self._run_call(export, arguments)))
        return True

    def _run_call(self, export: Export, arguments: list) -> dict:
        if self.instance is None:
            return {"error": f"instantiation failed: {self.instantiation_error}"}
        self.events = []
        try:
            if export.interface is None:
                function = self.instance.get_func(self.store, export.name)
            else:
                index = self.instance.get_export_index(self.store, export.interface)
                function = self.instance.get_func(self.store, self.instance.get_export_index(self.store, export.name, index))
            values = [to_wasmtime(t, a, self) for (_, t), a in zip(export.type.params, arguments)]
        except Exception as error:  # the harness, not the component
            return {"error": f"{type(error).__name__}: {error}", "host": self.events}
        try:
            self.store.set_fuel(FUEL)
            result = function(self.store, *values)
        except (wasmtime.WasmtimeError, wasmtime.Trap) as error:
            return failure(error, self.events)
        if export.type.result is None:
            return {"result": None, "host": self.events}
        return {"result": from_wasmtime(export.type.result, result, self, in_import=False), "host": self.events}

    def drop(self, number: int):
        action = {"drop": number}
        self.events = []
        resource = self.handle(number, owned=True)
        try:
            self.store.set_fuel(FUEL)
            resource.drop(self.store)
            outcome = {"result": None, "host": self.events}
        except (wasmtime.WasmtimeError, wasmtime.Trap) as error:
            outcome = failure(error, self.events)
        self.actions.append((action, f"drop handle {number}", outcome))

    def drop_live_handles(self):
        for number in self.live_handles():
            self.drop(number)


def failure(error, events) -> dict:
    message = trap_message(error)
    if "all fuel consumed" in message:
        return {"out-of-fuel": True, "host": events}
    return {"trap": message, "host": events}


def trap_message(error) -> str:
    """wasmtime's reason for a trap: what follows "Caused by:" if anything does."""
    text = str(error)
    if "Caused by:" in text:
        text = text.split("Caused by:", 1)[1]
    return " ".join(line.strip() for line in text.strip().splitlines())


def _short(arguments) -> str:
    text = json.dumps(file_spelling(arguments), ensure_ascii=False)[1:-1]
    return text if len(text) <= 80 else text[:77] + "..."


def plan_sessions(fixture: Fixture) -> list:
    """Runs the fixture's sessions on wasmtime; the sessions with their outcomes."""
    sessions = []
    plain = [e for e in fixture.exports if not any(mentions_resource(t) for _, t in e.type.params)]
    with_resources = [e for e in fixture.exports if e not in plain]
    for export in plain:
        for arguments in argument_sets(export.type):
            session = Session(fixture)
            session.call(export, arguments)
            session.drop_live_handles()
            sessions.append(session)
    if with_resources:
        session = Session(fixture)
        producers = [e for e in plain if e.type.result is not None and mentions_resource(e.type.result)]
        observers = [e for e in plain if not e.type.params and e not in producers]
        for export in producers:
            for arguments in argument_sets(export.type)[:2]:
                session.call(export, arguments)
        for export in observers:
            session.call(export, [])
        for export in with_resources:
            for arguments in argument_sets(export.type)[:4]:
                session.call(export, arguments)
        for export in observers:
            session.call(export, [])
        live = session.live_handles()
        if live:
            session.drop(live[0])
        for export in observers:
            session.call(export, [])
        session.drop_live_handles()
        sessions.append(session)
    return sessions


# Running on ours, and comparing.

def run_ours(theater: Path, fixture: Fixture, sessions: list) -> list:
    calls = {"sessions": [[action for action, _, _ in s.actions] for s in sessions]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as file:
        json.dump(calls, file, ensure_ascii=False)
        calls_path = file.name
    try:
        process = subprocess.run([str(theater), "component", "call", str(fixture.path), "--calls", calls_path,
                                  "--fuel", str(FUEL)],
                                 capture_output=True, text=True, encoding="utf-8", timeout=600)
    finally:
        os.unlink(calls_path)
    if process.returncode != 0:
        raise RuntimeError(f"theater failed ({process.returncode}): {process.stderr.strip()}")
    return [json.loads(line) for line in process.stdout.splitlines() if line.strip()]


def outcome_kind(outcome: dict) -> str:
    return next(k for k in ("result", "trap", "out-of-fuel", "error") if k in outcome)


def agrees(expected: dict, actual: dict) -> bool:
    kind_ = outcome_kind(expected)
    if kind_ != outcome_kind(actual) or kind_ == "error":
        return False
    if kind_ == "result" and not same(expected["result"], actual["result"]):
        return False
    return same(expected.get("host", []), actual.get("host", []))


@dataclass
class Totals:
    calls: int = 0
    agreements: int = 0
    traps_agreeing: int = 0
    # Calls from one that ran out of fuel on either side to the end of its session: the
    # engines count fuel differently.
    inconclusive: int = 0
    divergences: list = field(default_factory=list)


def compare(fixture: Fixture, sessions: list, ours: list, totals: Totals, verbose: bool):
    by_position = {(line["session"], line["action"]): line for line in ours}
    for session_index, session in enumerate(sessions):
        out_of_fuel = False
        for action_index, (_, label, expected) in enumerate(session.actions):
            totals.calls += 1
            actual = by_position.get((session_index, action_index), {"error": "no output line"})
            out_of_fuel = out_of_fuel or "out-of-fuel" in expected or "out-of-fuel" in actual
            if out_of_fuel:
                totals.inconclusive += 1
                if verbose:
                    print(f"  fuel {fixture.path.name} {label}: wasmtime {_describe(expected)}, theater {_describe(actual)}")
                continue
            if agrees(expected, actual):
                totals.agreements += 1
                totals.traps_agreeing += outcome_kind(expected) == "trap"
                if verbose:
                    print(f"  ok   {fixture.path.name} {label}: {_describe(expected)}")
                    if "trap" in expected:
                        print(f"       theater: {_describe(actual)}")
                continue
            totals.divergences.append((fixture.path.name, session_index, action_index, label, expected, actual))
            print(f"  DIFF {fixture.path.name} session {session_index} action {action_index} {label}\n"
                  f"       wasmtime: {_describe(expected, full=True)}\n       theater:  {_describe(actual, full=True)}")


def _describe(outcome: dict, full: bool = False) -> str:
    kind_ = outcome_kind(outcome)
    text = json.dumps({k: outcome[k] for k in (kind_, "host") if k in outcome} if full else outcome[kind_],
                      ensure_ascii=False)
    return text if full or len(text) <= 100 else text[:97] + "..."


def fixture_paths(arguments: list) -> list:
    if arguments:
        return [Path(a).resolve() for a in arguments]
    paths = []
    for directory in FIXTURE_DIRECTORIES:
        if directory.is_dir():
            paths += sorted(p for p in directory.glob("*.wasm") if is_component(p))
    return paths


def is_component(path: Path) -> bool:
    with open(path, "rb") as file:
        header = file.read(8)
    return header[:4] == b"\0asm" and header[6:8] == b"\x01\x00"


def main() -> int:
    global FUEL
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("fixtures", nargs="*", help="component files (default: every fixture)")
    parser.add_argument("--theater", default=str(REPOSITORY / ".build" / "debug" / "theater"))
    parser.add_argument("--verbose", action="store_true", help="print every agreeing call too")
    parser.add_argument("--fuel", type=int, default=FUEL, help=f"fuel per call (default {FUEL})")
    options = parser.parse_args()
    FUEL = options.fuel
    theater = Path(options.theater)
    if not theater.is_file():
        print(f"no theater binary at {theater}: run `swift build --product theater` first", file=sys.stderr)
        return 2
    totals = Totals()
    for path in fixture_paths(options.fixtures):
        fixture = Fixture(path)
        sessions = plan_sessions(fixture)
        before = (totals.calls, totals.agreements, totals.inconclusive)
        compare(fixture, sessions, run_ours(theater, fixture, sessions), totals, options.verbose)
        print(f"{path.relative_to(REPOSITORY) if path.is_relative_to(REPOSITORY) else path}: "
              f"{totals.calls - before[0]} calls in {len(sessions)} sessions, "
              f"{totals.agreements - before[1]} agree, {totals.inconclusive - before[2]} out of fuel")
    print(f"\n{totals.calls} calls, {totals.agreements} agree ({totals.traps_agreeing} of them both trap), "
          f"{len(totals.divergences)} diverge, {totals.inconclusive} inconclusive (out of fuel)")
    return 1 if totals.divergences else 0


if __name__ == "__main__":
    sys.exit(main())
